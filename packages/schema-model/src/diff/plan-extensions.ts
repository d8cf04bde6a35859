import { requiredExtensions } from '../ddl/extensions.ts';
import type { Design } from '../design/model.ts';
import type { Planner } from './planner.ts';

/**
 * First of all, the extensions the new version's types come from that the old one did not use
 * (`CREATE EXTENSION IF NOT EXISTS`, so one already there is kept). None is ever dropped: other
 * objects of the database may use it, and dropping it is no part of the design.
 */
export function planExtensions(p: Planner, from: Design, to: Design): void {
  const had = new Set(requiredExtensions(from));
  for (const extension of requiredExtensions(to)) {
    if (had.has(extension)) continue;
    p.out.add({
      id: `create_extension:${extension}`,
      description: `Create the extension ${extension} (if the database has not got it)`,
      statements: [{ kind: 'create_extension', extension }],
    });
  }
}

import type { Design } from '../design/model.ts';
import type { PostgresExtension } from './statements.ts';

/**
 * The PostgreSQL extensions a design's column types come from, in a fixed order: `citext` for
 * CITEXT. citext is a trusted extension (PostgreSQL 13+), so the database's owner creates it
 * without superuser rights; provisioning runs the script as that owner.
 */
export function requiredExtensions(design: Design): PostgresExtension[] {
  const citext = design.tables.some((table) => table.columns.some((c) => c.type.dataType === 'CITEXT'));
  return citext ? ['citext'] : [];
}

import { generateDdl } from '@schema-builder/schema-model/ddl';
import { normalizeDesign } from '@schema-builder/schema-model/design';
import { catalogToDesign } from '@schema-builder/schema-model/import';
import { validateDesign } from '@schema-builder/schema-model/validation';
import { createTestDatabase } from '@schema-builder/testing/postgres';
import { describe, expect, test } from 'vitest';
import { corpusPresent, postgresSets, readCorpusFile, skipNotice } from '../fidelity/corpus.test-support.ts';
import { runOnOneSession } from '../fidelity/load-postgres.test-support.ts';
import { introspectPostgres } from '../postgres/introspect.ts';
import { designShape, tablesPerSchema } from './design-shape.test-support.ts';

/**
 * The corpus's databases of several schemas import with all of them and round-trip: load the
 * corpus file, import every schema as one design, build that design in a fresh database (DDL of
 * the design, schemas created by it), import that database again, and compare the two designs.
 */
if (!corpusPresent) console.log(skipNotice('PostgreSQL schemas'));

const WANTED = ['adventureworks', 'musicbrainz_core', 'musicbrainz_full'];
const sets = corpusPresent ? postgresSets().filter((set) => WANTED.includes(set.name)) : [];

describe.runIf(sets.length > 0)('corpus databases of several schemas', () => {
  test.each(sets.map((set) => [set.name, set] as const))(
    '%s imports with all its schemas and round-trips',
    async (name, set) => {
      expect(set.loadError).toBeUndefined();
      const source = await createTestDatabase('sbschc');
      const copy = await createTestDatabase('sbschc');
      try {
        await runOnOneSession(source.url, set.files.map(readCorpusFile));
        const before = catalogToDesign(await introspectPostgres(source.sql, { schemas: 'all' }), {
          name,
          dialect: 'postgresql',
        });
        expect(validateDesign(before.document).errors).toEqual([]);
        const design = normalizeDesign(before.document);
        const codes: Record<string, number> = {};
        for (const warning of before.warnings) codes[warning.code] = (codes[warning.code] ?? 0) + 1;
        console.log(
          `[schemas] ${name}: ${design.tables.length} tables by schema ${JSON.stringify(tablesPerSchema(design))}, ${design.foreignKeys.length} foreign keys; import warnings ${JSON.stringify(codes)}`,
        );
        // Every foreign key across schemas is kept: none is dropped for pointing outside.
        expect(before.warnings.filter((w) => w.code === 'FK_DROPPED')).toEqual([]);
        expect(design.tables.length).toBeGreaterThan(0);

        await runOnOneSession(copy.url, [generateDdl(design).sql]);
        const after = catalogToDesign(await introspectPostgres(copy.sql, { schemas: 'all' }), {
          name,
          dialect: 'postgresql',
        });
        expect(after.warnings).toEqual([]);
        expect(designShape(normalizeDesign(after.document))).toEqual(designShape(design));
      } finally {
        await Promise.all([source.drop(), copy.drop()]);
      }
    },
    300_000,
  );
});

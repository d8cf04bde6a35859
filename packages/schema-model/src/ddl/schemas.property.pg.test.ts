import { testEnv } from '@schema-builder/testing/env';
import type { TestDatabase } from '@schema-builder/testing/postgres';
import { createTestDatabase } from '@schema-builder/testing/postgres';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { DesignDocument } from '../design/document.ts';
import { normalizeDesign } from '../design/normalize.ts';
import { planPostgresMigration } from '../diff/diff.ts';
import { validateDesign } from '../validation/validate.ts';
import type { Reserved } from './design-arbitrary.test-support.ts';
import { blueprintArb, buildDesign } from './design-arbitrary.test-support.ts';
import { readReserved } from './design-arbitrary-build.test-support.ts';
import { generateDdl } from './generate.ts';

/**
 * Property: a random valid design spread over schemas (every other table and enum moved to
 * schema "alpha", one in three to "Beta Two") stays valid, and its DDL executes on PostgreSQL
 * with each table in its schema and every foreign key and index made, across schemas included;
 * and the migration from the design in one schema to it spread (schemas created, tables and
 * enums moved) and back (moved back, schemas dropped) applies.
 */

const NUM_RUNS = testEnv.FC_NUM_RUNS ?? 100;
const ROLLBACK = new Error('rollback');

function spread(doc: DesignDocument): DesignDocument {
  const schemaOf = (i: number) => (i % 3 === 2 ? 's2' : i % 2 === 1 ? 's1' : undefined);
  return {
    ...doc,
    schemas: [
      { id: 's1', name: 'alpha' },
      { id: 's2', name: 'Beta Two' },
    ],
    tables: doc.tables.map((t, i) => {
      const schemaId = schemaOf(i);
      return schemaId === undefined ? t : { ...t, schemaId };
    }),
    enums: (doc.enums ?? []).map((e, i) => {
      const schemaId = schemaOf(i + 1);
      return schemaId === undefined ? e : { ...e, schemaId };
    }),
  };
}

describe('generated DDL for random valid designs over several schemas', () => {
  let db: TestDatabase;
  let reserved: Reserved;

  beforeAll(async () => {
    db = await createTestDatabase('sbschprop');
    reserved = await readReserved((text) => db.sql.unsafe(text));
  });

  afterAll(async () => {
    await db?.drop();
  });

  test('executes on PostgreSQL with each table in its schema', async () => {
    await fc.assert(
      fc.asyncProperty(blueprintArb, async (blueprint) => {
        const doc = spread(buildDesign(blueprint, reserved));
        expect(validateDesign(doc).errors).toEqual([]);
        const design = normalizeDesign(doc);
        const { sql } = generateDdl(design);
        const schemaName = new Map((design.schemas ?? []).map((s) => [s.id, s.name]));
        const expected = design.tables
          .map((t) => `${t.schemaId === undefined ? 'public' : schemaName.get(t.schemaId)}.${t.name}`)
          .sort();
        let found: { tables: string[]; foreignKeys: number; indexes: number } | undefined;
        await db.sql
          .begin(async (tx) => {
            await tx.unsafe(sql).simple();
            const tables = await tx<{ name: string }[]>`
              SELECT n.nspname || '.' || c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
              WHERE c.relkind = 'r' AND n.nspname IN ('public', 'alpha', 'Beta Two')`;
            const [counts] = await tx<{ foreignKeys: number; indexes: number }[]>`
              SELECT (SELECT count(*)::int FROM pg_constraint k JOIN pg_namespace n ON n.oid = k.connamespace
                      WHERE k.contype = 'f' AND n.nspname IN ('public', 'alpha', 'Beta Two')) AS "foreignKeys",
                     (SELECT count(*)::int FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
                      JOIN pg_namespace n ON n.oid = c.relnamespace
                      WHERE n.nspname IN ('public', 'alpha', 'Beta Two') AND NOT EXISTS (
                        SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid AND k.contype IN ('p', 'u'))) AS indexes`;
            found = {
              tables: tables.map((t) => t.name).sort(),
              foreignKeys: counts?.foreignKeys ?? -1,
              indexes: counts?.indexes ?? -1,
            };
            throw ROLLBACK;
          })
          .catch((error: unknown) => {
            if (error === ROLLBACK) return;
            throw new Error(`${error instanceof Error ? error.message : String(error)}\n--- SQL ---\n${sql}`);
          });
        expect(found?.tables).toEqual(expected);
        expect(found?.foreignKeys).toBe(design.foreignKeys.length);
        expect(found?.indexes).toBe(design.tables.flatMap((t) => t.indexes).length);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  test('moving every other table and enum into schemas, and back, applies on PostgreSQL', async () => {
    await fc.assert(
      fc.asyncProperty(blueprintArb, async (blueprint) => {
        const plain = buildDesign(blueprint, reserved);
        const one = normalizeDesign(plain);
        const spreadDesign = normalizeDesign(spread(plain));
        const there = planPostgresMigration(one, spreadDesign);
        const back = planPostgresMigration(spreadDesign, one);
        expect(planPostgresMigration(spreadDesign, spreadDesign).steps).toEqual([]);
        const statements = [
          generateDdl(one).sql,
          ...there.steps.flatMap((s) => s.sql),
          ...back.steps.flatMap((s) => s.sql),
        ];
        let tables: string[] | undefined;
        await db.sql
          .begin(async (tx) => {
            for (const statement of statements)
              if (statement.trim() !== '') await tx.unsafe(statement).simple();
            tables = (
              await tx<{ name: string }[]>`
                SELECT n.nspname || '.' || c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE c.relkind = 'r' AND n.nspname IN ('public', 'alpha', 'Beta Two')`
            )
              .map((t) => t.name)
              .sort();
            throw ROLLBACK;
          })
          .catch((error: unknown) => {
            if (error === ROLLBACK) return;
            throw new Error(
              `${error instanceof Error ? error.message : String(error)}\n--- SQL ---\n${statements.join('\n')}`,
            );
          });
        expect(tables).toEqual(one.tables.map((t) => `public.${t.name}`).sort());
      }),
      { numRuns: NUM_RUNS },
    );
  });
});

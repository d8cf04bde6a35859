import type { CatalogSnapshot } from '@schema-builder/testing/catalog';
import { evaluateDefaults, readCatalog } from '@schema-builder/testing/catalog';
import { testEnv } from '@schema-builder/testing/env';
import type { TestDatabase } from '@schema-builder/testing/postgres';
import { createTestDatabase } from '@schema-builder/testing/postgres';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { normalizeDesign } from '../design/normalize.ts';
import { validateDesign } from '../validation/validate.ts';
import type { Reserved } from './design-arbitrary.test-support.ts';
import { blueprintArb, buildDesign } from './design-arbitrary.test-support.ts';
import { readReserved } from './design-arbitrary-build.test-support.ts';
import { generateDdl } from './generate.ts';

/**
 * Property: every valid design (see design-arbitrary.test-support.ts) turns into DDL that PostgreSQL executes,
 * whose defaults evaluate, and whose catalog holds as many tables, foreign keys, indexes and enums
 * as the design.
 */

const NUM_RUNS = testEnv.FC_NUM_RUNS ?? 100;

// ---------------------------------------------------------------------------------------------

/** Thrown to roll back each run's transaction. */
const ROLLBACK = new Error('rollback');

describe('generated DDL for random valid designs', () => {
  let db: TestDatabase;
  let reserved: Reserved;

  beforeAll(async () => {
    db = await createTestDatabase('sbddlprop');
    reserved = await readReserved((text) => db.sql.unsafe(text));
  });

  afterAll(async () => {
    await db?.drop();
  });

  test('the arbitrary only produces valid designs', () => {
    fc.assert(
      fc.property(blueprintArb, (blueprint) => {
        const doc = buildDesign(blueprint, reserved);
        const report = validateDesign(doc);
        expect(report.errors).toEqual([]);
      }),
      { numRuns: NUM_RUNS * 5 },
    );
  });

  test('executes on PostgreSQL, defaults evaluate, and the catalog has the design’s objects', async () => {
    await fc.assert(
      fc.asyncProperty(blueprintArb, async (blueprint) => {
        const doc = buildDesign(blueprint, reserved);
        expect(validateDesign(doc).errors).toEqual([]);
        const design = normalizeDesign(doc);
        const { sql } = generateDdl(design);
        expect(generateDdl(normalizeDesign(structuredClone(doc))).sql).toBe(sql);

        let catalog: CatalogSnapshot | undefined;
        await db.sql
          .begin(async (tx) => {
            await tx.unsafe(sql).simple();
            await evaluateDefaults(tx);
            catalog = await readCatalog(tx);
            throw ROLLBACK;
          })
          .catch((error: unknown) => {
            if (error === ROLLBACK) return;
            throw new Error(`${error instanceof Error ? error.message : String(error)}\n--- SQL ---\n${sql}`);
          });
        if (!catalog) throw new Error('no catalog');

        const tables = Object.values(catalog.tables);
        expect(Object.keys(catalog.tables).sort()).toEqual(design.tables.map((t) => t.name).sort());
        expect(tables.flatMap((t) => t.foreignKeys)).toHaveLength(design.foreignKeys.length);
        expect(tables.flatMap((t) => t.indexes)).toHaveLength(design.tables.flatMap((t) => t.indexes).length);
        expect(tables.filter((t) => t.primaryKey !== null)).toHaveLength(design.tables.length);
        expect(Object.keys(catalog.enums).sort()).toEqual(design.enums.map((e) => e.name).sort());
      }),
      { numRuns: NUM_RUNS },
    );
  });
});

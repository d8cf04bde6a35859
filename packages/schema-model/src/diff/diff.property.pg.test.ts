import { readCatalog } from '@schema-builder/testing/catalog';
import { testEnv } from '@schema-builder/testing/env';
import type { TestDatabase } from '@schema-builder/testing/postgres';
import { createTestDatabase } from '@schema-builder/testing/postgres';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Reserved } from '../ddl/design-arbitrary.test-support.ts';
import { blueprintArb, buildDesign } from '../ddl/design-arbitrary.test-support.ts';
import { readReserved } from '../ddl/design-arbitrary-build.test-support.ts';
import { normalizeDesign } from '../design/normalize.ts';
import { validateDesign } from '../validation/validate.ts';
import { applyEdits, editArb } from './design-edits.test-support.ts';
import { planPostgresMigration } from './diff.ts';
import { applyPlan, build, freshCatalog, inFreshSchema } from './pg-harness.test-support.ts';

/**
 * Property: for a random valid design v1 and a random sequence of edits giving v2, the plan from
 * v1 to v2 applied to a database built from v1 gives exactly the catalog of a fresh build of v2
 * (generated names included), and v2 diffs empty against itself.
 */

const NUM_RUNS = testEnv.FC_NUM_RUNS ?? 50;
/** Each run builds two schemas on a slow shared machine: allow generously per run. */
const TIMEOUT_MS = Math.max(60_000, NUM_RUNS * 2_000);

describe('migration plans for random edits of random designs', () => {
  let db: TestDatabase;
  let reserved: Reserved;

  beforeAll(async () => {
    db = await createTestDatabase('sbdiffprop');
    reserved = await readReserved((text) => db.sql.unsafe(text));
  });

  afterAll(async () => {
    await db?.drop();
  });

  test('the edits keep designs valid', () => {
    fc.assert(
      fc.property(blueprintArb, fc.array(editArb, { minLength: 1, maxLength: 8 }), (blueprint, edits) => {
        const v2 = applyEdits(buildDesign(blueprint, reserved), edits, reserved);
        expect(validateDesign(v2).errors).toEqual([]);
      }),
      { numRuns: NUM_RUNS * 2 },
    );
  });

  test(
    'applying the plan to a database of v1 gives what a fresh build of v2 gives',
    async () => {
      await fc.assert(
        fc.asyncProperty(
          blueprintArb,
          fc.array(editArb, { minLength: 1, maxLength: 8 }),
          async (blueprint, edits) => {
            const v1doc = buildDesign(blueprint, reserved);
            const v1 = normalizeDesign(v1doc);
            const v2 = normalizeDesign(applyEdits(v1doc, edits, reserved));
            const plan = planPostgresMigration(v1, v2);
            const expected = await freshCatalog(db.sql, v2);
            const actual = await inFreshSchema(db.sql, async (conn, schema) => {
              await build(conn, v1);
              await applyPlan(conn, plan).catch((error: unknown) => {
                const sql = plan.steps.flatMap((s) => s.sql).join('\n');
                throw new Error(
                  `${error instanceof Error ? error.message : String(error)}\n--- plan ---\n${sql}`,
                );
              });
              return readCatalog(conn, schema);
            });
            expect(actual).toEqual(expected);
            expect(planPostgresMigration(v2, v2).steps).toEqual([]);
          },
        ),
        { numRuns: NUM_RUNS },
      );
    },
    TIMEOUT_MS,
  );
});

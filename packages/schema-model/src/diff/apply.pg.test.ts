import { readCatalog } from '@schema-builder/testing/catalog';
import type { TestDatabase } from '@schema-builder/testing/postgres';
import { createTestDatabase } from '@schema-builder/testing/postgres';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ApplyCase } from './apply-cases.test-support.ts';
import { applyCases } from './apply-cases.test-support.ts';
import { checkApplyCases, checkRefusalCases } from './apply-cases-checks.test-support.ts';
import { keyCases } from './apply-cases-keys.test-support.ts';
import type { RefusalCase } from './apply-refusals.test-support.ts';
import { refusalCases } from './apply-refusals.test-support.ts';
import { renderPostgresDataCheck } from './data-check.ts';
import { design } from './design-helpers.test-support.ts';
import { planPostgresMigration } from './diff.ts';
import type { Connection, Row } from './pg-harness.test-support.ts';
import {
  applyPlan,
  build,
  freshCatalog,
  inFreshSchema,
  insertRows,
  readRows,
  rowText,
} from './pg-harness.test-support.ts';

/**
 * Plans applied to real databases holding rows: the rows survive with their values, the schema
 * ends exactly as a fresh build of the new version (catalog equality, generated names included),
 * and the new version diffs empty against itself. Refused migrations: the data checks find the
 * offending rows, and the failing migration rolls back leaving every row byte-identical.
 */

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase('sbdiff');
});
afterAll(async () => {
  await db?.drop();
});

const sorted = (rows: readonly Row[]) => [...rows].sort((a, b) => (rowText(a) < rowText(b) ? -1 : 1));

async function count(conn: Connection, query: string): Promise<number> {
  const [row] = await conn.unsafe<{ count: string }[]>(query);
  return Number(row?.count ?? Number.NaN);
}

/** Every row of the schema as PostgreSQL's own text, to compare byte for byte. */
async function snapshot(conn: Connection): Promise<Record<string, string[]>> {
  const tables = await conn.unsafe<{ name: string }[]>(
    `SELECT relname::text AS name FROM pg_class WHERE relnamespace = current_schema()::text::regnamespace AND relkind = 'r' ORDER BY 1`,
  );
  const result: Record<string, string[]> = {};
  for (const { name } of tables) {
    const rows = await conn.unsafe<{ row: string }[]>(
      `SELECT t::text AS row FROM "${name.replaceAll('"', '""')}" AS t ORDER BY 1`,
    );
    result[name] = rows.map((r) => r.row);
  }
  return result;
}

describe('a plan applied to a database with rows', () => {
  test.each<ApplyCase>([...applyCases, ...keyCases, ...checkApplyCases])('$name', async (c) => {
    const from = design(c.v1);
    const to = design(c.v2);
    const plan = planPostgresMigration(from, to);
    const expectedCatalog = await freshCatalog(db.sql, to);
    await inFreshSchema(db.sql, async (conn, schema) => {
      await build(conn, from);
      for (const [table, rows] of Object.entries(c.rows)) await insertRows(conn, table, rows);
      for (const check of plan.steps.flatMap((s) => s.dataChecks)) {
        expect({ check: check.description, rows: await count(conn, renderPostgresDataCheck(check)) }).toEqual(
          {
            check: check.description,
            rows: 0,
          },
        );
      }
      await applyPlan(conn, plan);
      for (const [table, rows] of Object.entries(c.inserts ?? {})) await insertRows(conn, table, rows);
      for (const [table, rows] of Object.entries(c.expected))
        expect(await readRows(conn, table)).toEqual(sorted(rows));
      expect(await readCatalog(conn, schema)).toEqual(expectedCatalog);
    });
    expect(planPostgresMigration(to, to).steps).toEqual([]);
  });
});

describe('a migration refused by the data', () => {
  test.each<RefusalCase>([...refusalCases, ...checkRefusalCases])('$name', async (c) => {
    const plan = planPostgresMigration(design(c.v1), design(c.v2));
    await inFreshSchema(db.sql, async (conn, schema) => {
      await build(conn, design(c.v1));
      for (const [table, rows] of Object.entries(c.rows)) await insertRows(conn, table, rows);
      const findings = [];
      for (const step of plan.steps) {
        for (const check of step.dataChecks) {
          const rows = await count(conn, renderPostgresDataCheck(check));
          if (rows > 0) findings.push({ step: step.id, kind: check.kind, rows });
        }
      }
      expect(findings).toEqual(c.findings);
      const rowsBefore = await snapshot(conn);
      const catalogBefore = await readCatalog(conn, schema);
      await expect(applyPlan(conn, plan)).rejects.toThrow(c.error);
      expect(await snapshot(conn)).toEqual(rowsBefore);
      expect(await readCatalog(conn, schema)).toEqual(catalogBefore);
    });
  });
});

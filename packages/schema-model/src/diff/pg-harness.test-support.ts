import type { CatalogSnapshot } from '@schema-builder/testing/catalog';
import { readCatalog } from '@schema-builder/testing/catalog';
import type postgres from 'postgres';
import { generateDdl } from '../ddl/generate.ts';
import type { Design } from '../design/model.ts';
import { quoteIdent } from '../sql/quote.ts';
import type { MigrationPlan } from './types.ts';

/**
 * Test support for the migration tests that run on PostgreSQL (imports only types of the driver,
 * so it stays out of the package's runtime). Each case works in its own schema on one reserved
 * connection, so cases share a database and phases can commit.
 */

export type Connection = postgres.ReservedSql;

let counter = 0;

/** Runs `work` with a new, empty schema as the search path; drops the schema afterwards. */
export async function inFreshSchema<T>(
  sql: postgres.Sql,
  work: (conn: Connection, schema: string) => Promise<T>,
): Promise<T> {
  counter += 1;
  const schema = `case_${counter}_${Math.random().toString(36).slice(2, 8)}`;
  const conn = await sql.reserve();
  try {
    await conn.unsafe(`CREATE SCHEMA ${quoteIdent(schema)}`);
    await conn.unsafe(`SET search_path TO ${quoteIdent(schema)}`);
    return await work(conn, schema);
  } finally {
    await conn.unsafe('RESET search_path');
    await conn.unsafe(`DROP SCHEMA IF EXISTS ${quoteIdent(schema)} CASCADE`);
    conn.release();
  }
}

/** Builds a design from scratch in the connection's schema (the script sets it as its search path). */
export async function build(conn: Connection, design: Design): Promise<void> {
  const [row] = await conn<{ schema: string }[]>`SELECT current_schema() AS schema`;
  if (!row?.schema) throw new Error('the connection has no current schema');
  const { sql } = generateDdl(design, { schema: row.schema });
  if (sql !== '') await conn.unsafe(sql).simple();
}

/** The catalog a fresh build of `design` gives, in a schema of its own. */
export async function freshCatalog(sql: postgres.Sql, design: Design): Promise<CatalogSnapshot> {
  return inFreshSchema(sql, async (conn, schema) => {
    await build(conn, design);
    return readCatalog(conn, schema);
  });
}

/** Applies a plan, one transaction per phase, in order. A failure rolls back its phase and throws. */
export async function applyPlan(conn: Connection, plan: MigrationPlan): Promise<void> {
  const phases = [...new Set(plan.steps.map((s) => s.phase))].sort((a, b) => a - b);
  for (const phase of phases) {
    const statements = plan.steps.filter((s) => s.phase === phase).flatMap((s) => s.sql);
    await conn.unsafe('BEGIN');
    try {
      for (const statement of statements) {
        await conn.unsafe(statement).catch((error: unknown) => {
          throw new Error(`${error instanceof Error ? error.message : String(error)}\n  in: ${statement}`);
        });
      }
      await conn.unsafe('COMMIT');
    } catch (error) {
      await conn.unsafe('ROLLBACK');
      throw error;
    }
  }
}

export type Row = Record<string, unknown>;

/** Canonical text of a row: keys sorted, so rows compare and sort independently of column order. */
export function rowText(row: Row): string {
  return JSON.stringify(Object.fromEntries(Object.entries(row).sort(([a], [b]) => (a < b ? -1 : 1))));
}

/** Every row of a table as JSON values (what to_jsonb gives), in a stable order. */
export async function readRows(conn: Connection, table: string): Promise<Row[]> {
  const rows = await conn.unsafe<{ row: Row }[]>(`SELECT to_jsonb(t) AS row FROM ${quoteIdent(table)} AS t`);
  return rows.map((r) => r.row).sort((a, b) => (rowText(a) < rowText(b) ? -1 : 1));
}

/**
 * Inserts rows given as JSON values, letting PostgreSQL convert them to the columns' types.
 * Columns a row leaves out get their defaults (identity included).
 */
export async function insertRows(conn: Connection, table: string, rows: readonly Row[]): Promise<void> {
  for (const row of rows) {
    const columns = Object.keys(row).map(quoteIdent).join(', ');
    const source = `jsonb_populate_record(NULL::${quoteIdent(table)}, $1::text::jsonb)`;
    await conn.unsafe(
      columns === ''
        ? `INSERT INTO ${quoteIdent(table)} DEFAULT VALUES`
        : `INSERT INTO ${quoteIdent(table)} (${columns}) SELECT ${columns} FROM ${source}`,
      [JSON.stringify(row)],
    );
  }
}

import { testEnv } from '@schema-builder/testing/env';
import { mariadbUnavailable } from '@schema-builder/testing/mariadb';
import { serverUrl } from '@schema-builder/testing/postgres';
import Database from 'better-sqlite3';
import mysql from 'mysql2/promise';
import postgres from 'postgres';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { renderSqlExpression } from './render.ts';

/**
 * What "rendered per dialect" promises: an expression MySQL and SQLite get from the parse tree
 * decides every row as PostgreSQL decides it from the text as written. Each expression is
 * evaluated over the same rows on the three real engines (true / false / unknown per row).
 */
const ROWS: readonly (readonly [number | null, number | null, string | null, string | null])[] = [
  [10.5, 3, 'new', 'Ada@example.com'],
  [0, 0, 'paid', 'bob@example.com'],
  [-1, 11, 'void', null],
  [null, null, null, 'x'],
];
const EXPRESSIONS = [
  'price >= 0',
  "status IN ('new', 'paid')",
  "status NOT IN ('void')",
  'qty BETWEEN 1 AND 10',
  'qty NOT BETWEEN 1 AND 10',
  "(status)::text = ANY ((ARRAY['new'::character varying, 'void'::character varying])::text[])",
  'lower(email) = email',
  'length(email) > 14 OR email IS NULL',
  "coalesce(status, 'none') <> 'none'",
  "email || '!' <> 'x!'",
  'NOT (price > 0 AND qty > 0)',
  'CASE WHEN qty > 5 THEN price < 0 ELSE true END',
  'abs(price) * 2 + qty - 1 > 10 % 3',
  "nullif(status, 'new') IS NULL",
  "trim(' ' || status || ' ') = status",
];

const unavailable = await mariadbUnavailable(testEnv.MARIADB_URL);
const pg = postgres(serverUrl(), { max: 1, onnotice: () => {} });
let maria: mysql.Connection | undefined;
const sqlite = new Database(':memory:');

beforeAll(async () => {
  sqlite.exec('CREATE TABLE t (price NUMERIC, qty INTEGER, status TEXT, email TEXT)');
  const insert = sqlite.prepare('INSERT INTO t VALUES (?, ?, ?, ?)');
  for (const row of ROWS) insert.run(...row);
  if (unavailable) return;
  maria = await mysql.createConnection({ uri: testEnv.MARIADB_URL });
  // Case-sensitive text, as the MySQL export creates its tables (PostgreSQL compares text so).
  await maria.query(
    'CREATE TEMPORARY TABLE test.t (price DECIMAL(10,2), qty INT, status VARCHAR(20), email VARCHAR(50)) COLLATE utf8mb4_bin',
  );
  for (const row of ROWS) await maria.query('INSERT INTO test.t VALUES (?, ?, ?, ?)', [...row]);
});

afterAll(async () => {
  await pg.end({ timeout: 5 });
  await maria?.end();
  sqlite.close();
});

/** Per row: 1 (true), 0 (false) or null (unknown), in row order. */
const verdict = (expression: string) => `CASE WHEN ${expression} THEN 1 WHEN NOT ${expression} THEN 0 END`;

async function onPostgres(text: string): Promise<unknown[]> {
  const values = ROWS.map(
    (_, i) => `($${i * 4 + 1}::numeric, $${i * 4 + 2}::int, $${i * 4 + 3}::varchar, $${i * 4 + 4}::varchar)`,
  );
  const rows = await pg.unsafe(
    `SELECT ${verdict(`(${text})`)} AS v FROM (VALUES ${values.join(', ')}) AS t(price, qty, status, email)`,
    ROWS.flat(),
  );
  return rows.map((row) => row.v);
}

test.each(EXPRESSIONS)('%s decides every row alike on PostgreSQL, MariaDB and SQLite', async (text) => {
  const expected = await onPostgres(text);
  expect(
    expected.some((v) => v !== null),
    'the rows must exercise the expression',
  ).toBe(true);

  const forSqlite = renderSqlExpression(text, 'sqlite');
  if (!('sql' in forSqlite)) throw new Error(`refused for SQLite: ${forSqlite.refused}`);
  const sqliteRows = sqlite.prepare(`SELECT ${verdict(forSqlite.sql)} AS v FROM t ORDER BY rowid`).all();
  expect(sqliteRows.map((row) => (row as { v: unknown }).v)).toEqual(expected);

  if (!maria) throw new Error(`MariaDB at ${testEnv.MARIADB_URL} does not answer: ${unavailable}`);
  const forMysql = renderSqlExpression(text, 'mysql');
  if (!('sql' in forMysql)) throw new Error(`refused for MySQL: ${forMysql.refused}`);
  const [mariaRows] = await maria.query(`SELECT ${verdict(forMysql.sql)} AS v FROM test.t`);
  expect((mariaRows as { v: unknown }[]).map((row) => (row.v === null ? null : Number(row.v)))).toEqual(
    expected,
  );
});

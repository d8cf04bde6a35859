import { testEnv } from '@schema-builder/testing/env';
import { mariadbUnavailable } from '@schema-builder/testing/mariadb';
import { createTestDatabase, type TestDatabase } from '@schema-builder/testing/postgres';
import Database from 'better-sqlite3';
import mysql from 'mysql2/promise';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { normalizeDesign } from '../design/normalize.ts';
import { generateDdl } from './generate.ts';
import { SHOP_ROWS, SHOP_VIEWS, shopDesign } from './views.test-support.ts';

/**
 * What the MySQL and SQLite exports promise of a view: where it is created, it returns the rows
 * PostgreSQL's returns (same columns, same values, in the same order where the view orders them);
 * where it is not, the export says so. Each export runs on its real engine.
 */
const design = normalizeDesign(shopDesign());
const postgresDdl = generateDdl(design, { dialect: 'postgresql' });
const mysqlDdl = generateDdl(design, { dialect: 'mysql' });
const sqliteDdl = generateDdl(design, { dialect: 'sqlite' });
const LEFT_OUT = new Set(['orders_by_day', 'orders_today']);
const PORTABLE = SHOP_VIEWS.map((view) => view.name).filter((name) => !LEFT_OUT.has(name));
/** Views whose ORDER BY decides the rows' order (the others are compared as sets). */
const ORDERED = new Set(['last_emails']);

const unavailable = await mariadbUnavailable(testEnv.MARIADB_URL);
const mariaDatabase = `sbviews_${Date.now().toString(36)}`;
let pg: TestDatabase;
let maria: mysql.Connection | undefined;
const sqlite = new Database(':memory:');

beforeAll(async () => {
  pg = await createTestDatabase('sbviews');
  for (const statement of [...postgresDdl.statements, ...SHOP_ROWS]) await pg.sql.unsafe(statement);
  sqlite.exec(sqliteDdl.sql);
  for (const statement of SHOP_ROWS) sqlite.exec(statement);
  if (unavailable) return;
  const admin = await mysql.createConnection({ uri: testEnv.MARIADB_URL });
  await admin.query(`CREATE DATABASE \`${mariaDatabase}\``);
  await admin.end();
  maria = await mysql.createConnection({ uri: testEnv.MARIADB_URL, database: mariaDatabase });
  for (const statement of [...mysqlDdl.statements, ...SHOP_ROWS]) await maria.query(statement);
});

afterAll(async () => {
  await pg?.drop();
  if (maria) {
    await maria.query(`DROP DATABASE \`${mariaDatabase}\``);
    await maria.end();
  }
  sqlite.close();
});

/** Rows as plain data: numbers as numbers whatever the driver returns them as (text, bigint). */
function plain(rows: readonly Record<string, unknown>[], ordered: boolean): string[] {
  const out = rows.map((row) =>
    JSON.stringify(
      Object.entries(row).map(([key, value]) => {
        const numeric =
          typeof value === 'bigint' || (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value));
        return [key, numeric ? Number(value) : value];
      }),
    ),
  );
  return ordered ? out : out.sort();
}

test('the views PostgreSQL has but MySQL and SQLite cannot are left out of their exports, with a warning and a comment', () => {
  for (const ddl of [mysqlDdl, sqliteDdl]) {
    const leftOut = ddl.warnings.filter((w) => w.code === 'EXPRESSION_NOT_PORTABLE');
    expect(leftOut.map((w) => w.path)).toEqual(['views[6].definition', 'views[7].definition']);
    expect(leftOut[0]?.message).toMatch(/date_trunc/);
    expect(leftOut[1]?.message).toMatch(/reads view orders_by_day/);
    expect(ddl.sql).toContain('-- EXPRESSION_NOT_PORTABLE: view orders_by_day is left out');
    expect(ddl.warnings).toContainEqual(
      expect.objectContaining({ code: 'COMMENT_DROPPED', path: 'views[1]' }),
    );
  }
  expect(postgresDdl.warnings).toEqual([]);
});

test.each(PORTABLE)('view %s returns the same rows on PostgreSQL, MariaDB and SQLite', async (name) => {
  const ordered = ORDERED.has(name);
  const expected = plain(await pg.sql.unsafe(`SELECT * FROM "${name}"`), ordered);
  expect(expected.length, 'the rows must exercise the view').toBeGreaterThan(0);
  expect(
    plain(sqlite.prepare(`SELECT * FROM "${name}"`).all() as Record<string, unknown>[], ordered),
  ).toEqual(expected);
  if (!maria) throw new Error(`MariaDB at ${testEnv.MARIADB_URL} does not answer: ${unavailable}`);
  const [rows] = await maria.query(`SELECT * FROM \`${name}\``);
  expect(plain(rows as Record<string, unknown>[], ordered)).toEqual(expected);
});

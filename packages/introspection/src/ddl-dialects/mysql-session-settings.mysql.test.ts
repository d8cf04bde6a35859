import { generateDdl } from '@schema-builder/schema-model/ddl';
import { normalizeDesign } from '@schema-builder/schema-model/design';
import { testEnv } from '@schema-builder/testing/env';
import { CANARY_PAYLOAD, hostileLiteralsDesign } from '@schema-builder/testing/fixtures';
import mysql from 'mysql2/promise';
import { afterEach, describe, expect, test } from 'vitest';
import {
  createMariadbDatabase,
  type MariadbDatabase,
  mariadbUnavailable,
} from '../fidelity/load-mysql.test-support.ts';
import { SAFE_MYSQL_OPTIONS } from '../mysql/options.ts';

/**
 * Generated MySQL DDL run on a MariaDB session whose settings are hostile (NO_BACKSLASH_ESCAPES
 * and ANSI_QUOTES in sql_mode, another time zone, MyISAM as the default engine) builds what a
 * default session builds, keeps every literal exactly, and leaves the canary table alone.
 */
const unavailable = await mariadbUnavailable(testEnv.MARIADB_URL);
if (unavailable)
  console.log(
    `[ddl] MySQL session settings: skipped, ${testEnv.MARIADB_URL} does not answer: ${unavailable}`,
  );

const databases: MariadbDatabase[] = [];
afterEach(async () => {
  await Promise.all(databases.splice(0).map((db) => db.drop()));
});

async function database(): Promise<MariadbDatabase> {
  const db = await createMariadbDatabase(testEnv.MARIADB_URL, 'sbddlset');
  databases.push(db);
  return db;
}

const ddl = generateDdl(normalizeDesign(hostileLiteralsDesign), { dialect: 'mysql' });

type Row = Record<string, unknown>;

/**
 * What the database holds, read on a default session in UTC: tables, columns, foreign keys, and
 * a row of defaults.
 */
async function built(db: MariadbDatabase) {
  const query = async (sql: string) => (await db.connection.query(sql))[0] as Row[];
  const schema = db.connection.escape(db.name);
  await db.connection.query("SET time_zone = '+00:00'");
  await db.connection.query('INSERT INTO `users` () VALUES ()');
  return {
    tables: await query(
      `SELECT TABLE_NAME, TABLE_COMMENT, ENGINE FROM information_schema.TABLES WHERE TABLE_SCHEMA = ${schema} ORDER BY 1`,
    ),
    columns: await query(
      `SELECT TABLE_NAME, COLUMN_NAME, COLUMN_TYPE, COLUMN_DEFAULT, COLUMN_COMMENT FROM information_schema.COLUMNS
       WHERE TABLE_SCHEMA = ${schema} ORDER BY TABLE_NAME, ORDINAL_POSITION`,
    ),
    foreignKeys: await query(
      `SELECT CONSTRAINT_NAME, TABLE_NAME, REFERENCED_TABLE_NAME, DELETE_RULE FROM information_schema.REFERENTIAL_CONSTRAINTS
       WHERE CONSTRAINT_SCHEMA = ${schema} ORDER BY 1`,
    ),
    defaults: await query('SELECT `note`, `mood`, `label`, `path`, `starts_at` FROM `users`'),
  };
}

/** A session on `db` with sql_mode, time zone and default engine turned against the script. */
async function hostileSession(db: MariadbDatabase): Promise<mysql.Connection> {
  const connection = await mysql.createConnection({
    uri: testEnv.MARIADB_URL,
    ...SAFE_MYSQL_OPTIONS,
    database: db.name,
    multipleStatements: true,
  });
  await connection.query(
    "SET SESSION sql_mode = 'NO_BACKSLASH_ESCAPES,ANSI_QUOTES', SESSION time_zone = '+13:00', SESSION default_storage_engine = MyISAM",
  );
  return connection;
}

describe.skipIf(unavailable !== undefined)('generated MySQL DDL on a hostile MariaDB session', () => {
  test('on a default session every literal arrives exactly as written', async () => {
    const db = await database();
    await db.load(ddl.sql);
    const state = await built(db);
    expect(state.tables).toContainEqual({
      TABLE_NAME: 'users',
      TABLE_COMMENT: CANARY_PAYLOAD,
      ENGINE: 'InnoDB',
    });
    expect(state.columns).toContainEqual(
      expect.objectContaining({ COLUMN_NAME: 'note', COLUMN_COMMENT: 'C:\\temp\\new' }),
    );
    expect(state.defaults).toEqual([
      {
        note: CANARY_PAYLOAD,
        mood: CANARY_PAYLOAD,
        label: '$$ body $$',
        path: 'ends with a backslash \\',
        // Written without an offset, so read in the script's time zone (UTC); TIMESTAMPTZ is
        // exported as datetime(6) (see the export warnings), so it reads back with microseconds.
        starts_at: '2024-01-31 09:30:00.000000',
      },
    ]);
  });

  test.each([
    [
      'statement by statement',
      async (connection: mysql.Connection) => {
        for (const statement of ddl.statements) await connection.query(statement);
      },
    ],
    ['as one batch', (connection: mysql.Connection) => connection.query(ddl.sql)],
  ])('the script run %s builds what a default session builds, and the canary survives', async (_, run) => {
    const normal = await database();
    await normal.load(ddl.sql);
    const db = await database();
    await db.connection.query('CREATE TABLE `canary` (id int)');
    const hostile = await hostileSession(db);
    try {
      await run(hostile);
    } finally {
      await hostile.end();
    }
    const [canary] = (await db.connection.query('SHOW TABLES LIKE "canary"'))[0] as Row[];
    expect(canary).toBeDefined();
    await db.connection.query('DROP TABLE `canary`');
    expect(await built(db)).toEqual(await built(normal));
  });
});

import type { SqlDialect } from '@schema-builder/schema-model/ddl';
import { generateDdl } from '@schema-builder/schema-model/ddl';
import type { DesignDocument } from '@schema-builder/schema-model/design';
import { normalizeDesign } from '@schema-builder/schema-model/design';
import { catalogToDesign } from '@schema-builder/schema-model/import';
import { testEnv } from '@schema-builder/testing/env';
import { createTestDatabase } from '@schema-builder/testing/postgres';
import Database from 'better-sqlite3';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { MariadbDatabase } from '../fidelity/load-mysql.test-support.ts';
import { createMariadbDatabase, mariadbUnavailable } from '../fidelity/load-mysql.test-support.ts';
import { introspectMysql } from '../mysql/introspect.ts';
import { introspectPostgres } from '../postgres/introspect.ts';
import { introspectSqlite } from '../sqlite/introspect.ts';

/**
 * Issue 16, "imports that keep what they read": a MariaDB schema of binary types and unsigned
 * integers is imported as a design, exported to MySQL, PostgreSQL and SQLite, each export run on
 * its engine and imported back: the types come back as they were (kind, length, unsigned), the
 * BINARY(16) primary key keyed whole in MariaDB, and each engine refuses what the types refuse.
 */
const unavailable = await mariadbUnavailable(testEnv.MARIADB_URL);
if (unavailable)
  console.log(`[binary] MariaDB round trip: skipped, ${testEnv.MARIADB_URL} does not answer: ${unavailable}`);

const SOURCE = `
CREATE TABLE tokens (
  id binary(16) NOT NULL PRIMARY KEY,
  digest varbinary(64) NOT NULL,
  tiny tinyblob,
  body blob,
  medium mediumblob,
  big longblob,
  UNIQUE KEY tokens_digest_key (digest)
);
CREATE TABLE users (
  id bigint unsigned NOT NULL AUTO_INCREMENT PRIMARY KEY,
  token_id binary(16),
  age smallint unsigned,
  visits int unsigned NOT NULL DEFAULT 0,
  level tinyint unsigned,
  score mediumint unsigned,
  CONSTRAINT users_token FOREIGN KEY (token_id) REFERENCES tokens (id)
);`;

/** `table.column type` of every column of a document, with what a type keeps. */
function types(document: DesignDocument): string[] {
  return document.tables.flatMap((table) =>
    table.columns.map((c) => {
      const length = c.length === undefined || c.length === null ? '' : `(${c.length})`;
      return `${table.name}.${c.name} ${c.dataType}${length}${c.unsigned ? ' unsigned' : ''}`;
    }),
  );
}

/** `table.column type` of every column as MariaDB states it. */
async function nativeTypes(database: MariadbDatabase): Promise<string[]> {
  const catalog = await introspectMysql(database.connection, database.name);
  return catalog.tables.flatMap((t) => t.columns.map((c) => `${t.name}.${c.name} ${c.nativeType}`));
}

let source: MariadbDatabase;
let imported: { document: DesignDocument; warnings: string[] };
beforeAll(async () => {
  if (unavailable) return;
  source = await createMariadbDatabase(testEnv.MARIADB_URL, 'sbbin');
  await source.load(SOURCE);
  const result = catalogToDesign(await introspectMysql(source.connection, source.name), {
    name: 'binary',
    dialect: 'mysql',
  });
  imported = { document: result.document, warnings: result.warnings.map((w) => `${w.code} ${w.path}`) };
});
afterAll(async () => {
  await source?.drop();
});

const sql = (dialect: SqlDialect) => generateDdl(normalizeDesign(imported.document), { dialect });

describe.skipIf(unavailable !== undefined)('binary types and unsigned integers from MariaDB', () => {
  test('import: each keeps its kind, length and sign; what has no exact form is warned', () => {
    expect(types(imported.document)).toEqual([
      'tokens.id BINARY(16)',
      'tokens.digest VARBINARY(64)',
      'tokens.tiny BYTEA(255)',
      'tokens.body BYTEA(65535)',
      'tokens.medium BYTEA(16777215)',
      'tokens.big BYTEA',
      'users.id BIGINT unsigned',
      'users.token_id BINARY(16)',
      'users.age SMALLINT unsigned',
      'users.visits INTEGER unsigned',
      'users.level SMALLINT unsigned',
      'users.score INTEGER unsigned',
    ]);
    expect(imported.warnings).toEqual([
      'TYPE_APPROXIMATED tables.users.columns.level',
      'TYPE_APPROXIMATED tables.users.columns.score',
    ]);
  });

  test('MySQL: the export runs on MariaDB and gives the same column types, the BINARY(16) key whole', async () => {
    const { sql: script, warnings } = sql('mysql');
    expect(warnings).toEqual([]);
    const target = await createMariadbDatabase(testEnv.MARIADB_URL, 'sbbin');
    try {
      await target.load(script);
      // tinyint and mediumint have no design type: smallint and int, unsigned (warned at import).
      const expected = (await nativeTypes(source))
        .map((line) => line.replace('tinyint(3) unsigned', 'smallint(5) unsigned'))
        .map((line) => line.replace('mediumint(8) unsigned', 'int(10) unsigned'));
      expect(await nativeTypes(target)).toEqual(expected);
      const [parts] = await target.connection.query(
        `SELECT COLUMN_NAME AS name, SUB_PART AS prefix FROM information_schema.STATISTICS
         WHERE TABLE_SCHEMA = ? AND TABLE_NAME = 'tokens' AND INDEX_NAME = 'PRIMARY'`,
        [target.name],
      );
      expect(parts).toEqual([{ name: 'id', prefix: null }]);
      const back = catalogToDesign(await introspectMysql(target.connection, target.name), {
        name: 'binary',
        dialect: 'mysql',
      });
      expect(types(back.document)).toEqual(types(imported.document));
      await target.connection.query(
        `INSERT INTO tokens (id, digest) VALUES (UNHEX(REPEAT('ab', 16)), X'01')`,
      );
      await expect(target.connection.query('INSERT INTO users (age) VALUES (-1)')).rejects.toThrow(/range/);
    } finally {
      await target.drop();
    }
  });

  test('SQLite: the export runs on better-sqlite3, its CHECKs refuse what the types do, and it imports back as it was', () => {
    const { sql: script, warnings } = sql('sqlite');
    expect(warnings).toEqual([]);
    const db = new Database(':memory:');
    try {
      db.pragma('foreign_keys = ON');
      db.exec(script);
      const back = catalogToDesign(introspectSqlite(db), { name: 'binary', dialect: 'sqlite' });
      expect(types(back.document)).toEqual(types(imported.document));
      expect(back.warnings.map((w) => w.code)).not.toContain('UNSUPPORTED_CHECK_CONSTRAINT');
      db.prepare('INSERT INTO tokens (id, digest) VALUES (?, ?)').run(Buffer.alloc(16, 1), Buffer.alloc(3));
      expect(() =>
        db.prepare('INSERT INTO tokens (id, digest) VALUES (?, ?)').run(Buffer.alloc(15), Buffer.alloc(3)),
      ).toThrow(/CHECK constraint failed/);
      expect(() => db.prepare('INSERT INTO users (visits) VALUES (?)').run(-1)).toThrow(
        /CHECK constraint failed/,
      );
      expect(() => db.prepare('INSERT INTO users (visits) VALUES (?)').run(4_294_967_296)).toThrow(
        /CHECK constraint failed/,
      );
    } finally {
      db.close();
    }
  });

  test('PostgreSQL: the export runs, its CHECKs refuse what the types do, and it imports back as it was', async () => {
    const { sql: script, warnings } = sql('postgresql');
    expect(warnings).toEqual([]);
    const target = await createTestDatabase('sbbin');
    const client = postgres(target.url, { max: 1, onnotice: () => {} });
    try {
      await client.unsafe(script).simple();
      const back = catalogToDesign(await introspectPostgres(client), {
        name: 'binary',
        dialect: 'postgresql',
      });
      expect(types(back.document)).toEqual(types(imported.document));
      expect(back.warnings.map((w) => w.code)).not.toContain('UNSUPPORTED_CHECK_CONSTRAINT');
      await client`INSERT INTO tokens (id, digest) VALUES (${Buffer.alloc(16, 1)}, ${Buffer.alloc(3)})`;
      await expect(
        client`INSERT INTO tokens (id, digest) VALUES (${Buffer.alloc(15)}, ${Buffer.alloc(3)})`,
      ).rejects.toThrow(/tokens_id_check/);
      await expect(client`INSERT INTO users (visits) VALUES (-1)`).rejects.toThrow(/users_visits_check/);
      await expect(client`INSERT INTO users (visits, age) VALUES (1, 65536)`).rejects.toThrow(
        /users_age_check/,
      );
    } finally {
      await client.end({ timeout: 5 });
      await target.drop();
    }
  });
});

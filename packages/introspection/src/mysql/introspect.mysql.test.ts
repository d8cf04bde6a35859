import type { IntrospectedCatalog, IntrospectedTable } from '@schema-builder/schema-model/import';
import { testEnv } from '@schema-builder/testing/env';
import mysql from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { MariadbDatabase } from '../fidelity/load-mysql.test-support.ts';
import { createMariadbDatabase, mariadbUnavailable } from '../fidelity/load-mysql.test-support.ts';
import { introspectMysql } from './introspect.ts';
import { SAFE_MYSQL_OPTIONS } from './options.ts';

const unavailable = await mariadbUnavailable(testEnv.MARIADB_URL);
if (unavailable)
  console.log(
    `[introspection] MySQL tests skipped: MariaDB at ${testEnv.MARIADB_URL} does not answer: ${unavailable}`,
  );

const SCHEMA = `
  CREATE TABLE author (
    id int unsigned NOT NULL AUTO_INCREMENT PRIMARY KEY,
    email varchar(255) NOT NULL COMMENT 'Where to write to',
    mood enum('sad','ok','it''s fine') DEFAULT 'ok',
    flags set('a','b'),
    active tinyint(1) NOT NULL DEFAULT 1,
    bio text DEFAULT 'it''s \\\\ me',
    meta json,
    updated timestamp(3) NOT NULL DEFAULT current_timestamp(3) ON UPDATE current_timestamp(3),
    email_upper varchar(255) AS (upper(email)) VIRTUAL,
    UNIQUE KEY author_email (email),
    KEY author_bio_prefix (bio(20)),
    FULLTEXT KEY author_bio_text (bio),
    CONSTRAINT author_email_not_empty CHECK (email <> '')
  ) COMMENT 'People who write';
  CREATE TABLE post (
    author_id int unsigned NOT NULL,
    seq int NOT NULL,
    title varchar(100),
    PRIMARY KEY (seq, author_id),
    UNIQUE KEY post_title_per_author (author_id, title),
    KEY post_title_desc (title DESC),
    CONSTRAINT post_author_fk FOREIGN KEY (author_id) REFERENCES author (id) ON DELETE CASCADE ON UPDATE RESTRICT
  );
  CREATE VIEW author_names AS SELECT email FROM author;
  CREATE TRIGGER author_touch BEFORE UPDATE ON author FOR EACH ROW SET NEW.email = lower(NEW.email);
  CREATE PROCEDURE noop() SELECT 1;
  CREATE FUNCTION one() RETURNS int DETERMINISTIC RETURN 1;
  CREATE EVENT nightly ON SCHEDULE EVERY 1 DAY DO SELECT 1;
  CREATE TABLE measurement (at date NOT NULL, value int) PARTITION BY RANGE (year(at)) (
    PARTITION p2024 VALUES LESS THAN (2025), PARTITION pmax VALUES LESS THAN MAXVALUE
  );
`;

let database: MariadbDatabase;
let catalog: IntrospectedCatalog;

const tableNamed = (name: string): IntrospectedTable => {
  const table = catalog.tables.find((t) => t.name === name);
  if (!table) throw new Error(`no table ${name}`);
  return table;
};

describe.skipIf(unavailable !== undefined)('introspectMysql (MariaDB)', () => {
  beforeAll(async () => {
    database = await createMariadbDatabase(testEnv.MARIADB_URL);
    await database.load(SCHEMA);
    catalog = await introspectMysql(database.connection, database.name);
  });
  afterAll(() => database?.drop());

  test('columns: COLUMN_TYPE as the native type, defaults as SQL text, extras', () => {
    const author = tableNamed('author');
    expect(author.comment).toBe('People who write');
    expect(author.columns).toEqual([
      {
        name: 'id',
        nativeType: 'int(10) unsigned',
        nullable: false,
        default: null,
        autoIncrement: true,
        comment: null,
      },
      {
        name: 'email',
        nativeType: 'varchar(255)',
        nullable: false,
        default: null,
        autoIncrement: false,
        comment: 'Where to write to',
      },
      {
        name: 'mood',
        nativeType: "enum('sad','ok','it''s fine')",
        nullable: true,
        default: "'ok'",
        autoIncrement: false,
        comment: null,
      },
      {
        name: 'flags',
        nativeType: "set('a','b')",
        nullable: true,
        default: 'NULL',
        autoIncrement: false,
        comment: null,
      },
      {
        name: 'active',
        nativeType: 'tinyint(1)',
        nullable: false,
        default: '1',
        autoIncrement: false,
        comment: null,
      },
      {
        name: 'bio',
        nativeType: 'text',
        nullable: true,
        default: "'it\\'s \\\\ me'",
        autoIncrement: false,
        comment: null,
      },
      // MariaDB's JSON is LONGTEXT with a json_valid() check: read back as json.
      {
        name: 'meta',
        nativeType: 'json',
        nullable: true,
        default: 'NULL',
        autoIncrement: false,
        comment: null,
      },
      {
        name: 'updated',
        nativeType: 'timestamp(3)',
        nullable: false,
        default: 'current_timestamp(3)',
        autoIncrement: false,
        onUpdate: 'current_timestamp(3)',
        comment: null,
      },
      {
        name: 'email_upper',
        nativeType: 'varchar(255)',
        nullable: true,
        default: null,
        autoIncrement: false,
        generated: 'ucase(`email`)',
        generatedKind: 'virtual',
        comment: null,
      },
    ]);
  });

  test('keys: PRIMARY, plain unique keys as constraints, other indexes with what they lose', () => {
    const author = tableNamed('author');
    expect(author.primaryKey).toEqual({ name: 'PRIMARY', columns: ['id'] });
    expect(author.uniqueConstraints).toEqual([{ name: 'author_email', columns: ['email'] }]);
    expect(author.indexes.map(({ name, method, options }) => ({ name, method, options }))).toEqual([
      { name: 'author_bio_prefix', method: null, options: ['prefix length 20 on bio'] },
      { name: 'author_bio_text', method: 'fulltext', options: [] },
    ]);
    const post = tableNamed('post');
    expect(post.primaryKey).toEqual({ name: 'PRIMARY', columns: ['seq', 'author_id'] });
    expect(post.uniqueConstraints).toEqual([
      { name: 'post_title_per_author', columns: ['author_id', 'title'] },
    ]);
    // DESC is the key's order, not something lost.
    expect(post.indexes.map((index) => [index.name, index.options, index.keys])).toEqual([
      ['post_title_desc', [], [{ column: 'title', descending: true }]],
    ]);
    expect(post.foreignKeys).toEqual([
      {
        name: 'post_author_fk',
        columns: ['author_id'],
        refSchema: null,
        refTable: 'author',
        refColumns: ['id'],
        onDelete: 'CASCADE',
        onUpdate: 'RESTRICT',
        options: [],
      },
    ]);
  });

  test("checks are read with MariaDB's level; the json_valid check of a JSON column is its type, not a check", () => {
    expect(catalog.tables.find((t) => t.name === 'author')?.checks).toEqual([
      { name: 'author_email_not_empty', expression: "`email` <> ''", options: [] },
    ]);
  });

  test('what a design cannot hold is listed, by kind', () => {
    const listed = catalog.unsupported
      .map((o) => `${o.kind} ${o.table ? `${o.table}.` : ''}${o.name}`)
      .sort();
    expect(listed).toEqual(
      [
        'event nightly',
        'function one',
        'partition measurement.p2024',
        'partition measurement.pmax',
        'procedure noop',
        'trigger author.author_touch',
      ].sort(),
    );
    // A view is read with the server's text of its query (names in backticks, with the database).
    expect(catalog.views).toEqual([
      {
        name: 'author_names',
        definition: `select \`${database.name}\`.\`author\`.\`email\` AS \`email\` from \`${database.name}\`.\`author\``,
        comment: null,
      },
    ]);
  });

  test('the client never offers LOCAL INFILE, though this server allows it', async () => {
    const connection = await mysql.createConnection({
      uri: testEnv.MARIADB_URL,
      ...SAFE_MYSQL_OPTIONS,
      database: database.name,
    });
    try {
      await connection.query('CREATE TABLE loaded (line text)');
      await expect(
        connection.query("LOAD DATA LOCAL INFILE '/etc/hostname' INTO TABLE loaded"),
      ).rejects.toThrow(/not allowed/i);
      const [rows] = await connection.query<mysql.RowDataPacket[]>('SELECT count(*) AS n FROM loaded');
      expect(Number(rows[0]?.n)).toBe(0);
    } finally {
      await connection.end();
    }
  });
});

import { describe, expect, test } from 'vitest';
import type { ColumnDefault, ColumnType } from '../../design/model.ts';
import { DdlGenerationError } from '../design-index.ts';
import type { DdlColumn, DdlStatement } from '../statements.ts';
import { renderStatement } from './render.ts';
import { renderDefault } from './render-default.ts';
import { renderColumnDefinition } from './render-table.ts';
import { renderType } from './render-type.ts';

describe('renderType', () => {
  test.each<[ColumnType, string]>([
    [{ dataType: 'VARCHAR', length: 255 }, 'varchar(255)'],
    [{ dataType: 'VARCHAR' }, 'varchar'],
    [{ dataType: 'CHAR', length: 2 }, 'char(2)'],
    [{ dataType: 'CHAR' }, 'char'],
    [{ dataType: 'TEXT' }, 'text'],
    [{ dataType: 'SMALLINT' }, 'smallint'],
    [{ dataType: 'INTEGER' }, 'integer'],
    [{ dataType: 'BIGINT' }, 'bigint'],
    [{ dataType: 'DECIMAL', precision: 10, scale: 2 }, 'numeric(10,2)'],
    [{ dataType: 'DECIMAL', precision: 10, scale: 0 }, 'numeric(10,0)'],
    [{ dataType: 'DECIMAL', precision: 10 }, 'numeric(10)'],
    [{ dataType: 'DECIMAL' }, 'numeric'],
    [{ dataType: 'NUMERIC', precision: 1000, scale: 20 }, 'numeric(1000,20)'],
    [{ dataType: 'NUMERIC', scale: 2 }, 'numeric'],
    [{ dataType: 'REAL' }, 'real'],
    [{ dataType: 'DOUBLE' }, 'double precision'],
    [{ dataType: 'BOOLEAN' }, 'boolean'],
    [{ dataType: 'DATE' }, 'date'],
    [{ dataType: 'TIME' }, 'time'],
    [{ dataType: 'TIME', precision: 3 }, 'time(3)'],
    [{ dataType: 'TIMESTAMP' }, 'timestamp'],
    [{ dataType: 'TIMESTAMP', precision: 0 }, 'timestamp(0)'],
    [{ dataType: 'TIMESTAMPTZ' }, 'timestamptz'],
    [{ dataType: 'TIMESTAMPTZ', precision: 6 }, 'timestamptz(6)'],
    [{ dataType: 'UUID' }, 'uuid'],
    [{ dataType: 'JSON' }, 'json'],
    [{ dataType: 'JSONB' }, 'jsonb'],
    [{ dataType: 'BYTEA' }, 'bytea'],
  ])('%o renders as %s', (type, expected) => {
    expect(renderType(type)).toBe(expected);
  });

  test.each([
    ['order_status', '"order_status"'],
    ['Order "Status"', '"Order ""Status"""'],
    ['статус', '"статус"'],
  ])('an ENUM column renders its type name %s quoted: %s', (enumName, expected) => {
    expect(renderType({ dataType: 'ENUM', enumId: 'e1' }, enumName)).toBe(expected);
  });

  test('an ENUM without a type name is refused', () => {
    expect(() => renderType({ dataType: 'ENUM', enumId: 'e1' })).toThrow(DdlGenerationError);
  });

  test('a non-integer type modifier is refused rather than written into SQL', () => {
    expect(() => renderType({ dataType: 'VARCHAR', length: 1.5 })).toThrow(DdlGenerationError);
    expect(() => renderType({ dataType: 'NUMERIC', precision: 10, scale: Number.NaN })).toThrow(
      DdlGenerationError,
    );
  });
});

describe('renderDefault', () => {
  const literal = (value: string | number | boolean | object): ColumnDefault => ({ kind: 'literal', value });

  test.each<[string, ColumnType['dataType'], ColumnDefault, string]>([
    // expressions, verbatim
    ['now()', 'TIMESTAMP', { kind: 'expression', expression: 'now()' }, 'now()'],
    [
      'CURRENT_TIMESTAMP',
      'TIMESTAMPTZ',
      { kind: 'expression', expression: 'CURRENT_TIMESTAMP' },
      'CURRENT_TIMESTAMP',
    ],
    ['CURRENT_DATE', 'DATE', { kind: 'expression', expression: 'CURRENT_DATE' }, 'CURRENT_DATE'],
    [
      'gen_random_uuid()',
      'UUID',
      { kind: 'expression', expression: 'gen_random_uuid()' },
      'gen_random_uuid()',
    ],
    // numbers unquoted for numeric columns
    ['integer number', 'INTEGER', literal(42), '42'],
    ['negative number', 'SMALLINT', literal(-7), '-7'],
    ['bigint as text', 'BIGINT', literal('9007199254740993'), '9007199254740993'],
    ['decimal text', 'DECIMAL', literal('0.00'), '0.00'],
    ['decimal text with spaces', 'NUMERIC', literal(' 12.5 '), '12.5'],
    ['fraction number', 'DOUBLE', literal(1.5), '1.5'],
    ['exponent number', 'REAL', literal(1e21), '1e+21'],
    ['exponent text', 'DOUBLE', literal('-2.5E-3'), '-2.5E-3'],
    ['leading dot', 'NUMERIC', literal('.5'), '.5'],
    // anything else for a numeric column is a quoted literal
    ['NaN text', 'REAL', literal('NaN'), "'NaN'"],
    ['NaN number', 'DOUBLE', literal(Number.NaN), "'NaN'"],
    ['Infinity', 'DOUBLE', literal(Number.POSITIVE_INFINITY), "'Infinity'"],
    ['injection attempt', 'INTEGER', literal('1; DROP TABLE users'), "'1; DROP TABLE users'"],
    ['expression text', 'INTEGER', literal('1+1'), "'1+1'"],
    ['hex text', 'INTEGER', literal('0x1F'), "'0x1F'"],
    // booleans
    ['true', 'BOOLEAN', literal(true), 'true'],
    ['false', 'BOOLEAN', literal(false), 'false'],
    ['boolean text', 'BOOLEAN', literal('yes'), "'yes'"],
    // JSON: serialized, then quoted
    ['JSON object', 'JSONB', literal({ a: 1, b: "it's" }), `'{"a":1,"b":"it''s"}'`],
    ['JSON array', 'JSON', literal([1, 'two', null]), `'[1,"two",null]'`],
    ['JSON empty object', 'JSONB', literal({}), "'{}'"],
    ['JSON number', 'JSONB', literal(3), "'3'"],
    ['JSON boolean', 'JSON', literal(false), "'false'"],
    ['JSON text kept', 'JSONB', literal('{"a": [1, 2]}'), `'{"a": [1, 2]}'`],
    ['JSON plain string becomes a JSON string', 'JSONB', literal('hello'), `'"hello"'`],
    // text and everything else: quoted literal
    ['text', 'TEXT', literal('hello'), "'hello'"],
    ['empty text', 'VARCHAR', literal(''), "''"],
    ['apostrophes', 'TEXT', literal("O'Reilly's"), "'O''Reilly''s'"],
    // An escape string: reads the same whatever standard_conforming_strings is.
    ['backslash as an escape string', 'TEXT', literal('C:\\temp\\'), "E'C:\\\\temp\\\\'"],
    ['double quotes', 'CHAR', literal('say "hi"'), `'say "hi"'`],
    ['number in a text column', 'TEXT', literal(12), "'12'"],
    ['boolean in a text column', 'VARCHAR', literal(true), "'true'"],
    ['expression-looking text', 'TEXT', literal('now()'), "'now()'"],
    ['date', 'DATE', literal('2024-01-31'), "'2024-01-31'"],
    ['time', 'TIME', literal('12:30:00'), "'12:30:00'"],
    ['timestamp', 'TIMESTAMP', literal('2024-01-31 12:30:00'), "'2024-01-31 12:30:00'"],
    [
      'uuid',
      'UUID',
      literal('00000000-0000-0000-0000-000000000000'),
      "'00000000-0000-0000-0000-000000000000'",
    ],
    ['bytea', 'BYTEA', literal('\\xdeadbeef'), "E'\\\\xdeadbeef'"],
    ['enum value', 'ENUM', literal("it's new"), "'it''s new'"],
    ['unicode', 'TEXT', literal('café ☕ 注文'), "'café ☕ 注文'"],
  ])('%s', (_label, dataType, value, expected) => {
    expect(renderDefault(dataType, value)).toBe(expected);
  });

  test('a NUL character in a literal is refused', () => {
    expect(() => renderDefault('TEXT', { kind: 'literal', value: 'a\u0000b' })).toThrow();
  });
});

describe('renderColumnDefinition', () => {
  const base = { notNull: false, identity: false } as const;

  test.each<[string, DdlColumn, string]>([
    ['nullable', { ...base, name: 'bio', type: { dataType: 'TEXT' } }, '"bio" text'],
    [
      'NOT NULL',
      { ...base, name: 'email', type: { dataType: 'VARCHAR', length: 255 }, notNull: true },
      '"email" varchar(255) NOT NULL',
    ],
    [
      'identity',
      { name: 'id', type: { dataType: 'INTEGER' }, notNull: true, identity: true },
      '"id" integer GENERATED BY DEFAULT AS IDENTITY NOT NULL',
    ],
    [
      'identity with an explicit sequence name',
      {
        name: 'id',
        type: { dataType: 'BIGINT' },
        notNull: true,
        identity: true,
        identitySequence: 'users_id_seq_1',
      },
      '"id" bigint GENERATED BY DEFAULT AS IDENTITY (SEQUENCE NAME "users_id_seq_1") NOT NULL',
    ],
    [
      'default then NOT NULL',
      {
        ...base,
        name: 'created_at',
        type: { dataType: 'TIMESTAMPTZ', precision: 3 },
        notNull: true,
        default: { kind: 'expression', expression: 'now()' },
      },
      '"created_at" timestamptz(3) DEFAULT now() NOT NULL',
    ],
    [
      'enum with a default',
      {
        ...base,
        name: 'status',
        type: { dataType: 'ENUM', enumId: 'e' },
        enumName: 'order_status',
        default: { kind: 'literal', value: 'pending' },
      },
      `"status" "order_status" DEFAULT 'pending'`,
    ],
    [
      'quotes in the name',
      {
        ...base,
        name: 'weird "column" name',
        type: { dataType: 'TEXT' },
        default: { kind: 'literal', value: "it's" },
      },
      `"weird ""column"" name" text DEFAULT 'it''s'`,
    ],
  ])('%s', (_label, column, expected) => {
    expect(renderColumnDefinition(column)).toBe(expected);
  });

  test('an identity column with a default is refused (PostgreSQL would reject it)', () => {
    expect(() =>
      renderColumnDefinition({
        name: 'id',
        type: { dataType: 'INTEGER' },
        notNull: true,
        identity: true,
        default: { kind: 'literal', value: 1 },
      }),
    ).toThrow(DdlGenerationError);
  });

  test('a NUL character in a name is refused', () => {
    expect(() => renderColumnDefinition({ ...base, name: 'a\u0000b', type: { dataType: 'TEXT' } })).toThrow();
  });
});

describe('renderStatement', () => {
  test.each<[string, DdlStatement, string]>([
    [
      'create_enum',
      { kind: 'create_enum', name: 'order_status', values: ['pending', 'paid'] },
      `CREATE TYPE "order_status" AS ENUM ('pending', 'paid');`,
    ],
    [
      'create_enum with quotes',
      { kind: 'create_enum', name: 'Order "Status"', values: ["it's new", 'say "hi"'] },
      `CREATE TYPE "Order ""Status""" AS ENUM ('it''s new', 'say "hi"');`,
    ],
    [
      'create_enum without values',
      { kind: 'create_enum', name: 'empty', values: [] },
      'CREATE TYPE "empty" AS ENUM ();',
    ],
    [
      'create_table with a primary key and a unique constraint',
      {
        kind: 'create_table',
        name: 'users',
        columns: [
          { name: 'id', type: { dataType: 'INTEGER' }, notNull: true, identity: true },
          { name: 'email', type: { dataType: 'VARCHAR', length: 255 }, notNull: true, identity: false },
          {
            name: 'active',
            type: { dataType: 'BOOLEAN' },
            notNull: true,
            identity: false,
            default: { kind: 'literal', value: true },
          },
        ],
        primaryKey: { name: 'users_pkey', columns: ['id'] },
        uniques: [{ name: 'users_email_key', columns: ['email'] }],
      },
      [
        'CREATE TABLE "users" (',
        '  "id" integer GENERATED BY DEFAULT AS IDENTITY NOT NULL,',
        '  "email" varchar(255) NOT NULL,',
        '  "active" boolean DEFAULT true NOT NULL,',
        '  CONSTRAINT "users_pkey" PRIMARY KEY ("id"),',
        '  CONSTRAINT "users_email_key" UNIQUE ("email")',
        ');',
      ].join('\n'),
    ],
    [
      'create_table with a composite primary key and composite unique',
      {
        kind: 'create_table',
        name: 'post_tags',
        columns: [
          { name: 'post_id', type: { dataType: 'INTEGER' }, notNull: true, identity: false },
          { name: 'tag_id', type: { dataType: 'INTEGER' }, notNull: true, identity: false },
        ],
        primaryKey: { name: 'post_tags_pkey', columns: ['post_id', 'tag_id'] },
        uniques: [{ name: 'post_tags_tag_id_post_id_key', columns: ['tag_id', 'post_id'] }],
      },
      [
        'CREATE TABLE "post_tags" (',
        '  "post_id" integer NOT NULL,',
        '  "tag_id" integer NOT NULL,',
        '  CONSTRAINT "post_tags_pkey" PRIMARY KEY ("post_id", "tag_id"),',
        '  CONSTRAINT "post_tags_tag_id_post_id_key" UNIQUE ("tag_id", "post_id")',
        ');',
      ].join('\n'),
    ],
    [
      'create_table without constraints',
      {
        kind: 'create_table',
        name: 'log',
        columns: [{ name: 'line', type: { dataType: 'TEXT' }, notNull: false, identity: false }],
        uniques: [],
      },
      'CREATE TABLE "log" (\n  "line" text\n);',
    ],
    [
      'create_table without columns',
      { kind: 'create_table', name: 'nothing', columns: [], uniques: [] },
      'CREATE TABLE "nothing" ();',
    ],
    [
      'create_table with quotes in every name',
      {
        kind: 'create_table',
        name: 'my "table"',
        columns: [{ name: 'a"b', type: { dataType: 'INTEGER' }, notNull: true, identity: false }],
        primaryKey: { name: 'my "table"_pkey', columns: ['a"b'] },
        uniques: [],
      },
      'CREATE TABLE "my ""table""" (\n  "a""b" integer NOT NULL,\n  CONSTRAINT "my ""table""_pkey" PRIMARY KEY ("a""b")\n);',
    ],
    [
      'create_index',
      {
        kind: 'create_index',
        name: 'posts_author_id_idx',
        table: 'posts',
        columns: ['author_id'],
        unique: false,
      },
      'CREATE INDEX "posts_author_id_idx" ON "posts" ("author_id");',
    ],
    [
      'create_index unique, several columns',
      {
        kind: 'create_index',
        name: 'Order "Unique"',
        table: 'order',
        columns: ['user', 'from'],
        unique: true,
      },
      'CREATE UNIQUE INDEX "Order ""Unique""" ON "order" ("user", "from");',
    ],
    [
      'comment_on_table',
      { kind: 'comment_on_table', table: 'user', comment: `Table "user" isn't safe` },
      `COMMENT ON TABLE "user" IS 'Table "user" isn''t safe';`,
    ],
    [
      'comment_on_table removal',
      { kind: 'comment_on_table', table: 'user', comment: null },
      'COMMENT ON TABLE "user" IS NULL;',
    ],
    [
      'comment_on_column',
      { kind: 'comment_on_column', table: 'order', column: "it's a note", comment: "it's 'quoted'" },
      `COMMENT ON COLUMN "order"."it's a note" IS 'it''s ''quoted''';`,
    ],
    [
      'comment_on_type',
      { kind: 'comment_on_type', type: 'order_status', comment: 'Life cycle' },
      `COMMENT ON TYPE "order_status" IS 'Life cycle';`,
    ],
    [
      'add_foreign_key, CASCADE on delete only',
      {
        kind: 'add_foreign_key',
        table: 'a',
        name: 'a_b_id_fkey',
        columns: ['b_id'],
        refTable: 'b',
        refColumns: ['id'],
        onDelete: 'CASCADE',
        onUpdate: 'NO ACTION',
      },
      'ALTER TABLE "a" ADD CONSTRAINT "a_b_id_fkey" FOREIGN KEY ("b_id") REFERENCES "b" ("id") ON DELETE CASCADE;',
    ],
    [
      'add_foreign_key, NO ACTION both ways',
      {
        kind: 'add_foreign_key',
        table: 'a',
        name: 'a_parent_id_fkey',
        columns: ['parent_id'],
        refTable: 'a',
        refColumns: ['id'],
        onDelete: 'NO ACTION',
        onUpdate: 'NO ACTION',
      },
      'ALTER TABLE "a" ADD CONSTRAINT "a_parent_id_fkey" FOREIGN KEY ("parent_id") REFERENCES "a" ("id");',
    ],
    [
      'add_foreign_key, composite, both actions',
      {
        kind: 'add_foreign_key',
        table: 'refunds',
        name: 'refunds_order_id_line_no_fkey',
        columns: ['order_id', 'line_no'],
        refTable: 'order_items',
        refColumns: ['order_id', 'line_no'],
        onDelete: 'SET NULL',
        onUpdate: 'RESTRICT',
      },
      'ALTER TABLE "refunds" ADD CONSTRAINT "refunds_order_id_line_no_fkey" FOREIGN KEY ("order_id", "line_no") REFERENCES "order_items" ("order_id", "line_no") ON DELETE SET NULL ON UPDATE RESTRICT;',
    ],
    [
      'add_foreign_key, SET DEFAULT on update, quoted names',
      {
        kind: 'add_foreign_key',
        table: 'group',
        name: 'fk "group" owner',
        columns: ['owner'],
        refTable: 'user',
        refColumns: ['id'],
        onDelete: 'NO ACTION',
        onUpdate: 'SET DEFAULT',
      },
      'ALTER TABLE "group" ADD CONSTRAINT "fk ""group"" owner" FOREIGN KEY ("owner") REFERENCES "user" ("id") ON UPDATE SET DEFAULT;',
    ],
  ])('%s', (_label, statement, expected) => {
    expect(renderStatement(statement)).toBe(expected);
  });
});

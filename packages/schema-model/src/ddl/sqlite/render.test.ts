import { describe, expect, test } from 'vitest';
import type { ColumnDefault, ColumnType } from '../../design/model.ts';
import type { DdlColumn, DdlStatement } from '../statements.ts';
import { renderSqlitePlan } from './render.ts';
import { renderSqliteDefault } from './render-table.ts';
import { renderSqliteType } from './render-type.ts';

describe('renderSqliteType', () => {
  test.each<[ColumnType, string]>([
    [{ dataType: 'VARCHAR', length: 40 }, 'VARCHAR(40)'],
    [{ dataType: 'VARCHAR' }, 'VARCHAR'],
    [{ dataType: 'CHAR', length: 2 }, 'CHAR(2)'],
    [{ dataType: 'TEXT' }, 'TEXT'],
    [{ dataType: 'ENUM', enumId: 'e' }, 'TEXT'],
    [{ dataType: 'SMALLINT' }, 'SMALLINT'],
    [{ dataType: 'INTEGER' }, 'INTEGER'],
    [{ dataType: 'BIGINT' }, 'BIGINT'],
    [{ dataType: 'DECIMAL', precision: 10, scale: 2 }, 'DECIMAL(10,2)'],
    [{ dataType: 'NUMERIC', scale: 2 }, 'NUMERIC'],
    [{ dataType: 'REAL' }, 'REAL'],
    [{ dataType: 'DOUBLE' }, 'DOUBLE'],
    [{ dataType: 'BOOLEAN' }, 'BOOLEAN'],
    [{ dataType: 'DATE' }, 'DATE'],
    [{ dataType: 'TIME', precision: 3 }, 'TIME(3)'],
    [{ dataType: 'TIMESTAMP' }, 'TIMESTAMP'],
    [{ dataType: 'TIMESTAMPTZ' }, 'TIMESTAMPTZ'],
    [{ dataType: 'UUID' }, 'UUID'],
    [{ dataType: 'JSONB' }, 'JSONB'],
    [{ dataType: 'BYTEA' }, 'BLOB'],
  ])('%o → %s', (type, expected) => {
    expect(renderSqliteType(type)).toBe(expected);
  });
});

describe('renderSqliteDefault', () => {
  const literal = (value: string | number | boolean | object): ColumnDefault => ({ kind: 'literal', value });
  test.each<[string, ColumnType, ColumnDefault, string | undefined]>([
    [
      'now() on a timestamp',
      { dataType: 'TIMESTAMPTZ' },
      { kind: 'expression', expression: 'now()' },
      'CURRENT_TIMESTAMP',
    ],
    ['now() on a date', { dataType: 'DATE' }, { kind: 'expression', expression: 'now()' }, 'CURRENT_DATE'],
    [
      'now() on a time',
      { dataType: 'TIME' },
      { kind: 'expression', expression: 'CURRENT_TIMESTAMP' },
      'CURRENT_TIME',
    ],
    [
      'no UUID function',
      { dataType: 'UUID' },
      { kind: 'expression', expression: 'gen_random_uuid()' },
      undefined,
    ],
    ['boolean', { dataType: 'BOOLEAN' }, literal(true), '1'],
    ['number', { dataType: 'INTEGER' }, literal(-7), '-7'],
    ['text, backslash literal', { dataType: 'TEXT' }, literal("it's C:\\"), "'it''s C:\\'"],
    ['bytea hex', { dataType: 'BYTEA' }, literal('\\x00ff'), "X'00ff'"],
  ])('%s', (_label, type, value, expected) => {
    expect(renderSqliteDefault(type, value)).toBe(expected);
  });
});

const column = (name: string, type: ColumnType, extra: Partial<DdlColumn> = {}): DdlColumn => ({
  name,
  type,
  notNull: false,
  identity: false,
  ...extra,
});

describe('renderSqlitePlan', () => {
  test.each<[string, DdlStatement[], string[]]>([
    [
      'identity primary key is INTEGER PRIMARY KEY AUTOINCREMENT; enums checked; FKs inline; comments dropped',
      [
        { kind: 'create_enum', name: 'mood', values: ['ok', "it's"] },
        {
          kind: 'create_table',
          name: 'say "t"',
          columns: [
            column('id', { dataType: 'BIGINT' }, { notNull: true, identity: true }),
            column('mood', { dataType: 'ENUM', enumId: 'e' }, { enumName: 'mood', notNull: true }),
            column('parent', { dataType: 'BIGINT' }),
          ],
          primaryKey: { name: 't_pkey', columns: ['id'] },
          uniques: [{ name: 't_mood_key', columns: ['mood'] }],
        },
        { kind: 'create_index', name: 't_parent_idx', table: 'say "t"', columns: ['parent'], unique: false },
        { kind: 'comment_on_table', table: 'say "t"', comment: 'gone' },
        {
          kind: 'add_foreign_key',
          table: 'say "t"',
          name: 't_parent_fkey',
          columns: ['parent'],
          refTable: 'say "t"',
          refColumns: ['id'],
          onDelete: 'SET DEFAULT',
          onUpdate: 'NO ACTION',
        },
      ],
      [
        `CREATE TABLE "say ""t""" (\n  "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,\n  "mood" TEXT NOT NULL CHECK ("mood" IN ('ok', 'it''s')),\n  "parent" BIGINT,\n  CONSTRAINT "t_mood_key" UNIQUE ("mood"),\n  CONSTRAINT "t_parent_fkey" FOREIGN KEY ("parent") REFERENCES "say ""t""" ("id") ON DELETE SET DEFAULT\n);`,
        'CREATE INDEX "t_parent_idx" ON "say ""t""" ("parent");',
      ],
    ],
    [
      'composite key with an identity column: a table constraint, no numbering, and it says so',
      [
        {
          kind: 'create_table',
          name: 'c',
          columns: [
            column('a', { dataType: 'INTEGER' }, { notNull: true, identity: true }),
            column('b', { dataType: 'TEXT' }, { notNull: true, default: { kind: 'literal', value: 'x' } }),
          ],
          primaryKey: { name: 'c_pkey', columns: ['a', 'b'] },
          uniques: [],
        },
      ],
      [
        `CREATE TABLE "c" (\n  -- IDENTITY_DROPPED: SQLite numbers only a column that is the whole primary key: this one is not auto-numbered\n  "a" INTEGER NOT NULL,\n  "b" TEXT NOT NULL DEFAULT 'x',\n  CONSTRAINT "c_pkey" PRIMARY KEY ("a", "b")\n);`,
      ],
    ],
  ])('%s', (_label, plan, expected) => {
    expect(renderSqlitePlan(plan)).toEqual(expected);
  });
});

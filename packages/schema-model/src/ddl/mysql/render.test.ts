import { describe, expect, test } from 'vitest';
import type { ColumnDefault, ColumnType } from '../../design/model.ts';
import { DdlGenerationError } from '../design-index.ts';
import { createContext } from '../render-context.ts';
import type { CreateDdlStatement, DdlColumn, DdlStatement } from '../statements.ts';
import { renderMysqlPlan } from './render.ts';
import { renderMysqlDefault } from './render-default.ts';
import { renderMysqlType } from './render-type.ts';

describe('renderMysqlType', () => {
  test.each<[ColumnType, string]>([
    [{ dataType: 'VARCHAR', length: 40 }, 'varchar(40)'],
    [{ dataType: 'VARCHAR' }, 'longtext'],
    [{ dataType: 'VARCHAR', length: 64_000 }, 'longtext'],
    [{ dataType: 'CHAR', length: 2 }, 'char(2)'],
    [{ dataType: 'CHAR' }, 'char(1)'],
    [{ dataType: 'CHAR', length: 300 }, 'varchar(300)'],
    [{ dataType: 'TEXT' }, 'text'],
    [{ dataType: 'SMALLINT' }, 'smallint'],
    [{ dataType: 'INTEGER' }, 'int'],
    [{ dataType: 'BIGINT' }, 'bigint'],
    [{ dataType: 'DECIMAL', precision: 10, scale: 2 }, 'decimal(10,2)'],
    [{ dataType: 'NUMERIC', precision: 10 }, 'decimal(10)'],
    [{ dataType: 'NUMERIC' }, 'decimal(65,30)'],
    [{ dataType: 'NUMERIC', precision: 1000, scale: 40 }, 'decimal(65,30)'],
    [{ dataType: 'REAL' }, 'float'],
    [{ dataType: 'DOUBLE' }, 'double'],
    [{ dataType: 'BOOLEAN' }, 'tinyint(1)'],
    [{ dataType: 'DATE' }, 'date'],
    [{ dataType: 'TIME', precision: 3 }, 'time(3)'],
    [{ dataType: 'TIMESTAMP' }, 'datetime'],
    [{ dataType: 'TIMESTAMP', precision: 6 }, 'datetime(6)'],
    [{ dataType: 'TIMESTAMPTZ', precision: 3 }, 'datetime(3)'],
    [{ dataType: 'TIMESTAMPTZ' }, 'datetime(6)'],
    [{ dataType: 'NUMERIC' }, 'decimal(65,30)'],
    [{ dataType: 'UUID' }, 'char(36)'],
    [{ dataType: 'JSON' }, 'json'],
    [{ dataType: 'JSONB' }, 'json'],
    [{ dataType: 'BYTEA' }, 'longblob'],
  ])('%o → %s', (type, expected) => {
    expect(renderMysqlType(type)).toBe(expected);
  });

  test('an ENUM is written inline, its values quoted for MySQL', () => {
    expect(renderMysqlType({ dataType: 'ENUM', enumId: 'e' }, ['a', "it's", 'C:\\'])).toBe(
      "enum('a','it''s','C:\\\\')",
    );
    expect(() => renderMysqlType({ dataType: 'ENUM', enumId: 'e' })).toThrow(DdlGenerationError);
  });
});

describe('renderMysqlDefault', () => {
  const expression = (
    e: 'now()' | 'CURRENT_TIMESTAMP' | 'CURRENT_DATE' | 'gen_random_uuid()',
  ): ColumnDefault => ({
    kind: 'expression',
    expression: e,
  });
  const literal = (value: string | number | boolean | object): ColumnDefault => ({ kind: 'literal', value });

  test.each<[string, ColumnType, ColumnDefault, string | undefined]>([
    ['now() on DATETIME', { dataType: 'TIMESTAMP' }, expression('now()'), 'CURRENT_TIMESTAMP'],
    [
      'now() keeps the fraction',
      { dataType: 'TIMESTAMPTZ', precision: 3 },
      expression('now()'),
      'CURRENT_TIMESTAMP(3)',
    ],
    ['now() on DATE', { dataType: 'DATE' }, expression('now()'), '(CURRENT_DATE)'],
    ['now() on TIME', { dataType: 'TIME' }, expression('CURRENT_TIMESTAMP'), '(CURRENT_TIME)'],
    ['CURRENT_DATE', { dataType: 'DATE' }, expression('CURRENT_DATE'), '(CURRENT_DATE)'],
    ['uuid', { dataType: 'UUID' }, expression('gen_random_uuid()'), '(uuid())'],
    ['number', { dataType: 'DECIMAL' }, literal('0.00'), '0.00'],
    ['NaN has no MySQL value', { dataType: 'DOUBLE' }, literal('NaN'), undefined],
    ['boolean', { dataType: 'BOOLEAN' }, literal(true), '1'],
    ['boolean false', { dataType: 'BOOLEAN' }, literal(false), '0'],
    ['text needs parentheses', { dataType: 'TEXT' }, literal("it's"), "('it''s')"],
    ['varchar', { dataType: 'VARCHAR', length: 9 }, literal('C:\\x'), "'C:\\\\x'"],
    ['json', { dataType: 'JSONB' }, literal({ a: 1 }), `('{"a":1}')`],
    ['bytea hex', { dataType: 'BYTEA' }, literal('\\xdeadbeef'), "(X'deadbeef')"],
    ['enum', { dataType: 'ENUM', enumId: 'e' }, literal('new'), "'new'"],
  ])('%s', (_label, type, value, expected) => {
    expect(renderMysqlDefault(type, value)).toBe(expected);
  });
});

const column = (name: string, type: ColumnType, extra: Partial<DdlColumn> = {}): DdlColumn => ({
  name,
  type,
  notNull: false,
  identity: false,
  ...extra,
});

describe('renderMysqlPlan', () => {
  const int: ColumnType = { dataType: 'INTEGER' };
  test.each<[string, DdlStatement[], string[]]>([
    [
      'identity on the primary key is AUTO_INCREMENT; comments inline and by ALTER TABLE',
      [
        { kind: 'create_enum', name: 'mood', values: ['ok', 'bad'] },
        { kind: 'comment_on_type', type: 'mood', comment: 'nowhere to go' },
        {
          kind: 'create_table',
          name: 'p`t',
          columns: [
            column('id', int, { notNull: true, identity: true }),
            column(
              'mood',
              { dataType: 'ENUM', enumId: 'e' },
              { enumName: 'mood', default: { kind: 'literal', value: 'ok' } },
            ),
          ],
          primaryKey: { name: 'p_pkey', columns: ['id'] },
          uniques: [],
        },
        { kind: 'comment_on_table', table: 'p`t', comment: "it's" },
        { kind: 'comment_on_column', table: 'p`t', column: 'mood', comment: 'How' },
      ],
      [
        "CREATE TABLE `p``t` (\n  `id` int NOT NULL AUTO_INCREMENT,\n  `mood` enum('ok','bad') DEFAULT 'ok' COMMENT 'How',\n  PRIMARY KEY (`id`)\n) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;",
        "ALTER TABLE `p``t` COMMENT = 'it''s';",
      ],
    ],
    [
      'composite key: an identity that does not lead a key is a plain column; TEXT keys by prefix',
      [
        {
          kind: 'create_table',
          name: 'c',
          columns: [
            column('a', { dataType: 'TEXT' }, { notNull: true }),
            column('n', int, { notNull: true, identity: true }),
          ],
          primaryKey: { name: 'c_pkey', columns: ['a', 'n'] },
          uniques: [{ name: 'c_a_key', columns: ['a'] }],
        },
        { kind: 'create_index', name: 'c_n_idx', table: 'c', columns: ['n', 'a'], unique: false },
      ],
      [
        [
          'CREATE TABLE `c` (',
          '  `a` text NOT NULL,',
          '  -- IDENTITY_DROPPED: MySQL numbers only one column a table, leading a key: this one is not auto-numbered',
          '  `n` int NOT NULL,',
          '  -- KEY_PREFIX: MySQL indexes a by the first 191 characters only: the primary key is unique on those',
          '  PRIMARY KEY (`a`(191), `n`),',
          '  -- KEY_PREFIX: MySQL indexes a by the first 191 characters only: the key c_a_key is unique on those',
          '  CONSTRAINT `c_a_key` UNIQUE (`a`(191))',
          ') DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;',
        ].join('\n'),
        'CREATE INDEX `c_n_idx` ON `c` (`n`, `a`(191));',
      ],
    ],
    [
      'foreign keys: actions written, SET DEFAULT left out, names made unique across tables',
      [
        {
          kind: 'add_foreign_key',
          table: 'a',
          name: 'fk',
          columns: ['b_id'],
          refTable: 'b',
          refColumns: ['id'],
          onDelete: 'CASCADE',
          onUpdate: 'NO ACTION',
        },
        {
          kind: 'add_foreign_key',
          table: 'b',
          name: 'FK',
          columns: ['a_id'],
          refTable: 'a',
          refColumns: ['id'],
          onDelete: 'SET DEFAULT',
          onUpdate: 'SET NULL',
        },
      ],
      [
        'ALTER TABLE `a` ADD CONSTRAINT `fk` FOREIGN KEY (`b_id`) REFERENCES `b` (`id`) ON DELETE CASCADE ON UPDATE NO ACTION;',
        '-- FK_RENAMED: InnoDB names foreign keys per database and another table\'s is "FK": this one is "FK_1"\n-- FK_ACTION_DROPPED: InnoDB has no ON DELETE SET DEFAULT: the default action (RESTRICT) applies\nALTER TABLE `b` ADD CONSTRAINT `FK_1` FOREIGN KEY (`a_id`) REFERENCES `a` (`id`) ON UPDATE SET NULL;',
      ],
    ],
  ])('%s', (_label, plan, expected) => {
    expect(renderMysqlPlan(plan)).toEqual(expected);
  });

  test('migration statements are refused rather than rendered wrongly', () => {
    expect(() => renderMysqlPlan([{ kind: 'drop_table', table: 't' }])).toThrow(/no rendering of drop_table/);
  });

  test('an ENUM column whose enum is not in the plan is refused', () => {
    const table: CreateDdlStatement = {
      kind: 'create_table',
      name: 't',
      columns: [column('s', { dataType: 'ENUM', enumId: 'e' }, { enumName: 'missing' })],
      uniques: [],
    };
    expect(() => renderMysqlPlan([table])).toThrow(DdlGenerationError);
    expect(createContext([table]).enums.size).toBe(0);
  });
});

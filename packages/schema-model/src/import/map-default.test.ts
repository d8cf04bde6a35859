import { describe, expect, test } from 'vitest';
import type { DefaultTarget } from '../validation/defaults.ts';
import type { DefaultContext, MappedDefault } from './map-default.ts';
import { mapDefault } from './map-default.ts';

const pg = (type: DefaultTarget, extra: Partial<DefaultContext> = {}): DefaultContext => ({
  dialect: 'postgresql',
  type,
  ...extra,
});

describe('column defaults as design defaults', () => {
  test.each<[string, string | null, DefaultContext, MappedDefault]>([
    ['no default', null, pg({ dataType: 'TEXT' }), { kind: 'none' }],
    ['NULL', 'NULL::text', pg({ dataType: 'TEXT' }), { kind: 'none' }],
    ['a text literal', "'x'::text", pg({ dataType: 'TEXT' }), { kind: 'value', value: 'x' }],
    ['an integer', '42', pg({ dataType: 'INTEGER' }), { kind: 'value', value: 42 }],
    [
      'a quoted negative integer',
      "'-1'::integer",
      pg({ dataType: 'INTEGER' }),
      { kind: 'value', value: '-1' },
    ],
    [
      'a decimal keeps its digits',
      '0.00',
      pg({ dataType: 'NUMERIC', precision: 5, scale: 2 }),
      { kind: 'value', value: '0.00' },
    ],
    ['a boolean', 'true', pg({ dataType: 'BOOLEAN' }), { kind: 'value', value: true }],
    [
      'an empty array literal',
      "'{}'::text[]",
      pg({ dataType: 'TEXT', array: true }),
      { kind: 'value', value: [] },
    ],
    [
      'an integer array literal, typed',
      "'{1,2,NULL}'::integer[]",
      pg({ dataType: 'INTEGER', array: true }),
      { kind: 'value', value: [1, 2, null] },
    ],
    [
      'an empty ARRAY constructor',
      'ARRAY[]::character varying[]',
      pg({ dataType: 'VARCHAR', array: true }),
      { kind: 'value', value: [] },
    ],
    [
      'an ARRAY constructor of cast literals',
      "ARRAY['a,b'::text, 'it''s'::text, NULL::text]",
      pg({ dataType: 'TEXT', array: true }),
      { kind: 'value', value: ['a,b', "it's", null] },
    ],
    [
      'an ARRAY constructor with an expression is dropped',
      "ARRAY[lower('A'::text)]",
      pg({ dataType: 'TEXT', array: true }),
      {
        kind: 'dropped',
        reason:
          "ARRAY[lower('A'::text)] is an expression; a design default is a literal or one of now(), CURRENT_TIMESTAMP, CURRENT_DATE, gen_random_uuid()",
      },
    ],
    [
      'an array element that does not fit is dropped with its position',
      "'{1,x}'::integer[]",
      pg({ dataType: 'INTEGER', array: true }),
      { kind: 'dropped', reason: 'element 2: "x" is not a whole number.' },
    ],
    [
      'a money amount as PostgreSQL writes it',
      "'$1,234.50'::money",
      pg({ dataType: 'MONEY' }),
      { kind: 'value', value: '1234.50' },
    ],
    ['a money amount as a number', '12.5', pg({ dataType: 'MONEY' }), { kind: 'value', value: 12.5 }],
    [
      'an interval as PostgreSQL writes it',
      "'1 day 02:00:00'::interval",
      pg({ dataType: 'INTERVAL' }),
      { kind: 'value', value: '1 day 02:00:00' },
    ],
    ['a range', "'[1,10)'::int4range", pg({ dataType: 'INT4RANGE' }), { kind: 'value', value: '[1,10)' }],
    ['now()', 'now()', pg({ dataType: 'TIMESTAMPTZ' }), { kind: 'value', value: 'now()' }],
    [
      'uuid_generate_v4() as gen_random_uuid()',
      'uuid_generate_v4()',
      pg({ dataType: 'UUID' }),
      { kind: 'value', value: 'gen_random_uuid()', rewrittenFrom: 'uuid_generate_v4()' },
    ],
    [
      'an enum value',
      "'draft'::status",
      pg({ dataType: 'ENUM' }, { enumType: { name: 'status', values: ['draft'] } }),
      { kind: 'value', value: 'draft' },
    ],
    [
      "the column's own sequence",
      "nextval('t_id_seq'::regclass)",
      pg({ dataType: 'INTEGER' }, { ownedSequence: 't_id_seq' }),
      { kind: 'autoIncrement' },
    ],
    [
      'a sequence only this column uses, though it does not own it',
      "nextval('public.t_id_seq'::regclass)",
      pg({ dataType: 'INTEGER' }, { soleUserOf: (sequence) => sequence === 'public.t_id_seq' }),
      { kind: 'autoIncrement', adopted: 'public.t_id_seq' },
    ],
    [
      'MySQL tinyint(1) 1 as true',
      '1',
      { dialect: 'mysql', type: { dataType: 'BOOLEAN' } },
      { kind: 'value', value: true },
    ],
    [
      "MySQL bit b'0' as false",
      "b'0'",
      { dialect: 'mysql', type: { dataType: 'BOOLEAN' } },
      { kind: 'value', value: false },
    ],
    [
      'SQLite 0 as false',
      '0',
      { dialect: 'sqlite', type: { dataType: 'BOOLEAN' } },
      { kind: 'value', value: false },
    ],
    [
      "SQLite X'..' as bytea",
      "X'0aff'",
      { dialect: 'sqlite', type: { dataType: 'BYTEA' } },
      { kind: 'value', value: '\\x0aff' },
    ],
    [
      "SQLite X'..' as BINARY(2)",
      "X'0aff'",
      { dialect: 'sqlite', type: { dataType: 'BINARY', length: 2 } },
      { kind: 'value', value: '\\x0aff' },
    ],
    [
      "PostgreSQL '\\x..'::bytea as VARBINARY",
      "'\\x0aff'::bytea",
      pg({ dataType: 'VARBINARY', length: 4 }),
      { kind: 'value', value: '\\x0aff' },
    ],
    [
      // MariaDB shows X'0102' as '': the bytes are not in the text.
      'MySQL binary default as text',
      "''",
      { dialect: 'mysql', type: { dataType: 'BINARY', length: 2 } },
      { kind: 'dropped', reason: 'MySQL reports a binary default as text, which does not keep its bytes' },
    ],
  ])('%s', (_, text, context, expected) => {
    expect(mapDefault(text, context)).toEqual(expected);
  });

  test.each<[string, string, DefaultContext, string]>([
    ['an expression', "timezone('utc'::text, now())", pg({ dataType: 'TIMESTAMP' }), 'is an expression'],
    [
      'a sequence shared with other columns',
      "nextval('shared_seq'::regclass)",
      pg({ dataType: 'INTEGER' }, { soleUserOf: () => false }),
      'other columns use too',
    ],
    [
      'a value too long for the column',
      "'abcdef'::character varying",
      pg({ dataType: 'VARCHAR', length: 3 }),
      'at most 3',
    ],
    [
      'an impossible date',
      "'0000-00-00 00:00:00'",
      { dialect: 'mysql', type: { dataType: 'TIMESTAMP' } },
      'not a real',
    ],
    ['now() on a text column', 'now()', pg({ dataType: 'TEXT' }), 'not TEXT'],
    [
      'MySQL uuid() on a char(36)',
      'uuid()',
      { dialect: 'mysql', type: { dataType: 'CHAR', length: 36 } },
      'not CHAR',
    ],
    ['2 on a boolean', '2', { dialect: 'sqlite', type: { dataType: 'BOOLEAN' } }, 'does not fit'],
  ])('%s is dropped, saying why', (_, text, context, reason) => {
    const mapped = mapDefault(text, context);
    expect(mapped.kind).toBe('dropped');
    if (mapped.kind === 'dropped') expect(mapped.reason).toContain(reason);
  });
});

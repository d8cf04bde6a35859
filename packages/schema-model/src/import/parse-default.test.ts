import { describe, expect, test } from 'vitest';
import type { ParsedDefault } from './parse-default.ts';
import { parseDefault } from './parse-default.ts';

describe('PostgreSQL defaults, as pg_get_expr writes them', () => {
  test.each<[string, ParsedDefault]>([
    ["'abc'::character varying", { kind: 'string', value: 'abc' }],
    ["'it''s'::text", { kind: 'string', value: "it's" }],
    ["''::text", { kind: 'string', value: '' }],
    ["'a::b'::text", { kind: 'string', value: 'a::b' }],
    ["'draft'::post_status", { kind: 'string', value: 'draft' }],
    ['\'draft\'::"Post Status"', { kind: 'string', value: 'draft' }],
    ["'{}'::jsonb", { kind: 'string', value: '{}' }],
    ["'{}'::integer[]", { kind: 'string', value: '{}' }],
    ["'2020-01-01 00:00:00'::timestamp without time zone", { kind: 'string', value: '2020-01-01 00:00:00' }],
    ["'\\x00'::bytea", { kind: 'string', value: '\\x00' }],
    ['0', { kind: 'number', text: '0' }],
    ['0.00', { kind: 'number', text: '0.00' }],
    ['(-1)', { kind: 'number', text: '-1' }],
    ["'-1'::integer", { kind: 'string', value: '-1' }],
    ['1.5e3', { kind: 'number', text: '1.5e3' }],
    ['true', { kind: 'boolean', value: true }],
    ['false', { kind: 'boolean', value: false }],
    ['NULL::character varying', { kind: 'null' }],
    ['now()', { kind: 'expression', expression: 'now()' }],
    ['CURRENT_TIMESTAMP', { kind: 'expression', expression: 'CURRENT_TIMESTAMP' }],
    ['CURRENT_DATE', { kind: 'expression', expression: 'CURRENT_DATE' }],
    ['gen_random_uuid()', { kind: 'expression', expression: 'gen_random_uuid()' }],
    [
      "('now'::text)::date",
      { kind: 'expression', expression: 'CURRENT_DATE', rewrittenFrom: "('now'::text)::date" },
    ],
    [
      "('now'::text)::timestamp without time zone",
      {
        kind: 'expression',
        expression: 'now()',
        rewrittenFrom: "('now'::text)::timestamp without time zone",
      },
    ],
    [
      'uuid_generate_v4()',
      { kind: 'expression', expression: 'gen_random_uuid()', rewrittenFrom: 'uuid_generate_v4()' },
    ],
    [
      'public.uuid_generate_v4()',
      { kind: 'expression', expression: 'gen_random_uuid()', rewrittenFrom: 'public.uuid_generate_v4()' },
    ],
    ["nextval('film_film_id_seq'::regclass)", { kind: 'sequence', sequence: 'film_film_id_seq' }],
    ['nextval(\'"Odd""Seq"\'::regclass)', { kind: 'sequence', sequence: '"Odd""Seq"' }],
    ["nextval('it''s_seq'::regclass)", { kind: 'sequence', sequence: "it's_seq" }],
    ["timezone('utc'::text, now())", { kind: 'other', text: "timezone('utc'::text, now())" }],
    ["(now() + '1 day'::interval)", { kind: 'other', text: "now() + '1 day'::interval" }],
    ['CURRENT_USER', { kind: 'other', text: 'CURRENT_USER' }],
    ['clock_timestamp()', { kind: 'other', text: 'clock_timestamp()' }],
    ["('a'::text || 'b'::text)", { kind: 'other', text: "'a'::text || 'b'::text" }],
  ])('%s', (text, expected) => {
    expect(parseDefault(text, 'postgresql')).toEqual(expected);
  });
});

describe('MySQL/MariaDB defaults, as information_schema.COLUMNS writes them', () => {
  test.each<[string, ParsedDefault]>([
    ["'it''s'", { kind: 'string', value: "it's" }],
    ["'a\\\\b'", { kind: 'string', value: 'a\\b' }],
    ["'line\\nbreak'", { kind: 'string', value: 'line\nbreak' }],
    ["'NULL'", { kind: 'string', value: 'NULL' }],
    ['NULL', { kind: 'null' }],
    ['-1', { kind: 'number', text: '-1' }],
    ['0.00', { kind: 'number', text: '0.00' }],
    ["b'1'", { kind: 'bits', value: '1' }],
    ['0x0A', { kind: 'hex', value: '0A' }],
    [
      'current_timestamp()',
      { kind: 'expression', expression: 'CURRENT_TIMESTAMP', rewrittenFrom: 'current_timestamp()' },
    ],
    [
      'current_timestamp(3)',
      { kind: 'expression', expression: 'CURRENT_TIMESTAMP', rewrittenFrom: 'current_timestamp(3)' },
    ],
    ['CURRENT_TIMESTAMP', { kind: 'expression', expression: 'CURRENT_TIMESTAMP' }],
    ['curdate()', { kind: 'expression', expression: 'CURRENT_DATE', rewrittenFrom: 'curdate()' }],
    ['uuid()', { kind: 'expression', expression: 'gen_random_uuid()', rewrittenFrom: 'uuid()' }],
    ['(`a` + 1)', { kind: 'other', text: '`a` + 1' }],
  ])('%s', (text, expected) => {
    expect(parseDefault(text, 'mysql')).toEqual(expected);
  });
});

describe('SQLite defaults, as pragma table_info writes them', () => {
  test.each<[string, ParsedDefault]>([
    ["'it''s'", { kind: 'string', value: "it's" }],
    ["'a\\b'", { kind: 'string', value: 'a\\b' }],
    ['"quoted"', { kind: 'string', value: 'quoted' }],
    ['NULL', { kind: 'null' }],
    ['0', { kind: 'number', text: '0' }],
    ['+5', { kind: 'number', text: '5' }],
    ['-2.5', { kind: 'number', text: '-2.5' }],
    ['TRUE', { kind: 'boolean', value: true }],
    ["X'0aff'", { kind: 'hex', value: '0aff' }],
    ['CURRENT_TIMESTAMP', { kind: 'expression', expression: 'CURRENT_TIMESTAMP' }],
    ['current_date', { kind: 'expression', expression: 'CURRENT_DATE' }],
    [
      "(datetime('now'))",
      { kind: 'expression', expression: 'CURRENT_TIMESTAMP', rewrittenFrom: "datetime('now')" },
    ],
    ['CURRENT_TIME', { kind: 'other', text: 'CURRENT_TIME' }],
    ["(strftime('%s','now'))", { kind: 'other', text: "strftime('%s','now')" }],
  ])('%s', (text, expected) => {
    expect(parseDefault(text, 'sqlite')).toEqual(expected);
  });
});

import { describe, expect, test } from 'vitest';
import type { IntrospectedColumn, UnsupportedObject } from './catalog.ts';
import {
  catalog,
  codes,
  column,
  columnOf,
  idKey,
  importValid,
  table,
} from './catalog-builders.test-support.ts';
import { parseTypeCheck } from './type-checks.ts';
import type { ImportDialect } from './type-mapping.ts';

describe('parseTypeCheck: the CHECK text each engine gives back', () => {
  test.each([
    [
      'CHECK ((octet_length("Data") = 16))',
      'Data',
      { kind: 'octets', exact: true, length: 16, counted: 'octet_length' },
    ],
    [
      'CHECK ((octet_length(v) <= 100))',
      'v',
      { kind: 'octets', exact: false, length: 100, counted: 'octet_length' },
    ],
    ['CHECK ((length(b) <= 1000))', 'b', { kind: 'octets', exact: false, length: 1000, counted: 'length' }],
    [
      'octet_length(`d`) <= 1000',
      'd',
      { kind: 'octets', exact: false, length: 1000, counted: 'octet_length' },
    ],
    ['length("d") = 16', 'd', { kind: 'octets', exact: true, length: 16, counted: 'length' }],
    ['CHECK (((s >= 0) AND (s <= 65535)))', 's', { kind: 'range', min: 0, max: '65535' }],
    ["CHECK (((i >= 0) AND (i <= '4294967295'::bigint)))", 'i', { kind: 'range', min: 0, max: '4294967295' }],
    ['CHECK ((b >= 0))', 'b', { kind: 'range', min: 0 }],
    ['"n" BETWEEN 0 AND 65535', 'n', { kind: 'range', min: 0, max: '65535' }],
    ['length("d") BETWEEN 0 AND 64', 'd', { kind: 'octets', exact: false, length: 64, counted: 'between' }],
  ])('%s', (text, name, check) => {
    expect(parseTypeCheck(text)).toEqual({ column: name, check });
  });

  test.each([
    'CHECK ((price > 0))',
    'CHECK (((a >= 0) AND (b <= 10)))',
    'CHECK ((octet_length(a) <= 10) AND (b > 1))',
    'CHECK ((length(name) < 10))',
    "CHECK ((status = ANY (ARRAY['a'::text, 'b'::text])))",
  ])('%s is a check of its own, not a type', (text) => {
    expect(parseTypeCheck(text)).toBeUndefined();
  });
});

const check = (name: string, detail: string): UnsupportedObject => ({
  kind: 'check_constraint',
  name,
  table: 't',
  detail,
});

function importOne(dialect: ImportDialect, native: IntrospectedColumn, detail: string) {
  const result = importValid(
    catalog([table('t', [column('id', 'integer', { nullable: false }), native], idKey())], {
      unsupported: [check('t_c_check', detail)],
    }),
    dialect,
  );
  return { column: columnOf(result.document, 't', 'c'), warnings: codes(result) };
}

describe('the CHECKs a design writes for its types read back as the types', () => {
  test.each<[ImportDialect, string, string, Record<string, unknown>]>([
    ['postgresql', 'bytea', 'CHECK ((octet_length(c) = 16))', { dataType: 'BINARY', length: 16 }],
    ['postgresql', 'bytea', 'CHECK ((octet_length(c) <= 64))', { dataType: 'VARBINARY', length: 64 }],
    ['postgresql', 'bytea', 'CHECK ((octet_length(c) <= 255))', { dataType: 'VARBINARY', length: 255 }],
    ['postgresql', 'bytea', 'CHECK ((length(c) <= 255))', { dataType: 'BYTEA', length: 255 }],
    ['postgresql', 'bytea', 'CHECK ((length(c) <= 1000))', { dataType: 'BYTEA', length: 1000 }],
    [
      'postgresql',
      'integer',
      'CHECK (((c >= 0) AND (c <= 65535)))',
      { dataType: 'SMALLINT', unsigned: true },
    ],
    [
      'postgresql',
      'bigint',
      "CHECK (((c >= 0) AND (c <= '4294967295'::bigint)))",
      { dataType: 'INTEGER', unsigned: true },
    ],
    ['postgresql', 'bigint', 'CHECK ((c >= 0))', { dataType: 'BIGINT', unsigned: true }],
    ['mysql', 'blob', 'octet_length(`c`) <= 1000', { dataType: 'BYTEA', length: 1000 }],
    ['sqlite', 'BLOB', 'length("c") = 16', { dataType: 'BINARY', length: 16 }],
    ['sqlite', 'BLOB', 'length("c") BETWEEN 0 AND 64', { dataType: 'VARBINARY', length: 64 }],
    ['sqlite', 'BLOB', 'length("c") BETWEEN 0 AND 255', { dataType: 'VARBINARY', length: 255 }],
    ['sqlite', 'BLOB', 'length("c") <= 64', { dataType: 'BYTEA', length: 64 }],
    ['sqlite', 'BLOB', 'length("c") <= 65535', { dataType: 'BYTEA', length: 65_535 }],
    ['sqlite', 'SMALLINT UNSIGNED', '"c" BETWEEN 0 AND 65535', { dataType: 'SMALLINT', unsigned: true }],
    ['sqlite', 'INTEGER', '"c" >= 0', { dataType: 'BIGINT', unsigned: true }],
  ])('%s %s %s', (dialect, native, detail, expected) => {
    const { column: imported, warnings } = importOne(dialect, column('c', native), detail);
    expect(imported).toMatchObject(expected);
    expect(warnings).toEqual([]);
  });

  test.each<[ImportDialect, string, string]>([
    // not the type the check stands for
    ['postgresql', 'integer', 'CHECK ((c >= 0))'],
    ['postgresql', 'text', 'CHECK ((octet_length(c) <= 64))'],
    ['postgresql', 'bytea', 'CHECK ((octet_length(c) = 300))'],
    // MySQL has unsigned types and BINARY itself
    ['mysql', 'int', 'c >= 0'],
    ['mysql', 'blob', 'octet_length(`c`) = 16'],
  ])('%s %s %s stays a reported check', (dialect, native, detail) => {
    const { warnings } = importOne(dialect, column('c', native), detail);
    expect(warnings).toEqual(['UNSUPPORTED_CHECK_CONSTRAINT tables.t.checks.t_c_check']);
  });
});

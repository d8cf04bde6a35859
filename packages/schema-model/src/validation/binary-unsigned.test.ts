import { describe, expect, test } from 'vitest';
import type { ColumnDocument } from '../design/document.ts';
import { normalizeDesign } from '../design/normalize.ts';
import { columnAt, summary, validDocument } from './valid-document.test-support.ts';
import { validateDesign } from './validate.ts';

/** Issues of orders.user_id (tables[1].columns[1]) once given these attributes, relative paths. */
function issuesFor(attributes: Partial<ColumnDocument>, dialect?: 'mysql' | 'sqlite'): string[] {
  const doc = validDocument();
  doc.foreignKeys = [];
  Object.assign(columnAt(doc, 1, 1), attributes);
  const prefix = 'tables[1].columns[1].';
  return summary(validateDesign(doc, dialect ? { dialect } : {})).map((line) => line.replace(prefix, ''));
}

describe('binary types: a length in bytes', () => {
  test.each<[Partial<ColumnDocument>, string[]]>([
    [{ dataType: 'BINARY', length: 16 }, []],
    [{ dataType: 'binary', length: 255 }, []],
    [{ dataType: 'BINARY' }, ['error INVALID_LENGTH length']],
    [{ dataType: 'BINARY', length: 256 }, ['error INVALID_LENGTH length']],
    [{ dataType: 'VARBINARY', length: 65_535 }, []],
    [{ dataType: 'VARBINARY' }, ['error INVALID_LENGTH length']],
    [{ dataType: 'VARBINARY', length: 0 }, ['error INVALID_LENGTH length']],
    [{ dataType: 'VARBINARY', length: 65_536 }, ['error INVALID_LENGTH length']],
    [{ dataType: 'BYTEA' }, []],
    [{ dataType: 'BYTEA', length: 16_777_215 }, []],
    [{ dataType: 'BYTEA', length: 1_073_741_824 }, ['error INVALID_LENGTH length']],
    [{ dataType: 'BINARY', length: 2, defaultValue: '\\x0102' }, []],
    [{ dataType: 'BINARY', length: 2, defaultValue: '\\x01' }, ['error INVALID_DEFAULT defaultValue']],
    [{ dataType: 'VARBINARY', length: 1, defaultValue: '\\x0102' }, ['error INVALID_DEFAULT defaultValue']],
    [{ dataType: 'VARBINARY', length: 4, defaultValue: 'zz' }, ['error INVALID_DEFAULT defaultValue']],
  ])('%o', (attributes, expected) => {
    expect(issuesFor(attributes)).toEqual(expected);
  });

  test('the length is kept for the binary types, in bytes', () => {
    const doc = validDocument();
    Object.assign(columnAt(doc, 0, 1), { dataType: 'VARBINARY', length: 32 });
    expect(normalizeDesign(doc).tables[0]?.columns[1]?.type).toEqual({ dataType: 'VARBINARY', length: 32 });
  });
});

describe('unsigned: integers only, with their unsigned range', () => {
  test.each<[Partial<ColumnDocument>, string[]]>([
    [{ dataType: 'INTEGER', unsigned: true }, []],
    [{ dataType: 'SMALLINT', unsigned: true, defaultValue: 65_535 }, []],
    [{ dataType: 'SMALLINT', unsigned: true, defaultValue: 65_536 }, ['error INVALID_DEFAULT defaultValue']],
    [{ dataType: 'INTEGER', unsigned: true, defaultValue: -1 }, ['error INVALID_DEFAULT defaultValue']],
    [{ dataType: 'INTEGER', unsigned: true, defaultValue: '4294967295' }, []],
    [{ dataType: 'INTEGER', unsigned: false, defaultValue: -1 }, []],
    [{ dataType: 'TEXT', unsigned: true }, ['error UNSIGNED_NOT_INTEGER unsigned']],
    [{ dataType: 'NUMERIC', unsigned: true }, ['error UNSIGNED_NOT_INTEGER unsigned']],
  ])('%o', (attributes, expected) => {
    expect(issuesFor(attributes)).toEqual(expected);
  });

  test('BIGINT unsigned: a warning for PostgreSQL and SQLite, whose bigint ends at 2^63-1; none for MySQL', () => {
    expect(issuesFor({ dataType: 'BIGINT', unsigned: true })).toEqual([
      'warning UNSIGNED_BIGINT_RANGE unsigned',
    ]);
    expect(issuesFor({ dataType: 'BIGINT', unsigned: true }, 'sqlite')).toEqual([
      'warning UNSIGNED_BIGINT_RANGE unsigned',
    ]);
    expect(issuesFor({ dataType: 'BIGINT', unsigned: true }, 'mysql')).toEqual([]);
  });

  test('unsigned is kept on integers only', () => {
    const doc = validDocument();
    Object.assign(columnAt(doc, 0, 0), { dataType: 'INTEGER', unsigned: true });
    expect(normalizeDesign(doc).tables[0]?.columns[0]?.type).toEqual({ dataType: 'INTEGER', unsigned: true });
  });
});

import { describe, expect, test } from 'vitest';
import type { ColumnDocument } from '../design/document.ts';
import { columnAt, issuesOf, summary, tableAt, validDocument } from './valid-document.test-support.ts';
import { validateDesign } from './validate.ts';

/** Issues of orders.user_id (tables[1].columns[1]) once given these attributes, relative paths. */
function issuesFor(attributes: Partial<ColumnDocument>): string[] {
  const doc = validDocument();
  doc.foreignKeys = [];
  Object.assign(columnAt(doc, 1, 1), attributes);
  const prefix = 'tables[1].columns[1].';
  return summary(validateDesign(doc)).map((line) => line.replace(prefix, ''));
}

type Case = [Partial<ColumnDocument>, string[]];

const TYPE_ATTRIBUTES: Case[] = [
  [{ dataType: 'VARCHAR' }, []],
  [{ dataType: 'VARCHAR', length: null }, []],
  [{ dataType: 'VARCHAR', length: 1 }, []],
  [{ dataType: 'VARCHAR', length: 10_485_760 }, []],
  [{ dataType: 'VARCHAR', length: 0 }, ['error INVALID_LENGTH length']],
  [{ dataType: 'VARCHAR', length: -5 }, ['error INVALID_LENGTH length']],
  [{ dataType: 'VARCHAR', length: 10_485_761 }, ['error INVALID_LENGTH length']],
  [{ dataType: 'character varying', length: 20 }, []],
  [{ dataType: 'CHAR', length: 1 }, []],
  [{ dataType: 'CHAR' }, []],
  [{ dataType: 'CHAR', length: 0 }, ['error INVALID_LENGTH length']],
  [{ dataType: 'INTEGER', length: 255 }, ['warning IGNORED_ATTRIBUTE length']],
  [{ dataType: 'TEXT', length: 255 }, ['warning IGNORED_ATTRIBUTE length']],
  [{ dataType: 'INTEGER', length: null, precision: null, scale: null }, []],
  [{ dataType: 'DECIMAL', precision: 1 }, []],
  [{ dataType: 'DECIMAL', precision: 1000 }, []],
  [{ dataType: 'DECIMAL', precision: 0 }, ['error INVALID_PRECISION precision']],
  [{ dataType: 'DECIMAL', precision: 1001 }, ['error INVALID_PRECISION precision']],
  [{ dataType: 'NUMERIC', precision: 10, scale: 0 }, []],
  [{ dataType: 'NUMERIC', precision: 10, scale: 10 }, []],
  [{ dataType: 'NUMERIC', precision: 10, scale: 11 }, ['error INVALID_SCALE scale']],
  [{ dataType: 'NUMERIC', precision: 10, scale: -1 }, ['error INVALID_SCALE scale']],
  [{ dataType: 'DECIMAL', scale: 2 }, ['error INVALID_SCALE scale']],
  [{ dataType: 'DECIMAL', precision: 1001, scale: 2 }, ['error INVALID_PRECISION precision']],
  [{ dataType: 'DECIMAL' }, []],
  [{ dataType: 'TIME', precision: 0 }, []],
  [{ dataType: 'TIMESTAMP', precision: 6 }, []],
  [{ dataType: 'TIMESTAMPTZ', precision: 7 }, ['error INVALID_PRECISION precision']],
  [{ dataType: 'TIME', precision: -1 }, ['error INVALID_PRECISION precision']],
  [{ dataType: 'DATE', precision: 3 }, ['warning IGNORED_ATTRIBUTE precision']],
  [{ dataType: 'VARCHAR', precision: 3 }, ['warning IGNORED_ATTRIBUTE precision']],
  [{ dataType: 'VARCHAR', scale: 2 }, ['warning IGNORED_ATTRIBUTE scale']],
  [{ dataType: 'TIMESTAMP', scale: 2 }, ['warning IGNORED_ATTRIBUTE scale']],
  [{ dataType: 'INTEGER', enumId: 'e_status' }, ['warning IGNORED_ATTRIBUTE enumId']],
  [{ dataType: 'INTEGER', enumId: '' }, []],
  [{ dataType: 'ENUM', enumId: 'e_status' }, []],
  [{ dataType: 'ENUM' }, ['error UNKNOWN_ENUM enumId']],
  [{ dataType: 'ENUM', enumId: 'e_missing' }, ['error UNKNOWN_ENUM enumId']],
  [{ dataType: 'geometry', length: 5 }, ['error UNSUPPORTED_DATA_TYPE dataType']],
  [{ dataType: 'int8' }, []],
  [{ dataType: ' double  precision ' }, []],
  [{ dataType: 'inet' }, []],
  [{ dataType: 'tstzrange' }, []],
  [{ dataType: 'INTERVAL', precision: 3 }, []],
  [{ dataType: 'INTERVAL', precision: 7 }, ['error INVALID_PRECISION precision']],
  [{ dataType: 'INET', length: 5 }, ['warning IGNORED_ATTRIBUTE length']],
  [{ dataType: 'MONEY', precision: 2 }, ['warning IGNORED_ATTRIBUTE precision']],
  [{ dataType: 'VARCHAR', length: 20, array: true }, []],
  [{ dataType: 'ENUM', enumId: 'e_status', array: true, defaultValue: ['new'] }, []],
  [{ dataType: 'TEXT', array: true, defaultValue: 'a' }, ['error INVALID_DEFAULT defaultValue']],
  [{ dataType: 'TEXT', defaultValue: ['a'] }, ['error INVALID_DEFAULT defaultValue']],
];

const AUTO_INCREMENT: Case[] = [
  [{ dataType: 'SMALLINT', autoIncrement: true }, []],
  [{ dataType: 'int', autoIncrement: true }, []],
  [{ dataType: 'BIGINT', autoIncrement: true, defaultValue: '' }, []],
  [{ dataType: 'BIGINT', autoIncrement: true, defaultValue: null }, []],
  [{ dataType: 'BIGINT', autoIncrement: false, defaultValue: 7 }, []],
  [
    { dataType: 'BIGINT', autoIncrement: true, defaultValue: 7 },
    ['error AUTO_INCREMENT_WITH_DEFAULT defaultValue'],
  ],
  [
    { dataType: 'BIGINT', autoIncrement: true, defaultValue: 'x' },
    ['error AUTO_INCREMENT_WITH_DEFAULT defaultValue'],
  ],
  [{ dataType: 'DECIMAL', autoIncrement: true }, ['error AUTO_INCREMENT_NOT_INTEGER autoIncrement']],
  [
    { dataType: 'INTEGER', array: true, autoIncrement: true },
    ['error AUTO_INCREMENT_NOT_INTEGER autoIncrement'],
  ],
  [{ dataType: 'UUID', autoIncrement: true }, ['error AUTO_INCREMENT_NOT_INTEGER autoIncrement']],
  [
    { dataType: 'TEXT', autoIncrement: true, defaultValue: 'a' },
    ['error AUTO_INCREMENT_NOT_INTEGER autoIncrement', 'error AUTO_INCREMENT_WITH_DEFAULT defaultValue'],
  ],
  [{ dataType: 'nope', autoIncrement: true }, ['error UNSUPPORTED_DATA_TYPE dataType']],
];

describe('column types', () => {
  test.each(TYPE_ATTRIBUTES)('%j', (attributes, expected) => {
    expect(issuesFor(attributes)).toEqual(expected);
  });

  test.each(AUTO_INCREMENT)('auto-increment %j', (attributes, expected) => {
    expect(issuesFor(attributes)).toEqual(expected);
  });

  test('an unsupported type lists the supported ones', () => {
    const doc = validDocument();
    columnAt(doc, 0, 1).dataType = 'GEOMETRY';
    expect(issuesOf(validateDesign(doc), 'UNSUPPORTED_DATA_TYPE')[0]?.message).toBe(
      'Column "email" in table "users" has the data type "GEOMETRY", which is not supported. Use one of: VARCHAR, CHAR, TEXT, SMALLINT, INTEGER, BIGINT, DECIMAL, NUMERIC, REAL, DOUBLE, BOOLEAN, DATE, TIME, TIMESTAMP, TIMESTAMPTZ, UUID, JSON, JSONB, BYTEA, BINARY, VARBINARY, ENUM, INET, CIDR, MACADDR, CITEXT, TSVECTOR, INTERVAL, MONEY, XML, INT4RANGE, INT8RANGE, NUMRANGE, DATERANGE, TSRANGE, TSTZRANGE.',
    );
  });

  test('an ignored attribute says why', () => {
    const doc = validDocument();
    columnAt(doc, 0, 0).length = 255;
    expect(issuesOf(validateDesign(doc), 'IGNORED_ATTRIBUTE')[0]?.message).toBe(
      'Column "id" in table "users" is BIGINT, which has no length; it is ignored.',
    );
  });
});

describe('tables', () => {
  test('a composite primary key counts as a primary key', () => {
    const doc = validDocument();
    Object.assign(columnAt(doc, 1, 0), { primaryKey: false });
    Object.assign(columnAt(doc, 1, 1), { primaryKey: true });
    Object.assign(columnAt(doc, 1, 2), { primaryKey: true });
    expect(issuesOf(validateDesign(doc), 'MISSING_PRIMARY_KEY')).toEqual([]);
  });

  test('a table without columns is not also warned about its primary key', () => {
    const doc = validDocument();
    doc.tables.push({ id: 't_empty', name: 'empty', columns: [] });
    expect(summary(validateDesign(doc))).toEqual(['error NO_COLUMNS tables[2].columns']);
  });

  test('a table without a primary key is a warning naming the table', () => {
    const doc = validDocument();
    columnAt(doc, 1, 0).primaryKey = null;
    expect(issuesOf(validateDesign(doc), 'MISSING_PRIMARY_KEY')).toEqual([
      {
        code: 'MISSING_PRIMARY_KEY',
        severity: 'warning',
        path: 'tables[1]',
        message:
          'Table "orders" has no primary key. Most tables need one, so that each row can be identified and referenced.',
      },
    ]);
  });

  test('duplicate column ids are reported per table, not across tables', () => {
    const doc = validDocument();
    columnAt(doc, 1, 0).id = 'c_users_id';
    doc.foreignKeys = [];
    expect(summary(validateDesign(doc))).toEqual([]);
    tableAt(doc, 1).columns.push({ ...columnAt(doc, 1, 0), name: 'other_id' });
    expect(summary(validateDesign(doc))).toEqual(['error DUPLICATE_ID tables[1].columns[3].id']);
  });
});

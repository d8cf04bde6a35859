import { describe, expect, test } from 'vitest';
import { mapSqliteType } from './types-sqlite.ts';

describe('SQLite declared types as design types', () => {
  test.each([
    ['INTEGER', { dataType: 'INTEGER' }],
    ['INT', { dataType: 'INTEGER' }],
    ['integer', { dataType: 'INTEGER' }],
    ['BIGINT', { dataType: 'BIGINT' }],
    ['SMALLINT', { dataType: 'SMALLINT' }],
    ['TINYINT', { dataType: 'SMALLINT' }],
    ['VARCHAR(40)', { dataType: 'VARCHAR', length: 40 }],
    ['NVARCHAR(160)', { dataType: 'VARCHAR', length: 160 }],
    ['VARCHAR (255)', { dataType: 'VARCHAR', length: 255 }],
    ['VARYING CHARACTER(255)', { dataType: 'VARCHAR', length: 255 }],
    ['NCHAR(55)', { dataType: 'CHAR', length: 55 }],
    ['CHAR(1)', { dataType: 'CHAR', length: 1 }],
    ['TEXT', { dataType: 'TEXT' }],
    ['CLOB', { dataType: 'TEXT' }],
    ['BLOB', { dataType: 'BYTEA' }],
    ['MEDIUMBLOB', { dataType: 'BYTEA', length: 16_777_215 }],
    ['INTEGER UNSIGNED', { dataType: 'INTEGER', unsigned: true }],
    ['int(10) unsigned', { dataType: 'INTEGER', unsigned: true }],
    ['SMALLINT UNSIGNED', { dataType: 'SMALLINT', unsigned: true }],
    ['BIGINT UNSIGNED', { dataType: 'BIGINT', unsigned: true }],
    ['UNSIGNED BIG INT', { dataType: 'BIGINT', unsigned: true }],
    ['LONGTEXT', { dataType: 'TEXT' }],
    ['REAL', { dataType: 'DOUBLE' }],
    ['DOUBLE', { dataType: 'DOUBLE' }],
    ['FLOAT', { dataType: 'DOUBLE' }],
    ['NUMERIC(10,2)', { dataType: 'NUMERIC', precision: 10, scale: 2 }],
    ['NUMERIC(10, 5)', { dataType: 'NUMERIC', precision: 10, scale: 5 }],
    ['DECIMAL', { dataType: 'NUMERIC' }],
    ['BOOLEAN', { dataType: 'BOOLEAN' }],
    ['DATE', { dataType: 'DATE' }],
    ['DATETIME', { dataType: 'TIMESTAMP' }],
    ['TIMESTAMP', { dataType: 'TIMESTAMP' }],
    ['UUID', { dataType: 'UUID' }],
  ])('%s is exactly %o', (native, expected) => {
    expect(mapSqliteType(native)).toEqual({ ...expected, fidelity: 'exact' });
  });

  // SQLite's affinity rules (datatype3.html §3.1), applied in order.
  test.each([
    ['BIGINTEGER', 'INTEGER'],
    ['POINT INT', 'INTEGER'],
    ['CHARINT', 'INTEGER'],
    ['STRING_CHAR', 'TEXT'],
    ['VERYLONGTEXT', 'TEXT'],
    ['BINARYBLOB', 'BYTEA'],
    ['FLOATING POINT', 'INTEGER'],
    ['DOUB', 'DOUBLE'],
    ['MONEY', 'NUMERIC'],
    ['STRING', 'NUMERIC'],
  ])('%s falls back to its affinity, %s', (native, dataType) => {
    expect(mapSqliteType(native)).toMatchObject({ dataType, fidelity: 'approximated' });
  });

  test.each([
    ['BINARY(16)', { dataType: 'BINARY', length: 16 }],
    ['VARBINARY(200)', { dataType: 'VARBINARY', length: 200 }],
    ['VARBINARY(70000)', { dataType: 'BYTEA', length: 70_000 }],
    ['BYTEA', { dataType: 'BYTEA' }],
  ])('%s keeps its bytes and length, approximated: SQLite gave it NUMERIC affinity', (native, expected) => {
    expect(mapSqliteType(native)).toMatchObject({ ...expected, fidelity: 'approximated' });
    expect(mapSqliteType(native).note).toMatch(/NUMERIC affinity/);
  });

  test('BINARY over 255 bytes is VARBINARY, no longer padded: approximated', () => {
    expect(mapSqliteType('BINARY(1536)')).toMatchObject({
      dataType: 'VARBINARY',
      length: 1536,
      fidelity: 'approximated',
    });
  });

  test('a column without a declared type holds anything: TEXT, unsupported', () => {
    expect(mapSqliteType('')).toMatchObject({ dataType: 'TEXT', fidelity: 'unsupported' });
  });

  test('names of Object.prototype are not type names', () => {
    expect(mapSqliteType('constructor')).toMatchObject({ dataType: 'NUMERIC', fidelity: 'approximated' });
  });
});

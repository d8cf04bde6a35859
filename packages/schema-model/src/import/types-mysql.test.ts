import { describe, expect, test } from 'vitest';
import { mapMysqlType, parseQuotedList } from './types-mysql.ts';

describe('MySQL/MariaDB types as design types', () => {
  test.each([
    ['tinyint(1)', { dataType: 'BOOLEAN' }],
    ['smallint(6)', { dataType: 'SMALLINT' }],
    ['smallint(5) unsigned', { dataType: 'SMALLINT', unsigned: true }],
    ['int(11)', { dataType: 'INTEGER' }],
    ['int', { dataType: 'INTEGER' }],
    ['int(10) unsigned', { dataType: 'INTEGER', unsigned: true }],
    ['int(10) unsigned zerofill', { dataType: 'INTEGER', unsigned: true }],
    ['bigint(20)', { dataType: 'BIGINT' }],
    ['bigint(20) unsigned', { dataType: 'BIGINT', unsigned: true }],
    ['decimal(10,2)', { dataType: 'DECIMAL', precision: 10, scale: 2 }],
    ['decimal(10,0)', { dataType: 'DECIMAL', precision: 10, scale: 0 }],
    ['float', { dataType: 'REAL' }],
    ['double', { dataType: 'DOUBLE' }],
    ['char(36)', { dataType: 'CHAR', length: 36 }],
    ['varchar(255)', { dataType: 'VARCHAR', length: 255 }],
    ['tinytext', { dataType: 'TEXT' }],
    ['text', { dataType: 'TEXT' }],
    ['mediumtext', { dataType: 'TEXT' }],
    ['longtext', { dataType: 'TEXT' }],
    ['binary(16)', { dataType: 'BINARY', length: 16 }],
    ['binary(255)', { dataType: 'BINARY', length: 255 }],
    ['varbinary(255)', { dataType: 'VARBINARY', length: 255 }],
    ['varbinary(65535)', { dataType: 'VARBINARY', length: 65_535 }],
    ['tinyblob', { dataType: 'BYTEA', length: 255 }],
    ['blob', { dataType: 'BYTEA', length: 65_535 }],
    ['mediumblob', { dataType: 'BYTEA', length: 16_777_215 }],
    ['longblob', { dataType: 'BYTEA' }],
    ['date', { dataType: 'DATE' }],
    ['time', { dataType: 'TIME' }],
    ['time(3)', { dataType: 'TIME', precision: 3 }],
    ['datetime', { dataType: 'TIMESTAMP' }],
    ['datetime(6)', { dataType: 'TIMESTAMP', precision: 6 }],
    // An instant stored in UTC and shown in the session's zone: timestamptz's meaning.
    ['timestamp', { dataType: 'TIMESTAMPTZ' }],
    ['timestamp(3)', { dataType: 'TIMESTAMPTZ', precision: 3 }],
    ['json', { dataType: 'JSON' }],
    ['uuid', { dataType: 'UUID' }],
  ])('%s is exactly %o', (native, expected) => {
    expect(mapMysqlType(native)).toEqual({ ...expected, fidelity: 'exact' });
  });

  test.each([
    ["enum('a','b')", ['a', 'b']],
    ["enum('it''s','x')", ["it's", 'x']],
    ["enum('a\\\\b')", ['a\\b']],
    ["enum('with, comma','')", ['with, comma', '']],
  ])('%s is an ENUM with its own values %o', (native, values) => {
    expect(mapMysqlType(native)).toEqual({ dataType: 'ENUM', enumValues: values, fidelity: 'exact' });
  });

  test.each([
    ['bit(1)', 'BOOLEAN'],
    ['year(4)', 'SMALLINT'],
    ['double(8,2)', 'DOUBLE'],
    ['float(7,4)', 'REAL'],
    ['char(0)', 'CHAR'],
  ])('%s is approximated as %s', (native, dataType) => {
    expect(mapMysqlType(native)).toMatchObject({ dataType, fidelity: 'approximated' });
  });

  test.each([
    ['tinyint(4)', 'SMALLINT'],
    ['mediumint(9)', 'INTEGER'],
  ])('%s is approximated as %s: a wider range', (native, dataType) => {
    expect(mapMysqlType(native)).toMatchObject({ dataType, fidelity: 'approximated' });
  });

  test.each([
    ['tinyint(3) unsigned', 'SMALLINT'],
    ['mediumint(8) unsigned', 'INTEGER'],
  ])('%s is approximated as %s unsigned: no negatives, a higher upper bound', (native, dataType) => {
    expect(mapMysqlType(native)).toMatchObject({ dataType, unsigned: true, fidelity: 'approximated' });
  });

  test.each(["set('a','b')", 'bit(8)', 'geometry', 'point', 'inet6'])('%s is unsupported: TEXT', (native) => {
    expect(mapMysqlType(native)).toMatchObject({ dataType: 'TEXT', fidelity: 'unsupported' });
  });

  test('a quoted list keeps empty values and escaped quotes', () => {
    expect(parseQuotedList("'','a''b','c\\'d'")).toEqual(['', "a'b", "c'd"]);
  });
});

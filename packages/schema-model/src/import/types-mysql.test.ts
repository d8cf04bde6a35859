import { describe, expect, test } from 'vitest';
import { mapMysqlType, parseQuotedList } from './types-mysql.ts';

describe('MySQL/MariaDB types as design types', () => {
  test.each([
    ['tinyint(1)', { dataType: 'BOOLEAN' }],
    ['tinyint(4)', { dataType: 'SMALLINT' }],
    ['tinyint(3) unsigned', { dataType: 'SMALLINT' }],
    ['smallint(6)', { dataType: 'SMALLINT' }],
    ['smallint(5) unsigned', { dataType: 'INTEGER' }],
    ['mediumint(8) unsigned', { dataType: 'INTEGER' }],
    ['int(11)', { dataType: 'INTEGER' }],
    ['int', { dataType: 'INTEGER' }],
    ['int(10) unsigned', { dataType: 'BIGINT' }],
    ['int(10) unsigned zerofill', { dataType: 'BIGINT' }],
    ['bigint(20)', { dataType: 'BIGINT' }],
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
    ['binary(16)', { dataType: 'BYTEA' }],
    ['varbinary(255)', { dataType: 'BYTEA' }],
    ['blob', { dataType: 'BYTEA' }],
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
    ['bigint(20) unsigned', 'BIGINT'],
    ['bit(1)', 'BOOLEAN'],
    ['year(4)', 'SMALLINT'],
    ['double(8,2)', 'DOUBLE'],
    ['float(7,4)', 'REAL'],
    ['char(0)', 'CHAR'],
  ])('%s is approximated as %s', (native, dataType) => {
    expect(mapMysqlType(native)).toMatchObject({ dataType, fidelity: 'approximated' });
  });

  test.each(["set('a','b')", 'bit(8)', 'geometry', 'point', 'inet6'])('%s is unsupported: TEXT', (native) => {
    expect(mapMysqlType(native)).toMatchObject({ dataType: 'TEXT', fidelity: 'unsupported' });
  });

  test('a quoted list keeps empty values and escaped quotes', () => {
    expect(parseQuotedList("'','a''b','c\\'d'")).toEqual(['', "a'b", "c'd"]);
  });
});

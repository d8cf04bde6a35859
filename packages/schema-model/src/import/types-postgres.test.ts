import { describe, expect, test } from 'vitest';
import { mapPostgresType } from './types-postgres.ts';

describe('PostgreSQL types as design types', () => {
  test.each([
    ['integer', { dataType: 'INTEGER' }],
    ['smallint', { dataType: 'SMALLINT' }],
    ['bigint', { dataType: 'BIGINT' }],
    ['int4', { dataType: 'INTEGER' }],
    ['serial', { dataType: 'INTEGER' }],
    ['bigserial', { dataType: 'BIGINT' }],
    ['character varying(255)', { dataType: 'VARCHAR', length: 255 }],
    ['character varying', { dataType: 'VARCHAR' }],
    ['character(2)', { dataType: 'CHAR', length: 2 }],
    ['bpchar', { dataType: 'CHAR' }],
    ['text', { dataType: 'TEXT' }],
    ['numeric(10,2)', { dataType: 'NUMERIC', precision: 10, scale: 2 }],
    ['numeric(5)', { dataType: 'NUMERIC', precision: 5, scale: 0 }],
    ['numeric', { dataType: 'NUMERIC' }],
    ['real', { dataType: 'REAL' }],
    ['double precision', { dataType: 'DOUBLE' }],
    ['boolean', { dataType: 'BOOLEAN' }],
    ['date', { dataType: 'DATE' }],
    ['time without time zone', { dataType: 'TIME' }],
    ['time(3) without time zone', { dataType: 'TIME', precision: 3 }],
    ['timestamp without time zone', { dataType: 'TIMESTAMP' }],
    ['timestamp(6) without time zone', { dataType: 'TIMESTAMP', precision: 6 }],
    ['timestamp(0) with time zone', { dataType: 'TIMESTAMPTZ', precision: 0 }],
    ['timestamp with time zone', { dataType: 'TIMESTAMPTZ' }],
    ['uuid', { dataType: 'UUID' }],
    ['json', { dataType: 'JSON' }],
    ['jsonb', { dataType: 'JSONB' }],
    ['bytea', { dataType: 'BYTEA' }],
    ['citext', { dataType: 'CITEXT' }],
    // Extension types are schema-qualified when their schema is not on the search path.
    ['public.citext', { dataType: 'CITEXT' }],
    ['inet', { dataType: 'INET' }],
    ['cidr', { dataType: 'CIDR' }],
    ['macaddr', { dataType: 'MACADDR' }],
    ['tsvector', { dataType: 'TSVECTOR' }],
    ['interval', { dataType: 'INTERVAL' }],
    ['interval(3)', { dataType: 'INTERVAL', precision: 3 }],
    ['money', { dataType: 'MONEY' }],
    ['xml', { dataType: 'XML' }],
    ['int4range', { dataType: 'INT4RANGE' }],
    ['int8range', { dataType: 'INT8RANGE' }],
    ['numrange', { dataType: 'NUMRANGE' }],
    ['daterange', { dataType: 'DATERANGE' }],
    ['tsrange', { dataType: 'TSRANGE' }],
    ['tstzrange', { dataType: 'TSTZRANGE' }],
    // Arrays: PostgreSQL does not enforce dimensions, so integer[][] is integer[].
    ['integer[]', { dataType: 'INTEGER', array: true }],
    ['integer[][]', { dataType: 'INTEGER', array: true }],
    ['text[]', { dataType: 'TEXT', array: true }],
    ['character varying(20)[]', { dataType: 'VARCHAR', length: 20, array: true }],
    ['citext[]', { dataType: 'CITEXT', array: true }],
    ['timestamp(3) with time zone[]', { dataType: 'TIMESTAMPTZ', precision: 3, array: true }],
  ])('%s is exactly %o', (native, expected) => {
    expect(mapPostgresType(native)).toEqual({ ...expected, fidelity: 'exact' });
  });

  test.each([
    ['time with time zone', 'TIME'],
    ['time(2) with time zone', 'TIME'],
    ['interval day to second(3)', 'INTERVAL'],
    ['interval year to month', 'INTERVAL'],
    ['"char"', 'CHAR'],
    ['name', 'VARCHAR'],
    // PostgreSQL accepts a negative scale (since 15); a design cannot hold it.
    ['numeric(5,-2)', 'NUMERIC'],
  ])('%s is approximated as %s, with a note', (native, dataType) => {
    const mapped = mapPostgresType(native);
    expect(mapped).toMatchObject({ dataType, fidelity: 'approximated' });
    expect(mapped.note).toBeTruthy();
  });

  test('numeric(5,-2) loses its modifiers rather than keeping an invalid scale', () => {
    expect(mapPostgresType('numeric(5,-2)')).not.toHaveProperty('scale');
  });

  test.each(['macaddr8', 'point[]', 'bit(8)', 'point', 'public.geometry(Polygon,4326)'])(
    '%s has no design type: TEXT, unsupported',
    (native) => {
      const mapped = mapPostgresType(native);
      expect(mapped).toMatchObject({ dataType: 'TEXT', fidelity: 'unsupported' });
      expect(mapped.note).toContain(native);
    },
  );
});

import { describe, expect, test } from 'vitest';
import { MONGODB_NATIVE_TYPES, mapMongodbType } from './types-mongodb.ts';

describe('MongoDB field types as design types', () => {
  test.each([
    ['objectId', { dataType: 'CHAR', length: 24 }],
    ['ObjectId', { dataType: 'CHAR', length: 24 }],
    ['string', { dataType: 'TEXT' }],
    ['int', { dataType: 'INTEGER' }],
    ['int32', { dataType: 'INTEGER' }],
    ['long', { dataType: 'BIGINT' }],
    ['int64', { dataType: 'BIGINT' }],
    ['double', { dataType: 'DOUBLE' }],
    ['decimal', { dataType: 'NUMERIC' }],
    ['decimal128', { dataType: 'NUMERIC' }],
    ['bool', { dataType: 'BOOLEAN' }],
    ['boolean', { dataType: 'BOOLEAN' }],
    ['date', { dataType: 'TIMESTAMPTZ', precision: 3 }],
    ['uuid', { dataType: 'UUID' }],
    ['binData', { dataType: 'BYTEA' }],
    ['document', { dataType: 'JSONB' }],
    ['object', { dataType: 'JSONB' }],
    ['array', { dataType: 'JSONB' }],
  ])('%s is exactly %o', (native, expected) => {
    expect(mapMongodbType(native)).toEqual({ ...expected, fidelity: 'exact' });
  });

  test.each([
    ['dbRef', 'JSONB'],
    ['timestamp', 'TIMESTAMPTZ'],
    ['regex', 'TEXT'],
    ['javascript', 'TEXT'],
    ['symbol', 'TEXT'],
  ])('%s is approximated as %s', (native, dataType) => {
    expect(mapMongodbType(native)).toMatchObject({ dataType, fidelity: 'approximated' });
  });

  test.each([['mixed'], ['null'], ['minKey'], ['maxKey'], ['geometry'], [''], ['constructor']])(
    '%o becomes TEXT, unsupported, with a note',
    (native) => {
      const mapping = mapMongodbType(native);
      expect(mapping).toMatchObject({ dataType: 'TEXT', fidelity: 'unsupported' });
      expect(mapping.note).toEqual(expect.any(String));
    },
  );

  test.each(MONGODB_NATIVE_TYPES.map((native) => [native]))('%s has a mapping of its own', (native) => {
    expect(mapMongodbType(native).note ?? '').not.toMatch(/not a BSON type/);
  });
});

import type { MongodbNativeType } from '@schema-builder/schema-model/import';
import {
  Binary,
  BSON,
  BSONRegExp,
  BSONSymbol,
  Code,
  DBRef,
  Decimal128,
  Double,
  Int32,
  Long,
  MaxKey,
  MinKey,
  ObjectId,
  Timestamp,
  UUID,
} from 'mongodb';
import { describe, expect, test } from 'vitest';
import type { ValueType } from './bson-type.ts';
import { bsonTypeOf, fieldType } from './bson-type.ts';

describe('bsonTypeOf: the BSON type of a deserialized value', () => {
  test.each<[string, unknown, ValueType]>([
    ['ObjectId', new ObjectId('64b7f0c2a1b2c3d4e5f60718'), 'objectId'],
    ['string', 'text', 'string'],
    ['empty string', '', 'string'],
    ['Int32', new Int32(7), 'int'],
    ['Long', Long.fromString('9007199254740993'), 'long'],
    ['bigint (useBigInt64)', 9007199254740993n, 'long'],
    ['Double', new Double(1), 'double'],
    ['Decimal128', Decimal128.fromString('12.50'), 'decimal'],
    ['true', true, 'bool'],
    ['false', false, 'bool'],
    ['Date', new Date('2024-01-02T03:04:05.678Z'), 'date'],
    ['UUID', new UUID('0b5b1e2a-8c4e-4c59-9d43-6d1c3c0e9a11'), 'uuid'],
    ['Binary subtype 4', new Binary(new Uint8Array(16), Binary.SUBTYPE_UUID), 'uuid'],
    ['Binary subtype 3 (legacy UUID)', new Binary(new Uint8Array(16), Binary.SUBTYPE_UUID_OLD), 'binData'],
    ['Binary subtype 0', new Binary(new Uint8Array([1, 2, 3])), 'binData'],
    ['Buffer (promoteBuffers)', Buffer.from([1, 2]), 'binData'],
    ['embedded document', { street: 'Main', no: 1 }, 'document'],
    ['empty document', {}, 'document'],
    ['array', [1, 'two'], 'array'],
    ['empty array', [], 'array'],
    ['DBRef', new DBRef('users', new ObjectId()), 'dbRef'],
    ['Timestamp', new Timestamp({ t: 1_700_000_000, i: 1 }), 'timestamp'],
    ['RegExp', /ab+c/i, 'regex'],
    ['BSONRegExp', new BSONRegExp('ab+c', 'i'), 'regex'],
    ['Code', new Code('function () { return 1; }'), 'javascript'],
    ['BSONSymbol', new BSONSymbol('sym'), 'symbol'],
    ['MinKey', new MinKey(), 'minKey'],
    ['MaxKey', new MaxKey(), 'maxKey'],
    ['null', null, 'null'],
    ['undefined', undefined, 'null'],
  ])('%s is %s', (_label, value, expected) => {
    expect(bsonTypeOf(value)).toBe(expected);
  });

  // Documents read with the driver's defaults (or built by hand) carry plain numbers.
  test.each<[number, ValueType]>([
    [0, 'int'],
    [-1, 'int'],
    [2 ** 31 - 1, 'int'],
    [-(2 ** 31), 'int'],
    [2 ** 31, 'long'],
    [Number.MAX_SAFE_INTEGER, 'long'],
    [2 ** 60, 'double'],
    [1.5, 'double'],
    [Number.NaN, 'double'],
    [Number.POSITIVE_INFINITY, 'double'],
  ])('the JS number %d is %s', (value, expected) => {
    expect(bsonTypeOf(value)).toBe(expected);
  });
});

describe('bsonTypeOf on values read back from BSON bytes as listMongoStructure reads them', () => {
  const wire = (value: unknown): unknown => {
    const bytes = BSON.serialize({ value });
    return BSON.deserialize(bytes, { promoteValues: false, promoteLongs: false, bsonRegExp: true }).value;
  };

  test.each<[string, unknown, ValueType]>([
    ['int32', new Int32(5), 'int'],
    ['a small int64', Long.fromNumber(5), 'long'],
    ['a whole double', new Double(5), 'double'],
    ['decimal128', Decimal128.fromString('5.0'), 'decimal'],
    ['a UUID', new UUID(), 'uuid'],
    ['binary', new Binary(new Uint8Array([1])), 'binData'],
    ['a regular expression', /a/, 'regex'],
    ['a symbol', new BSONSymbol('s'), 'symbol'],
    ['a timestamp', new Timestamp({ t: 1, i: 1 }), 'timestamp'],
    ['a DBRef', new DBRef('users', new ObjectId()), 'dbRef'],
    ['a date', new Date(0), 'date'],
    ['a string', 'five', 'string'],
  ])('%s stays %s', (_label, value, expected) => {
    expect(bsonTypeOf(wire(value))).toBe(expected);
  });
});

describe('fieldType: one type for all the values of a field', () => {
  test.each<[ValueType[], MongodbNativeType]>([
    [[], 'null'],
    [['null'], 'null'],
    [['string'], 'string'],
    [['string', 'null'], 'string'],
    [['int', 'long'], 'long'],
    [['int', 'double'], 'double'],
    [['long', 'double'], 'double'],
    [['int', 'long', 'double', 'decimal'], 'decimal'],
    [['double', 'decimal', 'null'], 'decimal'],
    [['uuid', 'binData'], 'binData'],
    [['string', 'int'], 'mixed'],
    [['objectId', 'string'], 'mixed'],
    [['document', 'array'], 'mixed'],
    [['int', 'bool'], 'mixed'],
    [['date', 'timestamp'], 'mixed'],
  ])('%o → %s', (types, expected) => {
    expect(fieldType(new Set(types))).toBe(expected);
  });
});

import type { MongodbNativeType } from '@schema-builder/schema-model/import';
import {
  Binary,
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
} from 'mongodb';

/** What one sampled value is; `null` stands for null, undefined and a missing field alike. */
export type ValueType = Exclude<MongodbNativeType, 'mixed'>;

const INT32_MIN = -(2 ** 31);
const INT32_MAX = 2 ** 31 - 1;

/**
 * The BSON type of a value as the driver deserialized it. Read with `promoteValues: false`
 * (as `listMongoStructure` does), int32, int64 and double arrive as `Int32`, `Long` and `Double`
 * and are told apart exactly; a plain JS number (documents read with the defaults, or built by
 * hand) is `int` when it is an integer within 32 bits, `long` when a larger integer, else `double`.
 */
export function bsonTypeOf(value: unknown): ValueType {
  switch (typeof value) {
    case 'undefined':
      return 'null';
    case 'string':
      return 'string';
    case 'boolean':
      return 'bool';
    case 'bigint':
      return 'long';
    case 'number':
      return numberType(value);
    case 'function':
      return 'javascript';
    case 'symbol':
      return 'symbol';
    case 'object':
      return value === null ? 'null' : objectType(value);
  }
}

function numberType(value: number): ValueType {
  if (!Number.isInteger(value)) return 'double';
  if (value >= INT32_MIN && value <= INT32_MAX) return 'int';
  return Number.isSafeInteger(value) ? 'long' : 'double';
}

function objectType(value: object): ValueType {
  if (Array.isArray(value)) return 'array';
  if (value instanceof Date) return 'date';
  if (value instanceof ObjectId) return 'objectId';
  if (value instanceof Int32) return 'int';
  if (value instanceof Double) return 'double';
  // A Timestamp is a Long underneath: test it first.
  if (value instanceof Timestamp) return 'timestamp';
  if (value instanceof Long) return 'long';
  if (value instanceof Decimal128) return 'decimal';
  if (value instanceof Binary) return value.sub_type === Binary.SUBTYPE_UUID ? 'uuid' : 'binData';
  if (value instanceof Uint8Array) return 'binData';
  if (value instanceof RegExp || value instanceof BSONRegExp) return 'regex';
  if (value instanceof Code) return 'javascript';
  if (value instanceof BSONSymbol) return 'symbol';
  if (value instanceof DBRef) return 'dbRef';
  if (value instanceof MinKey) return 'minKey';
  if (value instanceof MaxKey) return 'maxKey';
  return 'document';
}

const NUMERIC_RANK: ReadonlyMap<ValueType, number> = new Map([
  ['int', 0],
  ['long', 1],
  ['double', 2],
  ['decimal', 3],
]);

/**
 * The one type of a field whose sampled values have `types` (nulls left out): numbers widen
 * (int → long → double → decimal), a UUID among other binary values is binary, anything else
 * that differs is `mixed`; no type at all (only nulls) is `null`.
 */
export function fieldType(types: ReadonlySet<ValueType>): MongodbNativeType {
  const [first, ...rest] = [...types].filter((type) => type !== 'null');
  if (first === undefined) return 'null';
  if (rest.length === 0) return first;
  const all = [first, ...rest];
  const ranks = all.map((type) => NUMERIC_RANK.get(type));
  if (ranks.every((rank) => rank !== undefined)) {
    const widest = Math.max(...ranks);
    return all.find((type) => NUMERIC_RANK.get(type) === widest) ?? 'mixed';
  }
  if (all.every((type) => type === 'uuid' || type === 'binData')) return 'binData';
  return 'mixed';
}

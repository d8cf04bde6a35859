import type { TypeMapping } from './type-mapping.ts';
import { approximated, exact, unsupported } from './type-mapping.ts';

/**
 * The native types a MongoDB catalog uses: what `inferCollection` (packages/introspection)
 * found in a field across the sampled documents. Mostly the `$type` aliases of the BSON types,
 * plus `uuid` (binData of subtype 4), `document` (an embedded document), `mixed` (values of
 * several types) and `null` (only null values were sampled).
 */
export const MONGODB_NATIVE_TYPES = [
  'objectId',
  'string',
  'int',
  'long',
  'double',
  'decimal',
  'bool',
  'date',
  'uuid',
  'binData',
  'document',
  'array',
  'dbRef',
  'timestamp',
  'regex',
  'javascript',
  'symbol',
  'minKey',
  'maxKey',
  'null',
  'mixed',
] as const;
export type MongodbNativeType = (typeof MONGODB_NATIVE_TYPES)[number];

/**
 * A MongoDB field type as a design type. Embedded documents and arrays become JSONB (the field
 * is kept whole, not flattened); an ObjectId becomes its 24-character hex text.
 */
export function mapMongodbType(nativeType: string): TypeMapping {
  const mapper = KNOWN.get(nativeType.trim().toLowerCase());
  if (mapper) return mapper();
  return unsupported(`${nativeType} is not a BSON type this import knows`);
}

const MAPPINGS: Readonly<Record<MongodbNativeType, () => TypeMapping>> = {
  objectId: () => exact('CHAR', { length: 24 }),
  string: () => exact('TEXT'),
  int: () => exact('INTEGER'),
  long: () => exact('BIGINT'),
  double: () => exact('DOUBLE'),
  decimal: () => exact('NUMERIC'),
  bool: () => exact('BOOLEAN'),
  date: () => exact('TIMESTAMPTZ', { precision: 3 }),
  uuid: () => exact('UUID'),
  binData: () => exact('BYTEA'),
  document: () => exact('JSONB'),
  array: () => exact('JSONB'),
  dbRef: () =>
    approximated('JSONB', 'a DBRef is kept as its {$ref, $id} document; no foreign key is made from it'),
  timestamp: () =>
    approximated('TIMESTAMPTZ', "a BSON timestamp's increment (its order within the second) is lost"),
  regex: () => approximated('TEXT', 'a regular expression is kept as its /pattern/flags text'),
  javascript: () => approximated('TEXT', 'JavaScript code is kept as its source text'),
  symbol: () => approximated('TEXT', 'a symbol (deprecated in BSON) is kept as its text'),
  minKey: () => unsupported('MinKey has no SQL counterpart'),
  maxKey: () => unsupported('MaxKey has no SQL counterpart'),
  null: () => unsupported('only null values were sampled, so the type is unknown'),
  mixed: () => unsupported('the sampled documents hold values of several BSON types in this field'),
};

/** Lower-cased names, with the other spellings of BSON type names. */
const KNOWN: ReadonlyMap<string, () => TypeMapping> = new Map([
  ...Object.entries(MAPPINGS).map(([name, mapper]): [string, () => TypeMapping] => [
    name.toLowerCase(),
    mapper,
  ]),
  ['object', MAPPINGS.document],
  ['objectid', MAPPINGS.objectId],
  ['int32', MAPPINGS.int],
  ['int64', MAPPINGS.long],
  ['decimal128', MAPPINGS.decimal],
  ['boolean', MAPPINGS.bool],
]);

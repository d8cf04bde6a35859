/**
 * The closed set of column data types a design may use, and the aliases users type for them.
 * Type names in documents are case-insensitive; everything downstream works on the canonical name.
 */
export const DATA_TYPES = [
  'VARCHAR',
  'CHAR',
  'TEXT',
  'SMALLINT',
  'INTEGER',
  'BIGINT',
  'DECIMAL',
  'NUMERIC',
  'REAL',
  'DOUBLE',
  'BOOLEAN',
  'DATE',
  'TIME',
  'TIMESTAMP',
  'TIMESTAMPTZ',
  'UUID',
  'JSON',
  'JSONB',
  'BYTEA',
  'BINARY',
  'VARBINARY',
  'ENUM',
  // The common PostgreSQL types beyond the portable core (issue 16): each exact in PostgreSQL,
  // the nearest form with a warning in MySQL and SQLite (see `docs/design-document.md`).
  'INET',
  'CIDR',
  'MACADDR',
  'CITEXT',
  'TSVECTOR',
  'INTERVAL',
  'MONEY',
  'XML',
  'INT4RANGE',
  'INT8RANGE',
  'NUMRANGE',
  'DATERANGE',
  'TSRANGE',
  'TSTZRANGE',
] as const;

export type DataType = (typeof DATA_TYPES)[number];

const ALIASES: Readonly<Record<string, DataType>> = {
  INT: 'INTEGER',
  INT4: 'INTEGER',
  INT2: 'SMALLINT',
  INT8: 'BIGINT',
  'CHARACTER VARYING': 'VARCHAR',
  CHARACTER: 'CHAR',
  FLOAT4: 'REAL',
  FLOAT8: 'DOUBLE',
  'DOUBLE PRECISION': 'DOUBLE',
  BOOL: 'BOOLEAN',
  'TIMESTAMP WITH TIME ZONE': 'TIMESTAMPTZ',
  'TIMESTAMP WITHOUT TIME ZONE': 'TIMESTAMP',
};

const CANONICAL = new Set<string>(DATA_TYPES);

/** Canonical name of a user-typed data type, or undefined when it is not supported. */
export function canonicalDataType(input: string): DataType | undefined {
  const upper = input.trim().replace(/\s+/g, ' ').toUpperCase();
  if (CANONICAL.has(upper)) return upper as DataType;
  return ALIASES[upper];
}

export const INTEGER_TYPES: ReadonlySet<DataType> = new Set(['SMALLINT', 'INTEGER', 'BIGINT']);
export const STRING_TYPES: ReadonlySet<DataType> = new Set(['VARCHAR', 'CHAR', 'TEXT']);
/**
 * Types of which `''` is a value (an empty string, text, vector or document): a default `''`
 * is kept. For any other type an empty default is a form's empty field and means none.
 */
export const EMPTY_TEXT_TYPES: ReadonlySet<DataType> = new Set([
  ...STRING_TYPES,
  'CITEXT',
  'TSVECTOR',
  'XML',
]);
export const DECIMAL_TYPES: ReadonlySet<DataType> = new Set(['DECIMAL', 'NUMERIC']);
export const FLOAT_TYPES: ReadonlySet<DataType> = new Set(['REAL', 'DOUBLE']);
export const TEMPORAL_TYPES: ReadonlySet<DataType> = new Set(['DATE', 'TIME', 'TIMESTAMP', 'TIMESTAMPTZ']);
/**
 * Byte strings: BYTEA (its `length`, when given, is a maximum in bytes: MySQL's blob size
 * classes), BINARY(n) (exactly n bytes) and VARBINARY(n) (at most n bytes). PostgreSQL holds all
 * three as bytea, the length kept by a CHECK.
 */
export const BINARY_TYPES: ReadonlySet<DataType> = new Set(['BYTEA', 'BINARY', 'VARBINARY']);
/** Types whose `length` is meaningful (characters for strings, bytes for the binary types). */
export const LENGTH_TYPES: ReadonlySet<DataType> = new Set(['VARCHAR', 'CHAR', ...BINARY_TYPES]);
/** Binary types that need a length. */
export const BINARY_LENGTH_REQUIRED: ReadonlySet<DataType> = new Set(['BINARY', 'VARBINARY']);
/** PostgreSQL's built-in range types: text like `[1,10)` or `empty` in every other dialect. */
export const RANGE_TYPES: ReadonlySet<DataType> = new Set([
  'INT4RANGE',
  'INT8RANGE',
  'NUMRANGE',
  'DATERANGE',
  'TSRANGE',
  'TSTZRANGE',
]);
/** The network address types (inet, cidr, macaddr). */
export const NETWORK_TYPES: ReadonlySet<DataType> = new Set(['INET', 'CIDR', 'MACADDR']);
/**
 * Types whose values are written as text in every dialect and whose defaults are any string
 * PostgreSQL reads for them (checked by PostgreSQL itself, not here): ranges, networks, interval,
 * tsvector, xml and citext.
 */
export const TEXT_FORM_TYPES: ReadonlySet<DataType> = new Set([
  ...RANGE_TYPES,
  ...NETWORK_TYPES,
  'CITEXT',
  'TSVECTOR',
  'INTERVAL',
  'XML',
]);
/** Types whose `precision` is meaningful (fractional seconds for time types). */
export const PRECISION_TYPES: ReadonlySet<DataType> = new Set([
  'DECIMAL',
  'NUMERIC',
  'TIME',
  'TIMESTAMP',
  'TIMESTAMPTZ',
  'INTERVAL',
]);

/** PostgreSQL's bounds, so a valid design never produces DDL the server rejects. */
export const LIMITS = {
  identifierBytes: 63,
  maxLength: 10_485_760,
  maxNumericPrecision: 1000,
  maxTimePrecision: 6,
  /** MySQL's BINARY(n) ends at 255 bytes. */
  maxBinaryLength: 255,
  /** MySQL's VARBINARY(n) ends at 65,535 bytes (a row's limit); longer is BYTEA with a length. */
  maxVarbinaryLength: 65_535,
  /** PostgreSQL's largest bytea value: 1 GiB. */
  maxByteaLength: 1_073_741_823,
} as const;

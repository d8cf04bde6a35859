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
export const DECIMAL_TYPES: ReadonlySet<DataType> = new Set(['DECIMAL', 'NUMERIC']);
export const FLOAT_TYPES: ReadonlySet<DataType> = new Set(['REAL', 'DOUBLE']);
export const TEMPORAL_TYPES: ReadonlySet<DataType> = new Set(['DATE', 'TIME', 'TIMESTAMP', 'TIMESTAMPTZ']);
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
/** Types whose `length` is meaningful. */
export const LENGTH_TYPES: ReadonlySet<DataType> = new Set(['VARCHAR', 'CHAR']);
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
} as const;

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
/** Types whose `length` is meaningful. */
export const LENGTH_TYPES: ReadonlySet<DataType> = new Set(['VARCHAR', 'CHAR']);
/** Types whose `precision` is meaningful (fractional seconds for time types). */
export const PRECISION_TYPES: ReadonlySet<DataType> = new Set([
  'DECIMAL',
  'NUMERIC',
  'TIME',
  'TIMESTAMP',
  'TIMESTAMPTZ',
]);

/** PostgreSQL's bounds, so a valid design never produces DDL the server rejects. */
export const LIMITS = {
  identifierBytes: 63,
  maxLength: 10_485_760,
  maxNumericPrecision: 1000,
  maxTimePrecision: 6,
} as const;

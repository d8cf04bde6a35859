import type { ColumnType } from '../../design/model.ts';
import { quoteQualified } from '../../sql/quote.ts';
import { DdlGenerationError } from '../design-index.ts';
import { postgresUnsignedStorage, UNSIGNED_MAX } from '../type-checks.ts';

function modifier(value: number | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (!Number.isSafeInteger(value)) throw new DdlGenerationError(`type modifier ${value} is not an integer`);
  return String(value);
}

/** `name(n)` when `n` is set, else `name`. */
function withModifier(name: string, value: number | undefined): string {
  const n = modifier(value);
  return n === undefined ? name : `${name}(${n})`;
}

/**
 * The PostgreSQL spelling of a canonical column type; `enumName` is required for ENUM. An array
 * column is its element type followed by `[]`. An unsigned integer is the type that holds its
 * range, and the binary types are bytea: what the type alone does not keep is the column's CHECK
 * (`typeCheck`).
 */
export function renderType(type: ColumnType, enumName?: string, enumSchema?: string): string {
  const element = renderElementType(type, enumName, enumSchema);
  return type.array === true ? `${element}[]` : element;
}

function renderElementType(type: ColumnType, enumName?: string, enumSchema?: string): string {
  if (type.unsigned === true && UNSIGNED_MAX[type.dataType] !== undefined)
    return postgresUnsignedStorage(type.dataType);
  switch (type.dataType) {
    case 'VARCHAR':
      return withModifier('varchar', type.length);
    case 'CHAR':
      return withModifier('char', type.length);
    case 'TEXT':
      return 'text';
    case 'SMALLINT':
      return 'smallint';
    case 'INTEGER':
      return 'integer';
    case 'BIGINT':
      return 'bigint';
    case 'DECIMAL':
    case 'NUMERIC': {
      // A scale needs a precision in PostgreSQL; without one the type is unconstrained numeric.
      const precision = modifier(type.precision);
      if (precision === undefined) return 'numeric';
      const scale = modifier(type.scale);
      return scale === undefined ? `numeric(${precision})` : `numeric(${precision},${scale})`;
    }
    case 'REAL':
      return 'real';
    case 'DOUBLE':
      return 'double precision';
    case 'BOOLEAN':
      return 'boolean';
    case 'DATE':
      return 'date';
    case 'TIME':
      return withModifier('time', type.precision);
    case 'TIMESTAMP':
      return withModifier('timestamp', type.precision);
    case 'TIMESTAMPTZ':
      return withModifier('timestamptz', type.precision);
    case 'UUID':
      return 'uuid';
    case 'JSON':
      return 'json';
    case 'JSONB':
      return 'jsonb';
    case 'BYTEA':
    case 'BINARY':
    case 'VARBINARY':
      return 'bytea';
    case 'ENUM':
      if (enumName === undefined) throw new DdlGenerationError('ENUM column without an enum type name');
      return quoteQualified(enumSchema, enumName);
    case 'INET':
      return 'inet';
    case 'CIDR':
      return 'cidr';
    case 'MACADDR':
      return 'macaddr';
    // From the citext extension, which the script creates (`CITEXT_EXTENSION`).
    case 'CITEXT':
      return 'citext';
    case 'TSVECTOR':
      return 'tsvector';
    case 'INTERVAL':
      return withModifier('interval', type.precision);
    case 'MONEY':
      return 'money';
    case 'XML':
      return 'xml';
    case 'INT4RANGE':
      return 'int4range';
    case 'INT8RANGE':
      return 'int8range';
    case 'NUMRANGE':
      return 'numrange';
    case 'DATERANGE':
      return 'daterange';
    case 'TSRANGE':
      return 'tsrange';
    case 'TSTZRANGE':
      return 'tstzrange';
  }
  return unreachable(type.dataType);
}

/** The `never` check after an exhaustive switch: a compile error when a case is missing. */
export function unreachable(value: never): never {
  throw new DdlGenerationError(`unhandled case ${JSON.stringify(value)}`);
}

import type { ColumnType } from '../../design/model.ts';
import { quoteQualified } from '../../sql/quote.ts';
import { DdlGenerationError } from '../design-index.ts';

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

/** The PostgreSQL spelling of a canonical column type; `enumName` is required for ENUM. */
export function renderType(type: ColumnType, enumName?: string, enumSchema?: string): string {
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
      return 'bytea';
    case 'ENUM':
      if (enumName === undefined) throw new DdlGenerationError('ENUM column without an enum type name');
      return quoteQualified(enumSchema, enumName);
  }
  return unreachable(type.dataType);
}

/** The `never` check after an exhaustive switch: a compile error when a case is missing. */
export function unreachable(value: never): never {
  throw new DdlGenerationError(`unhandled case ${JSON.stringify(value)}`);
}

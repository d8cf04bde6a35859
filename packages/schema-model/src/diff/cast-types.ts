import { renderType } from '../ddl/postgres/render-type.ts';
import { renderTypeCheck, typeCheck } from '../ddl/type-checks.ts';
import type { DataType } from '../design/data-types.ts';
import {
  BINARY_TYPES,
  DECIMAL_TYPES,
  FLOAT_TYPES,
  INTEGER_TYPES,
  STRING_TYPES,
} from '../design/data-types.ts';
import type { ColumnType } from '../design/model.ts';

/** Small facts about column types that the cast rules and their data checks share. */

export type TypeFamily = 'string' | 'integer' | 'decimal' | 'float' | DataType;

export function family(dataType: DataType): TypeFamily {
  if (STRING_TYPES.has(dataType)) return 'string';
  if (INTEGER_TYPES.has(dataType)) return 'integer';
  if (DECIMAL_TYPES.has(dataType)) return 'decimal';
  if (FLOAT_TYPES.has(dataType)) return 'float';
  // BINARY and VARBINARY are bytea with a CHECK on the length.
  if (BINARY_TYPES.has(dataType)) return 'BYTEA';
  return dataType;
}

/** Text that enum values and strings share: both convert from and to text. */
export const isTextual = (type: ColumnType): boolean =>
  family(type.dataType) === 'string' || type.dataType === 'ENUM';

/** Most characters a value takes, for VARCHAR and CHAR (a bare CHAR is char(1)); undefined: no limit. */
export function characterLimit(type: ColumnType): number | undefined {
  if (type.dataType === 'CHAR') return type.length ?? 1;
  if (type.dataType === 'VARCHAR') return type.length;
  return undefined;
}

/** Precision and scale of a numeric type; both undefined when it is unconstrained. */
export function numericShape(type: ColumnType): { precision?: number; scale?: number } {
  if (type.precision === undefined) return {};
  return { precision: type.precision, scale: type.scale ?? 0 };
}

/** Value range of each integer type, as SQL numbers. */
export const INTEGER_RANGES: Readonly<Record<string, readonly [string, string]>> = {
  SMALLINT: ['-32768', '32767'],
  INTEGER: ['-2147483648', '2147483647'],
  BIGINT: ['-9223372036854775808', '9223372036854775807'],
};

/**
 * The PostgreSQL integer type a column is stored as: an unsigned SMALLINT is integer, an unsigned
 * INTEGER bigint (`postgresUnsignedStorage`); what USING casts and size comparisons go by.
 */
export function storageDataType(type: ColumnType): DataType {
  if (type.unsigned !== true) return type.dataType;
  if (type.dataType === 'SMALLINT') return 'INTEGER';
  if (type.dataType === 'INTEGER') return 'BIGINT';
  return type.dataType;
}

/** The values an integer column holds in PostgreSQL: its type's range, or its unsigned CHECK's. */
export function integerRange(type: ColumnType): readonly [bigint, bigint] {
  const [min, max] = INTEGER_RANGES[storageDataType(type)] ?? ['0', '0'];
  const check = typeCheck(type);
  if (check?.kind !== 'range') return [BigInt(min), BigInt(max)];
  return [check.min, check.max ?? BigInt(max)];
}

/** The CHECK a type adds in PostgreSQL, as text (on a column `X`), to tell types apart by it. */
const checkText = (type: ColumnType): string => {
  const check = typeCheck(type);
  return check === undefined ? '' : renderTypeCheck(check, 'X', 'postgresql');
};

/** Decimal digits of the largest value of each integer type. */
export const INTEGER_DIGITS: Readonly<Record<string, number>> = { SMALLINT: 5, INTEGER: 10, BIGINT: 19 };

/** Bytes of each integer type, to tell widening from narrowing. */
export const INTEGER_SIZES: Readonly<Record<string, number>> = { SMALLINT: 2, INTEGER: 4, BIGINT: 8 };

/** Whether two column types are the same PostgreSQL type (DECIMAL is NUMERIC; CHAR is char(1)). */
export function sameType(a: ColumnType, b: ColumnType): boolean {
  if ((a.array === true) !== (b.array === true)) return false;
  if (a.dataType === 'ENUM' || b.dataType === 'ENUM')
    return a.dataType === b.dataType && a.enumId === b.enumId;
  const fa = family(a.dataType);
  if (fa !== family(b.dataType)) return false;
  // Unsigned integers and binary lengths: the same stored type with the same CHECK is the same.
  if (a.unsigned === true || b.unsigned === true || fa === 'BYTEA')
    return renderType(a) === renderType(b) && checkText(a) === checkText(b);
  if (fa === 'decimal') {
    const sa = numericShape(a);
    const sb = numericShape(b);
    return sa.precision === sb.precision && sa.scale === sb.scale;
  }
  if (a.dataType !== b.dataType) return false;
  return characterLimit(a) === characterLimit(b) && a.precision === b.precision;
}

/** A type as a person reads it in a message: `varchar(50)`, `an enum`. */
export function typeLabel(type: ColumnType): string {
  if (type.dataType === 'ENUM') return 'an enum';
  // The design's own names where PostgreSQL's type alone would not tell them apart.
  if (type.unsigned === true) return `${type.dataType.toLowerCase()} unsigned`;
  if ((type.dataType === 'BINARY' || type.dataType === 'VARBINARY') && type.length !== undefined)
    return `${type.dataType.toLowerCase()}(${type.length})`;
  if (type.dataType === 'BYTEA' && type.length !== undefined) return `bytea of at most ${type.length} bytes`;
  return renderType(type);
}

/** The type without length, precision or scale: what a USING cast goes through. */
export function bareType(type: ColumnType): ColumnType {
  const array = type.array === true ? { array: true } : {};
  if (type.dataType === 'ENUM' && type.enumId !== undefined)
    return { dataType: 'ENUM', enumId: type.enumId, ...array };
  // An unsigned integer's cast goes to the type that stores it (its range is its CHECK's).
  return { dataType: storageDataType(type), ...array };
}

export const TEXT: ColumnType = { dataType: 'TEXT' };

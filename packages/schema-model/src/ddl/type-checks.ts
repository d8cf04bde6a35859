import type { DataType } from '../design/data-types.ts';
import { BINARY_TYPES } from '../design/data-types.ts';
import type { ColumnType } from '../design/model.ts';
import { fitIdentifier } from './naming.ts';

/**
 * What a column type promises that a dialect's storage type alone does not, kept by a CHECK on
 * the column: the range of an unsigned integer (PostgreSQL and SQLite have no unsigned types)
 * and the length of a binary type (PostgreSQL has only bytea, SQLite only BLOB). MySQL has these
 * types itself and needs no CHECK, except for a BYTEA length between its blob size classes.
 */
export type TypeCheck =
  /** `min <= col AND col <= max`; no `max`: `col >= min`. */
  | { kind: 'range'; min: bigint; max?: bigint }
  /**
   * The value's bytes: exactly `length` (BINARY) or at most `length` (VARBINARY, BYTEA). `blob`
   * for BYTEA, which PostgreSQL counts with `length` rather than `octet_length` (the same number
   * for bytea), so that an import tells it from VARBINARY.
   */
  | { kind: 'octets'; exact: boolean; length: number; blob: boolean };

/** The largest value of each unsigned integer type (MySQL's ranges). */
export const UNSIGNED_MAX: Readonly<Record<string, bigint>> = {
  SMALLINT: 65_535n,
  INTEGER: 4_294_967_295n,
  BIGINT: 18_446_744_073_709_551_615n,
};

/**
 * The PostgreSQL integer type that holds an unsigned one: SMALLINT's range needs integer,
 * INTEGER's bigint; BIGINT's does not fit any PostgreSQL integer, and numeric(20,0) cannot be an
 * identity nor hold a foreign key to a bigint key, so it is bigint too and keeps "no negatives"
 * only (values over 9,223,372,036,854,775,807 do not fit: validation says so, `UNSIGNED_BIGINT_RANGE`).
 */
export function postgresUnsignedStorage(dataType: DataType): 'integer' | 'bigint' {
  return dataType === 'SMALLINT' ? 'integer' : 'bigint';
}

/** The CHECK a PostgreSQL or SQLite column of this type needs, or undefined when the type alone holds it. */
export function typeCheck(type: ColumnType): TypeCheck | undefined {
  if (type.unsigned === true) {
    // Both store BIGINT in a signed 64-bit integer, which bounds it below MySQL's maximum: the
    // check keeps "no negatives" only (an upper bound above the storage's would be no check).
    const max = UNSIGNED_MAX[type.dataType];
    return type.dataType === 'BIGINT' || max === undefined
      ? { kind: 'range', min: 0n }
      : { kind: 'range', min: 0n, max };
  }
  if (BINARY_TYPES.has(type.dataType) && type.length !== undefined) {
    return {
      kind: 'octets',
      exact: type.dataType === 'BINARY',
      length: type.length,
      blob: type.dataType === 'BYTEA',
    };
  }
  return undefined;
}

/**
 * The condition of a check on a quoted column, in a dialect: PostgreSQL counts bytes with
 * `octet_length` (`length` for BYTEA, see `TypeCheck`), SQLite with `length` (a BLOB's length is
 * its bytes), VARBINARY's bound there as `BETWEEN 0 AND n`.
 */
export function renderTypeCheck(
  check: TypeCheck,
  column: string,
  dialect: 'postgresql' | 'mysql' | 'sqlite',
): string {
  if (check.kind === 'range') {
    return check.max === undefined
      ? `${column} >= ${check.min}`
      : `${column} BETWEEN ${check.min} AND ${check.max}`;
  }
  if (dialect === 'sqlite') {
    // SQLite counts a BLOB's bytes with `length` only: VARBINARY's bound is written as a range so
    // that an import tells it from BYTEA's.
    const bytes = `length(${column})`;
    if (check.exact) return `${bytes} = ${check.length}`;
    return check.blob ? `${bytes} <= ${check.length}` : `${bytes} BETWEEN 0 AND ${check.length}`;
  }
  const bytes = check.blob ? `length(${column})` : `octet_length(${column})`;
  return `${bytes} ${check.exact ? '=' : '<='} ${check.length}`;
}

/**
 * The name of a column's type CHECK in PostgreSQL: `<table>_<column>_check`, the name PostgreSQL
 * gives an unnamed column CHECK, fitted to 63 bytes. A migration finds it by this name to replace
 * it when the type changes, and renames it with its table or column.
 */
export function typeCheckName(table: string, column: string): string {
  return fitIdentifier(`${table}_${column}`, '_check');
}

import type { DataType } from '../design/data-types.ts';
import { LIMITS } from '../design/data-types.ts';

/** The dialects a catalog can come from. */
export const IMPORT_DIALECTS = ['postgresql', 'mysql', 'sqlite', 'mongodb'] as const;
export type ImportDialect = (typeof IMPORT_DIALECTS)[number];

/**
 * A native type as a design type. `approximated`: a close design type that loses something
 * (a range, a time zone, case-insensitivity), said in `note`. `unsupported`: no design type
 * fits, so the column becomes TEXT and `note` says what it was.
 */
export interface TypeMapping {
  dataType: DataType;
  length?: number;
  precision?: number;
  scale?: number;
  /** MySQL unsigned integers: no negatives (and MySQL's unsigned range). */
  unsigned?: boolean;
  /** For a MySQL `enum(...)` column: the values of the enum the import creates for it. */
  enumValues?: string[];
  /** An array of the type (PostgreSQL `text[]`). */
  array?: boolean;
  fidelity: 'exact' | 'approximated' | 'unsupported';
  note?: string;
}

export interface ParsedTypeName {
  /** Lower-case name without modifiers or array brackets, single-spaced: `timestamp with time zone`. */
  base: string;
  /** The numbers in the first parentheses: `numeric(10,2)` → [10, 2]. */
  args: number[];
  array: boolean;
}

/**
 * Splits `timestamp(3) with time zone`, `character varying(255)[]`, `DECIMAL(10, 2)` or
 * `int(10) unsigned` into a base name and its numeric modifiers. Modifiers that are not plain
 * integers (SQLite accepts anything there) are left out of `args`.
 */
export function parseTypeName(text: string): ParsedTypeName {
  let rest = text.trim();
  let array = false;
  while (rest.endsWith('[]')) {
    array = true;
    rest = rest.slice(0, -2).trimEnd();
  }
  let args: number[] = [];
  const modifier = /\(([^)]*)\)/.exec(rest);
  if (modifier) {
    const parts = (modifier[1] ?? '').split(',').map((part) => part.trim());
    args = parts.every((part) => /^[+-]?\d+$/.test(part)) ? parts.map(Number) : [];
    rest = `${rest.slice(0, modifier.index)} ${rest.slice(modifier.index + modifier[0].length)}`;
  }
  return { base: rest.replace(/\s+/g, ' ').trim().toLowerCase(), args, array };
}

export const exact = (dataType: DataType, extra: Partial<TypeMapping> = {}): TypeMapping => ({
  dataType,
  ...extra,
  fidelity: 'exact',
});

export const approximated = (
  dataType: DataType,
  note: string,
  extra: Partial<TypeMapping> = {},
): TypeMapping => ({ dataType, ...extra, fidelity: 'approximated', note });

export const unsupported = (note: string): TypeMapping => ({
  dataType: 'TEXT',
  fidelity: 'unsupported',
  note,
});

/** VARCHAR(n)/CHAR(n) within PostgreSQL's bounds (MySQL allows CHAR(0); nothing allows more than 10 MiB). */
export function characterType(dataType: 'VARCHAR' | 'CHAR', length: number | undefined): TypeMapping {
  if (length === undefined) return exact(dataType);
  if (length >= 1 && length <= LIMITS.maxLength) return exact(dataType, { length });
  if (length < 1)
    return approximated(dataType, `a length of ${length} is not possible; imported as length 1`, {
      length: 1,
    });
  return approximated(
    'TEXT',
    `a length of ${length} is over the limit of ${LIMITS.maxLength}; imported as TEXT`,
  );
}

/** DECIMAL/NUMERIC(p,s); modifiers PostgreSQL rejects (negative scale, scale over precision) are dropped. */
export function decimalType(
  dataType: 'DECIMAL' | 'NUMERIC',
  precision: number | undefined,
  scale: number | undefined,
): TypeMapping {
  if (precision === undefined) return exact(dataType);
  const effectiveScale = scale ?? 0;
  if (
    precision >= 1 &&
    precision <= LIMITS.maxNumericPrecision &&
    effectiveScale >= 0 &&
    effectiveScale <= precision
  ) {
    return exact(dataType, { precision, scale: effectiveScale });
  }
  return approximated(
    dataType,
    `precision ${precision} and scale ${effectiveScale} cannot be expressed; imported without them`,
  );
}

/** TIME/TIMESTAMP(p): fractional-second digits, at most 6. */
export function temporalType(
  dataType: 'TIME' | 'TIMESTAMP' | 'TIMESTAMPTZ' | 'INTERVAL',
  precision: number | undefined,
): TypeMapping {
  if (precision === undefined) return exact(dataType);
  if (precision >= 0 && precision <= LIMITS.maxTimePrecision) return exact(dataType, { precision });
  return approximated(
    dataType,
    `${precision} fractional-second digits; imported with ${LIMITS.maxTimePrecision}`,
    {
      precision: LIMITS.maxTimePrecision,
    },
  );
}

/** BINARY(n) (exactly n bytes) and VARBINARY(n) (at most n) within MySQL's bounds; else BYTEA. */
export function binaryType(dataType: 'BINARY' | 'VARBINARY', length: number | undefined): TypeMapping {
  const max = dataType === 'BINARY' ? LIMITS.maxBinaryLength : LIMITS.maxVarbinaryLength;
  if (length === undefined) return dataType === 'BINARY' ? exact('BINARY', { length: 1 }) : exact('BYTEA');
  if (length >= 1 && length <= max) return exact(dataType, { length });
  if (dataType === 'BINARY' && length <= LIMITS.maxVarbinaryLength)
    return approximated(
      'VARBINARY',
      `binary(${length}) is over BINARY's 255 bytes: at most ${length} bytes`,
      {
        length,
      },
    );
  if (length > max) return exact('BYTEA', { length });
  return approximated('BYTEA', `${dataType.toLowerCase()}(${length}) holds no bytes; imported as BYTEA`);
}

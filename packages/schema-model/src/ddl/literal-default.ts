import type { DataType } from '../design/data-types.ts';
import { BINARY_TYPES, DECIMAL_TYPES, FLOAT_TYPES, INTEGER_TYPES } from '../design/data-types.ts';
import type { QuoteDialect } from '../sql/quote.ts';
import { quoteLiteralFor } from '../sql/quote.ts';

const NUMERIC_TYPES: ReadonlySet<DataType> = new Set([...INTEGER_TYPES, ...DECIMAL_TYPES, ...FLOAT_TYPES]);

/** A plain decimal number: the only literal text ever written into SQL unquoted. */
const NUMBER_PATTERN = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
/** PostgreSQL's bytea hex form, which the design's BYTEA defaults use. */
const BYTEA_HEX = /^\\x((?:[0-9a-fA-F]{2})*)$/;

/**
 * A literal default for MySQL or SQLite, the same decisions as PostgreSQL's `renderDefault`
 * (numbers bare only when they are numbers, JSON as JSON text, the rest quoted), except:
 * booleans are 1/0 (MySQL's BOOLEAN is tinyint(1); SQLite before 3.23 has no TRUE), and a bytea
 * hex default is a blob literal X'…', which both read as bytes. Returns undefined for a number
 * column's non-number (NaN, Infinity): neither dialect stores those, so there is no default.
 */
export function renderLiteral(
  dialect: QuoteDialect,
  dataType: DataType,
  literal: string | number | boolean | object,
): string | undefined {
  // MONEY is a DECIMAL in MySQL and SQLite: its amount is a number there too.
  if (NUMERIC_TYPES.has(dataType) || dataType === 'MONEY') return numberText(literal);
  if (dataType === 'BOOLEAN') {
    if (typeof literal === 'boolean') return literal ? '1' : '0';
    const text = String(literal).trim().toLowerCase();
    if (['true', 't', 'yes', 'y', 'on', '1'].includes(text)) return '1';
    if (['false', 'f', 'no', 'n', 'off', '0'].includes(text)) return '0';
    return undefined;
  }
  if (BINARY_TYPES.has(dataType) && typeof literal === 'string') {
    const hex = BYTEA_HEX.exec(literal);
    if (hex) return `X'${hex[1] ?? ''}'`;
  }
  if (dataType === 'JSON' || dataType === 'JSONB') return quoteLiteralFor(dialect, jsonText(literal));
  if (typeof literal === 'object') return quoteLiteralFor(dialect, JSON.stringify(literal));
  return quoteLiteralFor(dialect, String(literal));
}

/** Whether a data type holds numbers (integer, decimal or float). */
export const isNumericType = (dataType: DataType): boolean => NUMERIC_TYPES.has(dataType);

/** A number column's literal as bare SQL, or undefined when it is not a plain decimal number. */
export function numberText(literal: string | number | boolean | object): string | undefined {
  const text =
    typeof literal === 'number' ? String(literal) : typeof literal === 'string' ? literal.trim() : '';
  return NUMBER_PATTERN.test(text) ? text : undefined;
}

/**
 * A JSON column's default as JSON text: a string that already is JSON text (what a form field
 * sends for `{"a": 1}`) is kept; any other value is serialized, so a plain string becomes a JSON
 * string.
 */
export function jsonText(value: string | number | boolean | object): string {
  if (typeof value === 'string') {
    try {
      JSON.parse(value);
      return value;
    } catch {
      return JSON.stringify(value);
    }
  }
  return JSON.stringify(value) ?? 'null';
}

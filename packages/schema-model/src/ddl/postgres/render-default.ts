import type { DataType } from '../../design/data-types.ts';
import { DECIMAL_TYPES, FLOAT_TYPES, INTEGER_TYPES } from '../../design/data-types.ts';
import type { ColumnDefault } from '../../design/model.ts';
import { quoteLiteral } from '../../sql/quote.ts';

const NUMERIC_TYPES: ReadonlySet<DataType> = new Set([...INTEGER_TYPES, ...DECIMAL_TYPES, ...FLOAT_TYPES]);

/** A plain decimal number: the only literal text ever written into SQL unquoted. */
const NUMBER_PATTERN = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * The SQL of a column default (what follows `DEFAULT`). Expressions come from a closed set and
 * are written verbatim; literals are always quoted, except numbers for numeric columns and
 * booleans for boolean columns, which are checked to be exactly that first.
 */
export function renderDefault(dataType: DataType, value: ColumnDefault): string {
  if (value.kind === 'expression') return value.expression;
  const literal = value.value;
  if (NUMERIC_TYPES.has(dataType)) {
    const text =
      typeof literal === 'number' ? String(literal) : typeof literal === 'string' ? literal.trim() : '';
    if (NUMBER_PATTERN.test(text)) return text;
  }
  if (dataType === 'BOOLEAN' && typeof literal === 'boolean') return literal ? 'true' : 'false';
  if (dataType === 'JSON' || dataType === 'JSONB') return quoteLiteral(jsonText(literal));
  if (typeof literal === 'object') return quoteLiteral(JSON.stringify(literal));
  return quoteLiteral(String(literal));
}

/**
 * A JSON column's default as JSON text: a string that already is JSON text (what a form field
 * sends for `{"a": 1}`) is kept; any other value is serialized, so a plain string becomes a JSON
 * string.
 */
function jsonText(value: string | number | boolean | object): string {
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

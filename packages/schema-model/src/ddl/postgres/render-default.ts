import { renderPostgresArrayLiteral } from '../../design/array-default.ts';
import type { DataType } from '../../design/data-types.ts';
import type { ColumnDefault } from '../../design/model.ts';
import { quotePostgresLiteral } from '../../sql/quote.ts';
import { isNumericType, jsonText, numberText } from '../literal-default.ts';

/**
 * The SQL of a column default (what follows `DEFAULT`). Expressions come from a closed set and
 * are written verbatim; literals are always quoted, except numbers for numeric columns and
 * booleans for boolean columns, which are checked to be exactly that first.
 */
export function renderDefault(dataType: DataType, value: ColumnDefault, array = false): string {
  if (value.kind === 'expression') return value.expression;
  const literal = value.value;
  // An array column's default is a list of elements (`normalizeArrayDefault`): an array literal.
  if (array && Array.isArray(literal)) return quotePostgresLiteral(renderPostgresArrayLiteral(literal));
  // A money amount bare: quoted, PostgreSQL would store it as money text in the server's locale ('$12.50').
  if (isNumericType(dataType) || dataType === 'MONEY') {
    const text = numberText(literal);
    if (text !== undefined) return text;
  }
  if (dataType === 'BOOLEAN' && typeof literal === 'boolean') return literal ? 'true' : 'false';
  if (dataType === 'JSON' || dataType === 'JSONB') return quotePostgresLiteral(jsonText(literal));
  if (typeof literal === 'object') return quotePostgresLiteral(JSON.stringify(literal));
  return quotePostgresLiteral(String(literal));
}

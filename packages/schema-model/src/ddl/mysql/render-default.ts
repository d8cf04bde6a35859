import type { ColumnDefault, ColumnType } from '../../design/model.ts';
import { quoteLiteralFor } from '../../sql/quote.ts';
import { renderLiteral } from '../literal-default.ts';
import { isMysqlBlobType, renderMysqlType } from './render-type.ts';

/**
 * The SQL after `DEFAULT` for a MySQL/MariaDB column, or undefined when MySQL has no such
 * default (then the column has none). The current time is CURRENT_TIMESTAMP with the column's
 * fractional digits (MySQL 8 requires them to match) on DATETIME/TIMESTAMP columns, and an
 * expression default, in parentheses, elsewhere: `(CURRENT_DATE)`, `(CURRENT_TIME)`, `(uuid())`
 * for gen_random_uuid(). Those and literal defaults of TEXT, BLOB and JSON columns need
 * MariaDB 10.2 or MySQL 8.0.13.
 */
export function renderMysqlDefault(type: ColumnType, value: ColumnDefault): string | undefined {
  const { dataType } = type;
  // An array is a JSON array (`mysqlType`): its default is JSON text, as an expression.
  if (type.array === true && value.kind === 'literal')
    return `(${quoteLiteralFor('mysql', JSON.stringify(value.value))})`;
  if (value.kind === 'expression') {
    switch (value.expression) {
      case 'now()':
      case 'CURRENT_TIMESTAMP':
        if (dataType === 'TIMESTAMP' || dataType === 'TIMESTAMPTZ') {
          // The digits of the type as written (TIMESTAMPTZ without precision is datetime(6)).
          const digits = /\((\d+)\)$/.exec(renderMysqlType(type))?.[1];
          return digits && digits !== '0' ? `CURRENT_TIMESTAMP(${digits})` : 'CURRENT_TIMESTAMP';
        }
        if (dataType === 'DATE') return '(CURRENT_DATE)';
        return dataType === 'TIME' ? '(CURRENT_TIME)' : undefined;
      case 'CURRENT_DATE':
        return '(CURRENT_DATE)';
      case 'gen_random_uuid()':
        return '(uuid())';
    }
  }
  const literal = renderLiteral('mysql', dataType, value.value);
  if (literal === undefined) return undefined;
  return isMysqlBlobType(type) ? `(${literal})` : literal;
}

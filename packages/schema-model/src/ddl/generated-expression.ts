import { renderSqlExpression } from '../sql-expression/render.ts';
import type { ChangeLog } from './export-warning.ts';
import type { DdlColumn } from './statements.ts';

/**
 * A generated column's expression for MySQL or SQLite (rewritten from PostgreSQL's parse tree),
 * or, when the dialect has no same-meaning form of it, the comment of the change: the column is
 * then a plain nullable column (it computes nothing, and nothing fills it on insert).
 */
export function generatedExpression(
  column: DdlColumn,
  dialect: 'mysql' | 'sqlite',
  log: ChangeLog,
  at: { table: string; column: string },
): { sql?: string; note?: string } {
  if (column.generated === undefined) return {};
  const rendered = renderSqlExpression(column.generated, dialect);
  if ('sql' in rendered) return { sql: rendered.sql };
  const engine = dialect === 'mysql' ? 'MySQL' : 'SQLite';
  return {
    note: log.add({
      code: 'EXPRESSION_NOT_PORTABLE',
      message: `${engine} cannot compute ${column.name} as ${column.generated} (${rendered.refused}): it is a plain nullable column`,
      spot: at,
    }),
  };
}

import { quoteIdentFor } from '../../sql/quote.ts';
import { renderSqlExpression } from '../../sql-expression/render.ts';
import type { ChangeLog } from '../export-warning.ts';
import type { CreateIndexStatement } from '../statements.ts';
import { indexKeys } from '../statements.ts';

const q = (name: string) => quoteIdentFor('sqlite', name);

/**
 * CREATE INDEX for SQLite, which has expression keys, partial indexes (WHERE) and DESC natively;
 * expressions are rewritten from PostgreSQL's parse tree, and an index with one SQLite has no
 * same-meaning form of is left out (EXPRESSION_NOT_PORTABLE, at the index: it is what changes). SQLite has B-trees only
 * (INDEX_METHOD_CHANGED) and no NULLS FIRST/LAST in an index (INDEX_NULLS_ORDER_DROPPED).
 * Returns the comment lines alone when the index is left out.
 */
export function renderSqliteCreateIndex(statement: CreateIndexStatement, log: ChangeLog): string {
  const spot = { table: statement.table, index: statement.name };
  const what = `${statement.unique ? 'unique index' : 'index'} ${statement.name}`;
  const parts: string[] = [];
  for (const key of indexKeys(statement)) {
    let part: string;
    if ('column' in key) part = q(key.column);
    else {
      const rendered = renderSqlExpression(key.expression, 'sqlite');
      if ('refused' in rendered) return leftOut(log, what, key.expression, rendered.refused, spot);
      part = `(${rendered.sql})`;
    }
    parts.push(key.descending ? `${part} DESC` : part);
  }
  let where = '';
  if (statement.where !== undefined) {
    const rendered = renderSqlExpression(statement.where, 'sqlite');
    if ('refused' in rendered) return leftOut(log, what, statement.where, rendered.refused, spot);
    where = ` WHERE ${rendered.sql}`;
  }
  const notes: string[] = [];
  if (statement.method !== undefined)
    notes.push(
      log.add({
        code: 'INDEX_METHOD_CHANGED',
        message: `SQLite indexes are B-trees: ${what} is one, not ${statement.method.toUpperCase()}`,
        spot,
      }),
    );
  if (indexKeys(statement).some((key) => key.nulls !== undefined))
    notes.push(
      log.add({
        code: 'INDEX_NULLS_ORDER_DROPPED',
        message: `SQLite has no NULLS FIRST/LAST in an index: in ${what} NULLs sort first ascending and last descending`,
        spot,
      }),
    );
  const unique = statement.unique ? 'UNIQUE ' : '';
  return [
    ...notes,
    `CREATE ${unique}INDEX ${q(statement.name)} ON ${q(statement.table)} (${parts.join(', ')})${where};`,
  ].join('\n');
}

function leftOut(
  log: ChangeLog,
  what: string,
  expression: string,
  refused: string,
  spot: { table: string; index: string },
): string {
  return log.add({
    code: 'EXPRESSION_NOT_PORTABLE',
    message: `SQLite has no same-meaning form of ${expression} (${refused}), so ${what} is left out`,
    spot,
  });
}

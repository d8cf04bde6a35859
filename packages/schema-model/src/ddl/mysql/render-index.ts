import { quoteIdentFor } from '../../sql/quote.ts';
import type { ChangeLog } from '../export-warning.ts';
import type { CreateContext } from '../render-context.ts';
import type { CreateIndexStatement } from '../statements.ts';
import { indexKeys } from '../statements.ts';
import { MYSQL_KEY_PREFIX, renderMysqlKeyParts } from './render-table.ts';
import { isMysqlBlobType } from './render-type.ts';

const q = (name: string) => quoteIdentFor('mysql', name);

/**
 * CREATE INDEX for MySQL and MariaDB, the nearest faithful form of the design's index:
 * - an expression key: the index is left out (INDEX_EXPRESSION_DROPPED). MySQL 8.0.13+ has
 *   functional key parts, MariaDB (the export's other engine) has none, and a hidden generated
 *   column would need the expression's type, which the design does not state;
 * - a partial index (MySQL has no WHERE on an index): not unique, it indexes every row
 *   (INDEX_PARTIAL_AS_FULL: what the table accepts is the same); unique, it is left out, as a
 *   whole-table unique index would refuse rows the design accepts (INDEX_PARTIAL_DROPPED);
 * - HASH, BRIN: InnoDB has B-trees only, so it is one (INDEX_METHOD_CHANGED); GIN, GiST: left
 *   out (same code), as a B-tree serves none of their queries (containment, overlap);
 * - DESC is kept (MySQL 8, MariaDB 10.8+); NULLS FIRST/LAST has no clause (INDEX_NULLS_ORDER_DROPPED).
 * TEXT and BLOB columns are keyed by a prefix, which a unique index reports (KEY_PREFIX).
 * Returns the comment lines alone when the index is left out.
 */
export function renderMysqlCreateIndex(
  statement: CreateIndexStatement,
  context: CreateContext,
  log: ChangeLog,
): string {
  const spot = { table: statement.table, index: statement.name };
  const what = `${statement.unique ? 'unique index' : 'index'} ${statement.name}`;
  const keys = indexKeys(statement);
  if (keys.some((key) => 'expression' in key))
    return log.add({
      code: 'INDEX_EXPRESSION_DROPPED',
      message: `MariaDB has no expression indexes, so ${what} is left out${statement.unique ? ': duplicate values of its keys are no longer refused' : ' (queries over its expressions are not sped up)'}`,
      spot,
    });
  if (statement.where !== undefined && statement.unique)
    return log.add({
      code: 'INDEX_PARTIAL_DROPPED',
      message: `MySQL has no partial indexes, and a unique index over every row would refuse rows the design accepts, so ${what} (WHERE ${statement.where}) is left out: duplicates among those rows are no longer refused`,
      spot,
    });
  if (statement.method === 'gin' || statement.method === 'gist')
    return log.add({
      code: 'INDEX_METHOD_CHANGED',
      message: `InnoDB has no ${statement.method.toUpperCase()} indexes (containment, overlap), and a B-tree over the same keys serves none of their queries, so ${what} is left out`,
      spot,
    });
  const notes: string[] = [];
  if (statement.where !== undefined)
    notes.push(
      log.add({
        code: 'INDEX_PARTIAL_AS_FULL',
        message: `MySQL has no partial indexes: ${what} covers every row, not only WHERE ${statement.where}`,
        spot,
      }),
    );
  if (statement.method !== undefined)
    notes.push(
      log.add({
        code: 'INDEX_METHOD_CHANGED',
        message: `InnoDB indexes are B-trees: ${what} is one, not ${statement.method.toUpperCase()}`,
        spot,
      }),
    );
  if (keys.some((key) => key.nulls !== undefined))
    notes.push(
      log.add({
        code: 'INDEX_NULLS_ORDER_DROPPED',
        message: `MySQL has no NULLS FIRST/LAST: in ${what} NULLs sort first ascending and last descending`,
        spot,
      }),
    );
  const types = context.columnTypes.get(statement.table);
  const prefixed = statement.columns.filter((c) => {
    const type = types?.get(c);
    return type !== undefined && isMysqlBlobType(type);
  });
  if (statement.unique && prefixed.length > 0)
    notes.push(
      log.add({
        code: 'KEY_PREFIX',
        message: `MySQL indexes ${prefixed.join(', ')} by the first ${MYSQL_KEY_PREFIX} characters only: index ${statement.name} is unique on those`,
        spot: { table: statement.table },
      }),
    );
  const parts = keys.map((key) => {
    const column = 'column' in key ? key.column : '';
    const part = renderMysqlKeyParts(statement.table, [column], context);
    return key.descending ? `${part} DESC` : part;
  });
  const unique = statement.unique ? 'UNIQUE ' : '';
  return [
    ...notes,
    `CREATE ${unique}INDEX ${q(statement.name)} ON ${q(statement.table)} (${parts.join(', ')});`,
  ].join('\n');
}

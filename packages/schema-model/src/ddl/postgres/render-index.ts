import { quoteIdent } from '../../sql/quote.ts';
import type { CreateIndexStatement } from '../statements.ts';
import { renderColumnList } from './render-table.ts';

/** `CREATE [UNIQUE] INDEX "name" ON "table" ("a", "b");` */
export function renderCreateIndex(statement: CreateIndexStatement): string {
  const unique = statement.unique ? 'UNIQUE ' : '';
  return `CREATE ${unique}INDEX ${quoteIdent(statement.name)} ON ${quoteIdent(statement.table)} (${renderColumnList(statement.columns)});`;
}

import { quoteIdent, quoteQualified } from '../../sql/quote.ts';
import type { CreateIndexStatement } from '../statements.ts';
import type { DropIndexStatement, RenameIndexStatement } from '../statements-alter.ts';
import { renderColumnList } from './render-table.ts';

/** `CREATE [UNIQUE] INDEX "name" ON "table" ("a", "b");` */
export function renderCreateIndex(statement: CreateIndexStatement): string {
  const unique = statement.unique ? 'UNIQUE ' : '';
  return `CREATE ${unique}INDEX ${quoteIdent(statement.name)} ON ${quoteQualified(statement.schema, statement.table)} (${renderColumnList(statement.columns)});`;
}

/** `DROP INDEX "name";` Never CASCADE. */
export function renderDropIndex(statement: DropIndexStatement): string {
  return `DROP INDEX ${quoteQualified(statement.schema, statement.name)};`;
}

/** `ALTER INDEX "a" RENAME TO "b";` */
export function renderRenameIndex(statement: RenameIndexStatement): string {
  return `ALTER INDEX ${quoteQualified(statement.schema, statement.name)} RENAME TO ${quoteIdent(statement.newName)};`;
}

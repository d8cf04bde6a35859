import { quoteIdent, quoteQualified } from '../../sql/quote.ts';
import type { CreateIndexStatement, DdlIndexKey } from '../statements.ts';
import { indexKeys } from '../statements.ts';
import type { DropIndexStatement, RenameIndexStatement } from '../statements-alter.ts';

/** `"a" DESC NULLS LAST` or `(lower("email"))`: an expression is inlined as written, in parentheses. */
export function renderIndexKey(key: DdlIndexKey): string {
  let sql = 'column' in key ? quoteIdent(key.column) : `(${key.expression})`;
  if (key.descending) sql += ' DESC';
  if (key.nulls !== undefined) sql += ` NULLS ${key.nulls}`;
  return sql;
}

/** `CREATE [UNIQUE] INDEX "name" ON "table" [USING method] (keys) [WHERE (predicate)];` */
export function renderCreateIndex(statement: CreateIndexStatement): string {
  const unique = statement.unique ? 'UNIQUE ' : '';
  const using = statement.method === undefined ? '' : ` USING ${statement.method}`;
  const keys = indexKeys(statement).map(renderIndexKey).join(', ');
  const where = statement.where === undefined ? '' : ` WHERE (${statement.where})`;
  return `CREATE ${unique}INDEX ${quoteIdent(statement.name)} ON ${quoteQualified(statement.schema, statement.table)}${using} (${keys})${where};`;
}

/** `DROP INDEX "name";` Never CASCADE. */
export function renderDropIndex(statement: DropIndexStatement): string {
  return `DROP INDEX ${quoteQualified(statement.schema, statement.name)};`;
}

/** `ALTER INDEX "a" RENAME TO "b";` */
export function renderRenameIndex(statement: RenameIndexStatement): string {
  return `ALTER INDEX ${quoteQualified(statement.schema, statement.name)} RENAME TO ${quoteIdent(statement.newName)};`;
}

import { quoteIdent, quoteQualified } from '../../sql/quote.ts';
import type { DropTableStatement, RenameTableStatement } from '../statements-alter.ts';

/** `DROP TABLE "t";` Never CASCADE: the planner has already dropped what references the table. */
export function renderDropTable(statement: DropTableStatement): string {
  return `DROP TABLE ${quoteQualified(statement.schema, statement.table)};`;
}

/** `ALTER TABLE "a" RENAME TO "b";` */
export function renderRenameTable(statement: RenameTableStatement): string {
  return `ALTER TABLE ${quoteQualified(statement.schema, statement.table)} RENAME TO ${quoteIdent(statement.newName)};`;
}

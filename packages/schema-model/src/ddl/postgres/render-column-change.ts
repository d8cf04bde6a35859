import { quoteIdent, quoteQualified } from '../../sql/quote.ts';
import type {
  AddColumnStatement,
  DropColumnStatement,
  DropExpressionStatement,
  RenameColumnStatement,
} from '../statements-alter.ts';
import { renderColumnDefinition } from './render-table.ts';

/** `ALTER TABLE "t" ADD COLUMN <definition>;`, the definition written as CREATE TABLE writes it. */
export function renderAddColumn(statement: AddColumnStatement): string {
  return `ALTER TABLE ${quoteQualified(statement.schema, statement.table)} ADD COLUMN ${renderColumnDefinition(statement.column, statement.table)};`;
}

/** `ALTER TABLE "t" DROP COLUMN "c";` Never CASCADE. */
export function renderDropColumn(statement: DropColumnStatement): string {
  return `ALTER TABLE ${quoteQualified(statement.schema, statement.table)} DROP COLUMN ${quoteIdent(statement.column)};`;
}

/** `ALTER TABLE "t" RENAME COLUMN "a" TO "b";` */
export function renderRenameColumn(statement: RenameColumnStatement): string {
  return `ALTER TABLE ${quoteQualified(statement.schema, statement.table)} RENAME COLUMN ${quoteIdent(statement.column)} TO ${quoteIdent(statement.newName)};`;
}

/** `ALTER TABLE "t" ALTER COLUMN "c" DROP EXPRESSION;`: the column keeps its values and is no longer computed. */
export function renderDropExpression(statement: DropExpressionStatement): string {
  return `ALTER TABLE ${quoteQualified(statement.schema, statement.table)} ALTER COLUMN ${quoteIdent(statement.column)} DROP EXPRESSION;`;
}

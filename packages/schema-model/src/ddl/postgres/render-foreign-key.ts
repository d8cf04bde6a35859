import { quoteIdent, quoteQualified } from '../../sql/quote.ts';
import type { AddForeignKeyStatement } from '../statements.ts';
import { renderColumnList } from './render-table.ts';

/**
 * `ALTER TABLE "a" ADD CONSTRAINT "a_b_id_fkey" FOREIGN KEY ("b_id") REFERENCES "b" ("id") ON DELETE CASCADE;`
 * NO ACTION is PostgreSQL's default and is left out.
 */
export function renderAddForeignKey(statement: AddForeignKeyStatement): string {
  const parts = [
    `ALTER TABLE ${quoteQualified(statement.schema, statement.table)} ADD CONSTRAINT ${quoteIdent(statement.name)}`,
    `FOREIGN KEY (${renderColumnList(statement.columns)})`,
    `REFERENCES ${quoteQualified(statement.refSchema, statement.refTable)} (${renderColumnList(statement.refColumns)})`,
  ];
  if (statement.onDelete !== 'NO ACTION') parts.push(`ON DELETE ${statement.onDelete}`);
  if (statement.onUpdate !== 'NO ACTION') parts.push(`ON UPDATE ${statement.onUpdate}`);
  return `${parts.join(' ')};`;
}

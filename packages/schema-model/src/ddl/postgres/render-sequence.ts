import { quoteIdent, quoteQualified } from '../../sql/quote.ts';
import type { RenameSequenceStatement } from '../statements-alter.ts';

/** `ALTER SEQUENCE "a" RENAME TO "b";` */
export function renderRenameSequence(statement: RenameSequenceStatement): string {
  return `ALTER SEQUENCE ${quoteQualified(statement.schema, statement.name)} RENAME TO ${quoteIdent(statement.newName)};`;
}

import { quoteIdent, quotePostgresLiteral } from '../../sql/quote.ts';
import type {
  CommentOnColumnStatement,
  CommentOnTableStatement,
  CommentOnTypeStatement,
} from '../statements.ts';

/** `'text'`, or NULL to remove a comment. */
function commentText(comment: string | null): string {
  return comment === null ? 'NULL' : quotePostgresLiteral(comment);
}

export function renderCommentOnTable(statement: CommentOnTableStatement): string {
  return `COMMENT ON TABLE ${quoteIdent(statement.table)} IS ${commentText(statement.comment)};`;
}

export function renderCommentOnColumn(statement: CommentOnColumnStatement): string {
  return `COMMENT ON COLUMN ${quoteIdent(statement.table)}.${quoteIdent(statement.column)} IS ${commentText(statement.comment)};`;
}

export function renderCommentOnType(statement: CommentOnTypeStatement): string {
  return `COMMENT ON TYPE ${quoteIdent(statement.type)} IS ${commentText(statement.comment)};`;
}

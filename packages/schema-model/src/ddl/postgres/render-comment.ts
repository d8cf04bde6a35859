import { quoteIdent, quotePostgresLiteral, quoteQualified } from '../../sql/quote.ts';
import type {
  CommentOnColumnStatement,
  CommentOnSchemaStatement,
  CommentOnTableStatement,
  CommentOnTypeStatement,
} from '../statements.ts';

/** `'text'`, or NULL to remove a comment. */
function commentText(comment: string | null): string {
  return comment === null ? 'NULL' : quotePostgresLiteral(comment);
}

export function renderCommentOnTable(statement: CommentOnTableStatement): string {
  return `COMMENT ON TABLE ${quoteQualified(statement.schema, statement.table)} IS ${commentText(statement.comment)};`;
}

export function renderCommentOnColumn(statement: CommentOnColumnStatement): string {
  return `COMMENT ON COLUMN ${quoteQualified(statement.schema, statement.table)}.${quoteIdent(statement.column)} IS ${commentText(statement.comment)};`;
}

export function renderCommentOnType(statement: CommentOnTypeStatement): string {
  return `COMMENT ON TYPE ${quoteQualified(statement.schema, statement.type)} IS ${commentText(statement.comment)};`;
}

export function renderCommentOnSchema(statement: CommentOnSchemaStatement): string {
  return `COMMENT ON SCHEMA ${quoteIdent(statement.name)} IS ${commentText(statement.comment)};`;
}

import { quoteIdent, quotePostgresLiteral } from '../../sql/quote.ts';
import { checkSqlExpression } from '../../sql-expression/check.ts';
import { DdlGenerationError } from '../design-index.ts';
import type { CommentOnViewStatement, CreateViewStatement } from '../statements.ts';
import type { DropViewStatement, RenameViewStatement } from '../statements-alter.ts';

/**
 * `CREATE VIEW "v" AS <definition>;` with the SELECT as written: `checkSqlExpression` accepted it
 * as one query with no comment, semicolon or dollar quote, so it cannot end the statement early.
 */
export function renderCreateView(statement: CreateViewStatement): string {
  // Validation refuses such a design first; this keeps an unvalidated one from writing anything.
  const checked = checkSqlExpression(statement.definition, 'query');
  if (!checked.ok)
    throw new DdlGenerationError(
      `view ${statement.name}: ${checked.problem.code} ${checked.problem.message}`,
    );
  const replace = statement.orReplace ? 'OR REPLACE ' : '';
  return `CREATE ${replace}VIEW ${quoteIdent(statement.name)} AS\n${statement.definition};`;
}

/** `DROP VIEW "v";` Never CASCADE: the planner has already dropped the views that read it. */
export function renderDropView(statement: DropViewStatement): string {
  return `DROP VIEW ${quoteIdent(statement.name)};`;
}

export function renderCommentOnView(statement: CommentOnViewStatement): string {
  const text = statement.comment === null ? 'NULL' : quotePostgresLiteral(statement.comment);
  return `COMMENT ON VIEW ${quoteIdent(statement.view)} IS ${text};`;
}

export function renderRenameView(statement: RenameViewStatement): string {
  return `ALTER VIEW ${quoteIdent(statement.name)} RENAME TO ${quoteIdent(statement.newName)};`;
}

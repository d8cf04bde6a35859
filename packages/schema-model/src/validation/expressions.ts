import type { SqlExpressionKind, SqlExpressionProblemCode } from '../sql-expression/check.ts';
import { checkSqlExpression } from '../sql-expression/check.ts';
import type { ValidationIssue } from './issue.ts';

/**
 * The one place a design's SQL expression (a check, a generated column, an index key or
 * predicate, a view's query) becomes a validation issue: PostgreSQL's parser accepts it as one
 * expression (or one SELECT), or the issue carries the problem's code at the field's path, with
 * the character it is at (1-based, as editors count) in the message.
 */
export type Issue = ValidationIssue & { code: SqlExpressionProblemCode };

export function expressionIssue(text: string, kind: SqlExpressionKind, path: string): Issue | undefined {
  const checked = checkSqlExpression(text, kind);
  if (checked.ok) return undefined;
  const { code, message, offset } = checked.problem;
  return { code, severity: 'error', path, message: `at character ${offset + 1}: ${message}` };
}

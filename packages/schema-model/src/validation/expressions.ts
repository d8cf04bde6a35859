import { checkSqlExpression, type SqlExpressionKind } from '../sql-expression/check.ts';
import type { Path } from './context.ts';
import type { ValidationIssue } from './issue.ts';
import { formatPath } from './issue.ts';

/**
 * A design's SQL text (a check, a generated column, an index key or predicate, a view body) as
 * PostgreSQL's parser reads it: undefined when it is one expression (or one SELECT) and nothing
 * more, else an error at `path` with the problem's code and where in the text it is.
 */
export function expressionIssue(
  text: string,
  kind: SqlExpressionKind,
  path: Path,
): ValidationIssue | undefined {
  const checked = checkSqlExpression(text, kind);
  if (checked.ok) return undefined;
  const { code, message, offset } = checked.problem;
  return {
    code,
    severity: 'error',
    path: formatPath(path),
    message: `at character ${offset + 1}: ${message}`,
  };
}

import { checkSqlExpression, type SqlExpressionKind } from '../sql-expression/check.ts';
import type { Path } from './context.ts';
import type { ValidationIssue } from './issue.ts';
import { formatPath } from './issue.ts';

/**
 * The validation issue for a design's SQL expression or query that PostgreSQL's parser does not
 * accept as one expression (or one SELECT): the problem's code at the field's path, with the
 * character it is at (1-based, as an editor counts). Undefined when the text is accepted.
 */
export function expressionIssue(
  text: string,
  kind: SqlExpressionKind,
  path: Path,
): ValidationIssue | undefined {
  const checked = checkSqlExpression(text, kind);
  if (checked.ok) return undefined;
  const { code, message, offset } = checked.problem;
  const said = message.replace(/\.$/, '');
  return { code, severity: 'error', path: formatPath(path), message: `At character ${offset + 1}: ${said}.` };
}

import { quoteIdentFor } from '../sql/quote.ts';
import type { RenderedSqlExpression } from '../sql-expression/render.ts';
import { renderSqlExpression } from '../sql-expression/render.ts';
import type { ChangeLog, ChangeSpot } from './export-warning.ts';
import type { DdlCheck } from './statements.ts';

const ENGINE = { mysql: 'MySQL', sqlite: 'SQLite' } as const;

/**
 * A check in MySQL or SQLite: `CONSTRAINT name CHECK (…)` with the expression rewritten for the
 * engine (`renderSqlExpression`), or, when it has no same-meaning form there, nothing but the
 * comment line of an EXPRESSION_NOT_PORTABLE change: the export leaves the check out and says so.
 * `position` is the check's place among its table's own checks (for the warning's path).
 */
export function renderPortableCheck(
  dialect: 'mysql' | 'sqlite',
  table: string,
  check: DdlCheck,
  position: number,
  log: ChangeLog,
  /** Why the engine refuses this check whatever its expression (MySQL: it reads an AUTO_INCREMENT column). */
  engineRefusal?: string,
): { sql: string } | { note: string } {
  const rendered: RenderedSqlExpression =
    engineRefusal === undefined ? renderSqlExpression(check.expression, dialect) : { refused: engineRefusal };
  if ('sql' in rendered)
    return { sql: `CONSTRAINT ${quoteIdentFor(dialect, check.name)} CHECK (${rendered.sql})` };
  const spot: ChangeSpot =
    check.column === undefined ? { table, check: position } : { table, columnCheck: check.column };
  const note = log.add({
    code: 'EXPRESSION_NOT_PORTABLE',
    message: `${ENGINE[dialect]} cannot have the check ${check.name} (${check.expression}): ${rendered.refused}; it is left out`,
    spot,
  });
  return { note };
}

/** Each check with its place among its table's own checks (column checks: -1, located by column). */
export function positionedChecks(checks: readonly DdlCheck[]): Array<{ check: DdlCheck; position: number }> {
  let position = 0;
  return checks.map((check) => ({ check, position: check.column === undefined ? position++ : -1 }));
}

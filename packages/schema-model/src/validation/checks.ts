import type { TableDocument } from '../design/document.ts';
import { columnsReferenced } from '../sql-expression/references.ts';
import type { ValidationContext } from './context.ts';
import { capitalize, isGiven, quoted, tableLabel } from './context.ts';
import { expressionIssue } from './expressions.ts';
import { checkName } from './names.ts';

/**
 * A table's CHECK constraints, its columns' own (`check`) and its table checks (`checks`): each
 * expression is one expression PostgreSQL's parser accepts (no second statement, comment or
 * dollar quote: see `expressions.ts`), naming only columns of the table; a column's own check
 * names that column and no other (so it imports back as the column's); table checks have their
 * own ids and names (names shared with the table's foreign keys too, as PostgreSQL requires).
 */
export function checkChecks(ctx: ValidationContext, table: TableDocument, t: number): void {
  if (!table.checks?.length && !table.columns.some((column) => isGiven(column.check))) return;
  const columnNames = new Set(table.columns.map((column) => column.name));
  table.columns.forEach((column, c) => {
    if (!isGiven(column.check) || column.check.trim() === '') return;
    const path = ['tables', t, 'columns', c, 'check'];
    if (!expressionValid(ctx, column.check, path)) return;
    const used = columnsReferenced(column.check);
    const unknown = used.filter((name) => !columnNames.has(name));
    if (unknown.length > 0) reportUnknown(ctx, path, table, t, unknown);
    else if (used.length !== 1 || used[0] !== column.name) {
      ctx.error(
        'CHECK_NOT_ON_COLUMN',
        path,
        `The check of column ${quoted(column.name)} in ${tableLabel(table, t)} must use that column and no other${used.length > 0 ? ` (it uses ${used.map(quoted).join(', ')})` : ''}; write a check over several columns in the table's checks.`,
      );
    }
  });

  if (!table.checks?.length) return;
  const ids = new Set<string>();
  // Per table with checks only: reading every foreign key for each of 1,000 tables showed in the bench.
  const names = foreignKeyNames(ctx, table);
  (table.checks ?? []).forEach((check, k) => {
    const path = ['tables', t, 'checks', k];
    if (ids.has(check.id))
      ctx.error(
        'DUPLICATE_ID',
        [...path, 'id'],
        `Check ${k + 1} on ${tableLabel(table, t)} has the same id ${quoted(check.id)} as another check of that table. Every check needs its own id.`,
      );
    ids.add(check.id);
    const name = check.name?.trim();
    if (name) {
      checkName(ctx, check.name ?? '', [...path, 'name'], {
        kind: 'Check',
        position: k,
        where: ` on ${tableLabel(table, t)}`,
      });
      if (names.has(name))
        ctx.error(
          'DUPLICATE_CONSTRAINT_NAME',
          [...path, 'name'],
          `${capitalize(tableLabel(table, t))} has two constraints named ${quoted(name)}.`,
        );
      names.add(name);
    }
    const expressionPath = [...path, 'expression'];
    if (!expressionValid(ctx, check.expression, expressionPath)) return;
    const unknown = columnsReferenced(check.expression).filter((used) => !columnNames.has(used));
    if (unknown.length > 0) reportUnknown(ctx, expressionPath, table, t, unknown);
  });
}

function expressionValid(
  ctx: ValidationContext,
  text: string,
  path: ReadonlyArray<string | number>,
): boolean {
  const issue = expressionIssue(text, 'expression', path);
  if (issue === undefined) return true;
  // "At character 10: …" as part of a sentence about the check.
  const detail = issue.message.charAt(0).toLowerCase() + issue.message.slice(1);
  ctx.error(issue.code, path, `The check expression is refused ${detail}`);
  return false;
}

function reportUnknown(
  ctx: ValidationContext,
  path: ReadonlyArray<string | number>,
  table: TableDocument,
  t: number,
  unknown: readonly string[],
): void {
  const which = unknown.map(quoted).join(', ');
  ctx.error(
    'CHECK_UNKNOWN_COLUMN',
    path,
    `The check uses ${unknown.length === 1 ? 'the column' : 'the columns'} ${which}, which ${tableLabel(table, t)} does not have (unquoted names are read in lower case, as PostgreSQL does).`,
  );
}

/** The names of the foreign keys of a table: constraints share one namespace per table. */
function foreignKeyNames(ctx: ValidationContext, table: TableDocument): Set<string> {
  const names = new Set<string>();
  for (const fk of ctx.doc.foreignKeys ?? []) {
    const name = fk.name?.trim();
    if (fk.sourceTableId === table.id && name) names.add(name);
  }
  return names;
}

import { checkBaseName } from '../ddl/naming.ts';
import type { CheckDocument } from '../design/document.ts';
import { checkSqlExpression } from '../sql-expression/check.ts';
import { columnsReferenced } from '../sql-expression/references.ts';
import { renderSqlExpression } from '../sql-expression/render.ts';
import type { IntrospectedCheck } from './catalog.ts';
import { checkClauseBody, quoteColumnNames, toPostgresQuoting } from './check-text.ts';
import type { ImportContext } from './context.ts';
import { q } from './context.ts';
import type { ImportedTable } from './imported-table.ts';
import { legalName } from './names.ts';
import { unsupportedCode } from './warnings.ts';

/**
 * A table's CHECK constraints as the design's checks. A check is kept when its text, in
 * PostgreSQL's quoting, is one expression PostgreSQL's parser accepts over the table's columns;
 * from MySQL or SQLite only when it is also written the same way there (`renderSqlExpression`
 * for the source dialect), so it means the same in PostgreSQL (no engine-specific function or
 * operator slips in). A check declared on a column (MariaDB, SQLite), or named as PostgreSQL
 * names a column's (`<table>_<column>_check`) over that column alone, is the column's own; the
 * others are table checks keeping their name. Anything else is reported as before
 * (UNSUPPORTED_CHECK_CONSTRAINT), with the reason.
 */
export function importChecks(ctx: ImportContext, table: ImportedTable): void {
  const checks: CheckDocument[] = [];
  for (const source of table.source.checks ?? []) {
    const label = source.name ?? 'check';
    const path = ['tables', table.source.name, 'checks', label];
    const expression = designExpression(ctx, table, source);
    if ('refused' in expression) {
      ctx.warn(
        unsupportedCode('check_constraint'),
        path,
        `Check constraint ${q(label)} on table ${q(table.source.name)} (${brief(source.expression)}) is not imported: ${expression.refused}.`,
      );
      continue;
    }
    if (source.options.length > 0)
      ctx.warn(
        'CHECK_OPTIONS_DROPPED',
        path,
        `Check constraint ${q(label)} on table ${q(table.source.name)} is ${source.options.join(' ')}; the design's check holds for every row.`,
      );
    const column = ownColumn(table, source, expression.columns);
    if (column !== undefined && !column.check) {
      column.check = expression.text;
      continue;
    }
    // The name the DDL generates for an unnamed check (`<table>_check`, `_1`, …) means "unnamed".
    const generated = source.name !== null && isGeneratedCheckName(source.name, table.source.name);
    const name = source.name === null || generated ? undefined : legalName(source.name, 'constraint').name;
    const claimed = name === undefined ? undefined : table.constraintNames.claim(name);
    checks.push({
      id: ctx.ids.claim(`k_${table.document.name}_${claimed ?? checks.length + 1}`),
      ...(claimed === undefined ? {} : { name: claimed }),
      expression: expression.text,
    });
  }
  if (checks.length > 0) table.document.checks = checks;
}

function designExpression(
  ctx: ImportContext,
  table: ImportedTable,
  source: IntrospectedCheck,
): { text: string; columns: string[] } | { refused: string } {
  if (ctx.dialect === 'mongodb') return { refused: 'MongoDB has no CHECK constraints' };
  if (source.uses !== undefined && source.uses.length > 0)
    return { refused: `it uses ${source.uses.join(', ')}, which a design does not hold` };
  const converted = toPostgresQuoting(checkClauseBody(source.expression).expression, ctx.dialect);
  if ('refused' in converted) return converted;
  const quoted =
    ctx.dialect === 'postgresql'
      ? converted
      : {
          text: quoteColumnNames(
            converted.text,
            table.document.columns.map((column) => column.name),
          ),
        };
  const checked = checkSqlExpression(quoted.text, 'expression');
  if (!checked.ok)
    return { refused: `PostgreSQL does not read it as one expression (${checked.problem.message})` };
  if (ctx.dialect !== 'postgresql') {
    const same = renderSqlExpression(quoted.text, ctx.dialect);
    if ('refused' in same) return { refused: `it may not mean the same in PostgreSQL (${same.refused})` };
  }
  const columns = columnsReferenced(quoted.text);
  const names = new Set(table.document.columns.map((column) => column.name));
  const unknown = columns.filter((name) => !names.has(name));
  if (unknown.length > 0)
    return { refused: `it reads ${unknown.map(q).join(', ')}, not a column of the imported table` };
  return { text: quoted.text, columns };
}

/** The column whose own check this is, if any. */
function ownColumn(table: ImportedTable, source: IntrospectedCheck, used: readonly string[]) {
  const [only] = used;
  if (only === undefined || used.length !== 1) return undefined;
  const declared =
    source.column ?? (source.name === checkBaseName(table.source.name, only) ? only : undefined);
  if (declared !== only) return undefined;
  return table.document.columns.find((column) => column.name === only);
}

function isGeneratedCheckName(name: string, table: string): boolean {
  const base = checkBaseName(table);
  return name === base || (name.startsWith(`${base}_`) && /^\d+$/.test(name.slice(base.length + 1)));
}

function brief(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > 200 ? `${line.slice(0, 199)}…` : line;
}

import { quoteIdent, quoteQualified } from '../../sql/quote.ts';
import type {
  AlterColumnDefaultStatement,
  AlterColumnNullStatement,
  AlterColumnTypeStatement,
  CastStep,
} from '../statements-alter.ts';
import { renderDefault } from './render-default.ts';
import { renderType } from './render-type.ts';

function alterColumn(schema: string | undefined, table: string, column: string): string {
  return `ALTER TABLE ${quoteQualified(schema, table)} ALTER COLUMN ${quoteIdent(column)}`;
}

/** `"c"::text::"status"`: the column cast through each step in turn. */
export function renderCastChain(column: string, steps: readonly CastStep[]): string {
  return steps.reduce((sql, step) => {
    if (step.wrap !== true) return `${sql}::${renderType(step.type, step.enumName, step.enumSchema)}`;
    const element = { ...step.type, array: false };
    return `CASE WHEN ${sql} IS NULL THEN NULL ELSE ARRAY[${sql}] END::${renderType({ ...element, array: true }, step.enumName, step.enumSchema)}`;
  }, quoteIdent(column));
}

/** `ALTER TABLE "t" ALTER COLUMN "c" TYPE integer USING "c"::integer;` */
export function renderAlterColumnType(statement: AlterColumnTypeStatement): string {
  const type = renderType(statement.type, statement.enumName, statement.enumSchema);
  const using =
    statement.using === undefined ? '' : ` USING ${renderCastChain(statement.column, statement.using)}`;
  return `${alterColumn(statement.schema, statement.table, statement.column)} TYPE ${type}${using};`;
}

/** `… SET NOT NULL;` or `… DROP NOT NULL;` */
export function renderAlterColumnNull(statement: AlterColumnNullStatement): string {
  return `${alterColumn(statement.schema, statement.table, statement.column)} ${statement.notNull ? 'SET' : 'DROP'} NOT NULL;`;
}

/** `… SET DEFAULT <value>;` (written as CREATE TABLE writes it) or `… DROP DEFAULT;` */
export function renderAlterColumnDefault(statement: AlterColumnDefaultStatement): string {
  const prefix = alterColumn(statement.schema, statement.table, statement.column);
  if (statement.default === null) return `${prefix} DROP DEFAULT;`;
  return `${prefix} SET DEFAULT ${renderDefault(statement.dataType, statement.default, statement.array === true)};`;
}

import { inSchema } from '../ddl/plan-create.ts';
import type { AlterColumnTypeStatement } from '../ddl/statements-alter.ts';
import type { Column } from '../design/model.ts';
import type { TypeChange } from './analysis.ts';
import { characterLimit, typeLabel } from './cast-types.ts';
import { castSteps } from './classify-cast.ts';
import type { ColumnPair, TablePair } from './context.ts';
import type { Planner } from './planner.ts';
import { columnLabel, enumNameDuringAlter, enumSchemaOf } from './planner.ts';
import { hazard } from './steps.ts';
import type { DataCheck, Hazard } from './types.ts';

/**
 * A kept column's type change: the ALTER COLUMN … TYPE (through a recreated enum's temporary
 * name while it exists), its hazards, and the count of rows it would refuse, if one can be made.
 */

export function typeStatement(
  p: Planner,
  table: string,
  to: Column,
  change: TypeChange,
  at: { schema?: string } = {},
): AlterColumnTypeStatement {
  const name = (enumId: string) => enumNameDuringAlter(p, enumId);
  const schema = (enumId: string) => enumSchemaOf(p, enumId);
  const statement: AlterColumnTypeStatement = {
    kind: 'alter_column_type',
    ...at,
    table,
    column: to.name,
    type: to.type,
  };
  if (to.type.enumId !== undefined) {
    statement.enumName = name(to.type.enumId);
    const enumSchema = schema(to.type.enumId);
    if (enumSchema !== undefined) statement.enumSchema = enumSchema;
  }
  if (change.rule.via) statement.using = castSteps(change.rule, name, schema);
  return statement;
}

export function typeHazards(
  p: Planner,
  table: TablePair,
  { from, to }: ColumnPair,
  change: TypeChange,
): { hazards: Hazard[]; dataChecks: DataCheck[] } {
  const { rule } = change;
  const hazards: Hazard[] = [];
  const dataChecks: DataCheck[] = [];
  const oldTable = table.from.table.name;
  const old = columnLabel(oldTable, from.name);
  if (rule.kind === 'risky') hazards.push(hazard('DATA_DEPENDENT', `${old}: ${rule.reason}.`));
  if (rule.rewrites) {
    hazards.push(
      hazard(
        'REWRITES_TABLE',
        `Rewrites every row of ${JSON.stringify(table.to.table.name)} and blocks all access meanwhile.`,
      ),
    );
  }
  const limit = characterLimit(to.type);
  if (rule.check === 'too_long' && limit !== undefined) {
    const description = `rows where ${old} is longer than ${limit} characters`;
    dataChecks.push({
      kind: 'too_long',
      ...inSchema(p.schemas.checkTable(table.id)),
      table: oldTable,
      columns: [from.name],
      maxLength: limit,
      description,
    });
  } else if (rule.check === 'cast') {
    const enumValues =
      to.type.enumId === undefined ? undefined : p.ctx.to.index.enumType(to.type.enumId).values;
    dataChecks.push({
      kind: 'cast',
      ...inSchema(p.schemas.checkTable(table.id)),
      table: oldTable,
      columns: [from.name],
      from: from.type,
      to: to.type,
      ...(enumValues ? { enumValues: [...enumValues] } : {}),
      description: `rows where ${old} does not convert to ${typeLabel(to.type)}`,
    });
  }
  return { hazards, dataChecks };
}

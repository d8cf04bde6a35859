import { planColumn } from '../ddl/plan-create.ts';
import { renderDefault } from '../ddl/postgres/render-default.ts';
import type { DdlStatement } from '../ddl/statements.ts';
import type { AlterColumnDefaultStatement } from '../ddl/statements-alter.ts';
import type { Column } from '../design/model.ts';
import { columnKey, usesAddedValue } from './analysis.ts';
import { typeLabel } from './cast-types.ts';
import type { ColumnPair, TablePair } from './context.ts';
import { typeHazards, typeStatement } from './plan-column-type.ts';
import type { Planner } from './planner.ts';
import { columnLabel, enumName, enumNameDuringAlter } from './planner.ts';
import { hazard } from './steps.ts';
import type { DataCheck, Hazard } from './types.ts';

/**
 * Kept tables' columns after the renames (new names, new enum types): per column its type, its
 * default, its nullability and identity, in the order PostgreSQL needs (a default that would not
 * convert is dropped before the type changes; NOT NULL is set before identity); then new columns.
 * Data checks name the old version's table and column, as the database has them before.
 */
export function planColumns(p: Planner): void {
  for (const table of p.ctx.tables) {
    for (const pair of table.columns) planColumnChanges(p, table, pair);
    for (const column of table.addedColumns) planAddColumn(p, table, column);
  }
}

const sameDefault = (a: Column, b: Column) =>
  a.default === undefined || b.default === undefined
    ? a.default === b.default
    : renderDefault(a.type.dataType, a.default) === renderDefault(b.type.dataType, b.default);

function planColumnChanges(p: Planner, table: TablePair, pair: ColumnPair): void {
  const { from, to } = pair;
  const name = table.to.table.name;
  const label = columnLabel(name, to.name);
  const id = `${table.id}:${to.id}`;
  const change = p.analysis.typeChanges.get(columnKey(table.id, to.id));
  const setDefault = (): AlterColumnDefaultStatement => ({
    kind: 'alter_column_default',
    table: name,
    column: to.name,
    dataType: to.type.dataType,
    default: to.default ?? null,
  });

  if (change) {
    // A kept default would stay typed as before (or not convert at all): set it afresh.
    const statements: DdlStatement[] = [];
    if (from.default) statements.push({ ...setDefault(), dataType: from.type.dataType, default: null });
    statements.push(typeStatement(p, name, to, change));
    if (to.default) statements.push(setDefault());
    const newValues = to.type.enumId !== undefined && p.analysis.addedValues.has(to.type.enumId);
    p.out.add({
      id: `alter_column_type:${id}`,
      description: change.recreatedEnum
        ? `Move ${label} to the recreated enum ${JSON.stringify(enumName(p, change.recreatedEnum))}`
        : `Change the type of ${label} from ${typeLabel(from.type)} to ${typeLabel(to.type)} (${change.rule.reason})`,
      statements,
      ...typeHazards(p, table, pair, change),
      needsCommittedEnumValues: newValues || usesAddedValue(p.analysis, to),
    });
  } else if (!sameDefault(from, to)) {
    p.out.add({
      id: `${to.default ? 'set' : 'drop'}_default:${id}`,
      description: to.default ? `Change the default of ${label}` : `Remove the default of ${label}`,
      statements: [setDefault()],
      hazards: to.default
        ? []
        : [hazard('BREAKS_CLIENTS', `Inserts that leave ${label} out no longer get a default.`)],
      needsCommittedEnumValues: usesAddedValue(p.analysis, to),
    });
  }

  if (from.generated !== undefined && to.generated === undefined) {
    p.out.add({
      id: `drop_expression:${id}`,
      description: `Stop computing ${label}: it keeps its values as a plain column`,
      statements: [{ kind: 'drop_expression', table: name, column: to.name }],
      hazards: [hazard('BREAKS_CLIENTS', `Rows written from now on get no computed value in ${label}.`)],
    });
  }

  if (from.nullable !== to.nullable) {
    const old = columnLabel(table.from.table.name, from.name);
    p.out.add({
      id: `${to.nullable ? 'drop' : 'set'}_not_null:${id}`,
      description: to.nullable ? `Allow NULL in ${label}` : `Make ${label} NOT NULL`,
      statements: [{ kind: 'alter_column_null', table: name, column: to.name, notNull: !to.nullable }],
      ...(to.nullable
        ? {}
        : {
            hazards: [
              hazard('DATA_DEPENDENT', `Fails if a row has no value in ${label}.`),
              hazard(
                'LOCKS_TABLE',
                `Scans every row of ${JSON.stringify(name)} while blocking all access to it.`,
              ),
            ],
            dataChecks: [
              {
                kind: 'nulls',
                table: table.from.table.name,
                columns: [from.name],
                description: `rows where ${old} is NULL`,
              },
            ],
          }),
    });
  }

  if (to.identity && !from.identity) {
    const sequence = table.to.names.identitySequences.get(to.id);
    p.out.add({
      id: `add_identity:${id}`,
      description: `Generate values for ${label} (identity), starting above its largest value`,
      statements: [
        {
          kind: 'add_identity',
          table: name,
          column: to.name,
          ...(sequence === undefined ? {} : { sequence }),
        },
        { kind: 'sync_identity', table: name, column: to.name },
      ],
    });
  }
}

function planAddColumn(p: Planner, table: TablePair, column: Column): void {
  const name = table.to.table.name;
  const label = columnLabel(name, column.name);
  const hazards: Hazard[] = [];
  const dataChecks: DataCheck[] = [];
  const recreated = table.recreatedColumns.has(column.id);
  if (column.generated !== undefined) {
    hazards.push(hazard('REWRITES_TABLE', `Computes ${label} for every existing row, rewriting the table.`));
    if (!column.nullable)
      hazards.push(hazard('DATA_DEPENDENT', `Fails if ${column.generated} is NULL for an existing row.`));
  } else if (!column.nullable && !column.default && !column.identity) {
    hazards.push(
      hazard('DATA_DEPENDENT', `A NOT NULL column without a default can only be added to an empty table.`),
    );
    dataChecks.push({
      kind: 'rows',
      table: table.from.table.name,
      columns: [],
      description: `rows of ${JSON.stringify(table.from.table.name)} (any row makes adding ${label} fail)`,
    });
  }
  const volatile = column.default?.kind === 'expression' && column.default.expression === 'gen_random_uuid()';
  if (column.identity || volatile) {
    hazards.push(hazard('REWRITES_TABLE', `Fills ${label} in every existing row, rewriting the table.`));
  }
  const statements: DdlStatement[] = [
    {
      kind: 'add_column',
      table: name,
      column: planColumn(column, table.to.names, (id) => enumNameDuringAlter(p, id)),
    },
  ];
  if (column.comment !== undefined) {
    statements.push({ kind: 'comment_on_column', table: name, column: column.name, comment: column.comment });
  }
  p.out.add({
    id: `add_column:${table.id}:${column.id}`,
    description: recreated
      ? `Add column ${label} again, computed as ${column.generated ?? ''}`
      : `Add column ${label}`,
    statements,
    hazards,
    dataChecks,
    needsCommittedEnumValues: usesAddedValue(p.analysis, column),
  });
}

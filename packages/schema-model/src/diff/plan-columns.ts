import { uniqueIdentifier } from '../ddl/naming.ts';
import { inSchema, planColumn } from '../ddl/plan-create.ts';
import { renderDefault } from '../ddl/postgres/render-default.ts';
import type { DdlStatement } from '../ddl/statements.ts';
import type { AlterColumnDefaultStatement } from '../ddl/statements-alter.ts';
import { typeCheck, typeCheckName } from '../ddl/type-checks.ts';
import type { Column } from '../design/model.ts';
import { columnKey, usesAddedValue } from './analysis.ts';
import { typeLabel } from './cast-types.ts';
import type { ColumnPair, TablePair } from './context.ts';
import { typeHazards, typeStatement } from './plan-column-type.ts';
import type { Planner } from './planner.ts';
import { columnLabel, enumName, enumNameDuringAlter, enumSchemaOf, tableAt } from './planner.ts';
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
    const moved = freeTypeCheckNames(p, table);
    for (const pair of table.columns) planColumnChanges(p, table, pair, moved.get(pair.to.id));
    for (const column of table.addedColumns) planAddColumn(p, table, column);
  }
}

/** The type CHECK's name of a column of a version (`typeCheckName`), or undefined when it has none. */
const checkName = (table: string, column: Column): string | undefined =>
  typeCheck(column.type) === undefined ? undefined : typeCheckName(table, column.name);

/**
 * Type CHECKs are named after their column, so swapped column names swap their CHECKs' names
 * too: a CHECK whose name another column's CHECK takes is first moved to a temporary name (by
 * column id, the name it then has).
 */
function freeTypeCheckNames(p: Planner, table: TablePair): Map<string, string> {
  const name = table.to.table.name;
  const olds = table.columns.map((pair) => ({ pair, old: checkName(table.from.table.name, pair.from) }));
  const taken = new Set<string>();
  for (const { pair, old } of olds) {
    if (old !== undefined) taken.add(old);
    const next = checkName(name, pair.to);
    if (next !== undefined) taken.add(next);
  }
  const moved = new Map<string, string>();
  for (const { pair, old } of olds) {
    if (old === undefined) continue;
    const wanted = table.columns.some((other) => other !== pair && checkName(name, other.to) === old);
    if (!wanted) continue;
    const temporary = uniqueIdentifier(`${old}_old`, (n) => taken.has(n));
    taken.add(temporary);
    moved.set(pair.to.id, temporary);
    p.out.add({
      id: `rename_type_check:${table.id}:${pair.to.id}:temporary`,
      description: `Move the CHECK of ${columnLabel(name, pair.to.name)}'s type to the temporary name ${JSON.stringify(temporary)}, freeing its name`,
      statements: [
        { kind: 'rename_constraint', ...tableAt(p, table.id), table: name, name: old, newName: temporary },
      ],
    });
  }
  return moved;
}

const sameDefault = (a: Column, b: Column) =>
  a.default === undefined || b.default === undefined
    ? a.default === b.default
    : renderDefault(a.type.dataType, a.default, a.type.array === true) ===
      renderDefault(b.type.dataType, b.default, b.type.array === true);

/** A CHECK added without a rewrite still reads every row, under a lock that blocks all access. */
function withCheckScan(
  found: { hazards: Hazard[]; dataChecks: DataCheck[] },
  scans: boolean,
  table: string,
): { hazards: Hazard[]; dataChecks: DataCheck[] } {
  if (!scans) return found;
  const scan = hazard(
    'LOCKS_TABLE',
    `Adding the type's CHECK scans every row of ${JSON.stringify(table)} while blocking all access to it.`,
  );
  return { ...found, hazards: [...found.hazards, scan] };
}

function planColumnChanges(p: Planner, table: TablePair, pair: ColumnPair, movedCheck?: string): void {
  const { from, to } = pair;
  const name = table.to.table.name;
  const label = columnLabel(name, to.name);
  const id = `${table.id}:${to.id}`;
  const change = p.analysis.typeChanges.get(columnKey(table.id, to.id));
  const at = tableAt(p, table.id);
  const setDefault = (): AlterColumnDefaultStatement => ({
    kind: 'alter_column_default',
    ...at,
    table: name,
    column: to.name,
    dataType: to.type.dataType,
    ...(to.type.array === true ? { array: true } : {}),
    default: to.default ?? null,
  });

  // The CHECK a type needs in PostgreSQL (unsigned range, binary length) is named after its
  // table and column: replaced with the type, renamed with them.
  const oldCheck = movedCheck ?? checkName(table.from.table.name, from);
  const newCheck = checkName(name, to);
  if (change) {
    // A kept default would stay typed as before (or not convert at all): set it afresh.
    const statements: DdlStatement[] = [];
    if (oldCheck !== undefined)
      statements.push({ kind: 'drop_constraint', ...at, table: name, name: oldCheck });
    if (from.default) statements.push({ ...setDefault(), dataType: from.type.dataType, default: null });
    statements.push(typeStatement(p, name, to, change, at));
    if (to.default) statements.push(setDefault());
    if (newCheck !== undefined)
      statements.push({
        kind: 'add_type_check',
        ...at,
        table: name,
        column: to.name,
        name: newCheck,
        type: to.type,
      });
    const newValues = to.type.enumId !== undefined && p.analysis.addedValues.has(to.type.enumId);
    p.out.add({
      id: `alter_column_type:${id}`,
      description: change.recreatedEnum
        ? `Move ${label} to the recreated enum ${JSON.stringify(enumName(p, change.recreatedEnum))}`
        : `Change the type of ${label} from ${typeLabel(from.type)} to ${typeLabel(to.type)} (${change.rule.reason})`,
      statements,
      ...withCheckScan(
        typeHazards(p, table, pair, change),
        newCheck !== undefined && !change.rule.rewrites,
        name,
      ),
      needsCommittedEnumValues: newValues || usesAddedValue(p.analysis, to),
    });
  } else if (oldCheck !== undefined && newCheck !== undefined && oldCheck !== newCheck) {
    p.out.add({
      id: `rename_type_check:${id}`,
      description: `Rename the CHECK of ${label}'s type to ${JSON.stringify(newCheck)}, after its table and column`,
      statements: [{ kind: 'rename_constraint', ...at, table: name, name: oldCheck, newName: newCheck }],
    });
  }
  if (!change && !sameDefault(from, to)) {
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
      statements: [{ kind: 'alter_column_null', ...at, table: name, column: to.name, notNull: !to.nullable }],
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
                ...inSchema(p.schemas.checkTable(table.id)),
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
          ...at,
          table: name,
          column: to.name,
          ...(sequence === undefined ? {} : { sequence }),
        },
        { kind: 'sync_identity', ...at, table: name, column: to.name },
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
      ...inSchema(p.schemas.checkTable(table.id)),
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
      ...tableAt(p, table.id),
      table: name,
      column: planColumn(
        column,
        table.to.names,
        (id) => enumNameDuringAlter(p, id),
        (id) => enumSchemaOf(p, id),
      ),
    },
  ];
  if (column.comment !== undefined) {
    statements.push({
      kind: 'comment_on_column',
      ...tableAt(p, table.id),
      table: name,
      column: column.name,
      comment: column.comment,
    });
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

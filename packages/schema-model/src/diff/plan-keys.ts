import { inSchema, planIndex } from '../ddl/plan-create.ts';
import { renderIndexKey } from '../ddl/postgres/render-index.ts';
import type { Column } from '../design/model.ts';
import type { TablePair } from './context.ts';
import { indexColumnIds } from './context.ts';
import type { Planner } from './planner.ts';
import { columnLabel, q, tableAt } from './planner.ts';
import { hazard } from './steps.ts';
import type { DataCheck, Hazard } from './types.ts';

/**
 * Primary keys, unique constraints and indexes that kept tables gain (new, or changed and dropped
 * in the first stage), after their columns have their final types and NOT NULLs. Each one over
 * existing rows may meet duplicates; the check counts them in the old version's names.
 */
export function planKeys(p: Planner): void {
  for (const table of p.ctx.tables) {
    planPrimaryKey(p, table);
    planUniques(p, table);
    planIndexes(p, table);
  }
}

/** The old version's names of columns that all existed before, or undefined when one is new. */
function oldNames(table: TablePair, columnIds: readonly string[]): string[] | undefined {
  const names: string[] = [];
  for (const id of columnIds) {
    const pair = table.columns.find((c) => c.to.id === id);
    if (!pair) return undefined;
    names.push(pair.from.name);
  }
  return names;
}

function keyHazards(
  p: Planner,
  table: TablePair,
  columnIds: readonly string[],
  what: string,
): { hazards: Hazard[]; dataChecks: DataCheck[] } {
  const name = table.to.table.name;
  const hazards = [
    hazard('LOCKS_TABLE', `Builds ${what} over every row of ${q(name)}, blocking writes meanwhile.`),
  ];
  const dataChecks: DataCheck[] = [];
  const old = oldNames(table, columnIds);
  // A column filled with distinct values by this plan makes the whole key distinct.
  if (!columnIds.some((id) => isFreshlyGenerated(table, id))) {
    hazards.push(hazard('DATA_DEPENDENT', `Fails if existing rows have duplicate values for ${what}.`));
  }
  if (old) {
    const oldTable = table.from.table.name;
    dataChecks.push({
      kind: 'duplicates',
      ...inSchema(p.schemas.checkTable(table.id)),
      table: oldTable,
      columns: old,
      description: `rows of ${q(oldTable)} sharing their (${old.map((c) => q(c)).join(', ')}) with another row`,
    });
  }
  return { hazards, dataChecks };
}

/** A column added by this plan whose values come out distinct: identity or gen_random_uuid(). */
function isFreshlyGenerated(table: TablePair, columnId: string): boolean {
  const added: Column | undefined = table.addedColumns.find((c) => c.id === columnId);
  return (
    added !== undefined &&
    (added.identity ||
      (added.default?.kind === 'expression' && added.default.expression === 'gen_random_uuid()'))
  );
}

const names = (table: TablePair, ids: readonly string[]) =>
  ids.map((id) => table.to.table.columns.find((c) => c.id === id)?.name ?? id);

function planPrimaryKey(p: Planner, table: TablePair): void {
  const name = table.to.names.primaryKey;
  if (!table.primaryKeyChanged || name === undefined) return;
  const columns = names(table, table.to.table.primaryKey);
  p.out.add({
    id: `add_primary_key:${table.id}`,
    description: `Add the primary key ${q(name)} on ${q(table.to.table.name)} (${columns.map(q).join(', ')})`,
    statements: [
      { kind: 'add_primary_key', ...tableAt(p, table.id), table: table.to.table.name, name, columns },
    ],
    ...keyHazards(p, table, table.to.table.primaryKey, 'the primary key'),
  });
}

function planUniques(p: Planner, table: TablePair): void {
  const before = new Map(table.columns.map((c) => [c.to.id, c.from.unique]));
  for (const column of table.to.table.columns) {
    const name = table.to.names.uniques.get(column.id);
    if (!column.unique || before.get(column.id) === true || name === undefined) continue;
    const label = columnLabel(table.to.table.name, column.name);
    p.out.add({
      id: `add_unique:${table.id}:${column.id}`,
      description: `Make ${label} unique (constraint ${q(name)})`,
      statements: [
        {
          kind: 'add_unique',
          ...tableAt(p, table.id),
          table: table.to.table.name,
          name,
          columns: [column.name],
        },
      ],
      ...keyHazards(p, table, [column.id], `the unique constraint on ${label}`),
    });
  }
}

function planIndexes(p: Planner, table: TablePair): void {
  const changed = new Set(table.indexes.filter((i) => i.changed).map((i) => i.to.index));
  table.to.table.indexes.forEach((index, i) => {
    if (!changed.has(index) && !table.addedIndexes.some((a) => a.index === index)) return;
    const name = table.to.names.indexes[i] ?? index.name;
    const statement = { ...planIndex(table.to.table, index, name, p.ctx.to.index), ...tableAt(p, table.id) };
    const keys = statement.keys?.map(renderIndexKey) ?? statement.columns.map(q);
    const what = `${index.unique ? 'unique ' : ''}${index.where !== undefined ? 'partial ' : ''}index ${q(name)}`;
    const plain = index.where === undefined && index.keys.every((key) => key.kind === 'column');
    const checked = keyHazards(p, table, indexColumnIds(table.to.table, index), what);
    // Duplicates of expressions, or among the rows a predicate selects, are not counted ahead:
    // a failure there rolls the whole plan back.
    const risks = plain ? checked : { hazards: checked.hazards, dataChecks: [] };
    p.out.add({
      id: `create_index:${table.id}:${index.id}`,
      description: `Create ${what} on ${q(table.to.table.name)} (${keys.join(', ')})`,
      statements: [statement],
      ...(index.unique ? risks : { hazards: risks.hazards.filter((h) => h.code === 'LOCKS_TABLE') }),
    });
  });
}

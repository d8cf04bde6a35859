import type { Column } from '../design/model.ts';
import type { CastRule } from './cast-rule.ts';
import { castRule } from './cast-rules.ts';
import type { ColumnPair, DiffContext, TablePair } from './context.ts';
import type { EnumValueChange } from './enum-values.ts';
import { enumValueChange } from './enum-values.ts';
import type { RefusedChange } from './types.ts';

/**
 * Facts several stages of the plan need: how each kept column's type changes, how each kept
 * enum's values change, and which unchanged foreign keys must still be dropped and added again
 * because a column or key under them changes.
 */
export interface Analysis {
  enumChanges: Map<string, EnumValueChange>;
  /** Values added with ADD VALUE, per enum id: using them needs the transaction committed first. */
  addedValues: Map<string, Set<string>>;
  /** Per `tableId:columnId` of kept columns whose type changes (an enum being recreated counts). */
  typeChanges: Map<string, TypeChange>;
  /** Ids of foreign keys kept as they are but dropped and added again around the changes under them. */
  readdedForeignKeys: Set<string>;
  refused: RefusedChange[];
}

export interface TypeChange {
  rule: CastRule;
  /** The column keeps its enum, which is recreated: converted through text to the new type. */
  recreatedEnum?: string;
}

export const columnKey = (tableId: string, columnId: string): string => `${tableId}:${columnId}`;

export function analyze(ctx: DiffContext): Analysis {
  const enumChanges = new Map<string, EnumValueChange>();
  const addedValues = new Map<string, Set<string>>();
  for (const pair of ctx.enums) {
    const change = enumValueChange(pair.from.values, pair.to.values);
    enumChanges.set(pair.to.id, change);
    if (change.kind === 'add') addedValues.set(pair.to.id, new Set(change.additions.map((a) => a.value)));
  }
  const recreated = (enumId: string | undefined) =>
    enumId !== undefined && enumChanges.get(enumId)?.kind === 'recreate';

  const typeChanges = new Map<string, TypeChange>();
  const refused: RefusedChange[] = [];
  for (const table of ctx.tables) {
    for (const pair of table.columns) {
      const change = typeChange(pair, recreated(pair.to.type.enumId));
      if (!change) continue;
      if (change.rule.kind === 'impossible') {
        refused.push({ table: table.to.table.name, column: pair.to.name, reason: change.rule.reason });
      }
      typeChanges.set(columnKey(table.id, pair.to.id), change);
    }
  }
  return {
    enumChanges,
    addedValues,
    typeChanges,
    readdedForeignKeys: readdedForeignKeys(ctx, typeChanges),
    refused,
  };
}

function typeChange(pair: ColumnPair, enumRecreated: boolean): TypeChange | undefined {
  const rule = castRule(pair.from.type, pair.to.type);
  if (rule.kind !== 'same') return { rule };
  if (!enumRecreated || pair.to.type.enumId === undefined) return undefined;
  return {
    rule: {
      kind: 'safe',
      rewrites: true,
      reason: 'values move to the recreated enum',
      via: [{ dataType: 'TEXT' }, pair.to.type],
    },
    recreatedEnum: pair.to.type.enumId,
  };
}

/** Column-id sets (old version) of the keys each kept table loses: an FK over one must be re-added. */
function droppedKeys(table: TablePair): string[][] {
  const keys: string[][] = [];
  if (table.primaryKeyChanged && table.from.table.primaryKey.length > 0)
    keys.push(table.from.table.primaryKey);
  for (const pair of table.columns) if (pair.from.unique && !pair.to.unique) keys.push([pair.from.id]);
  for (const pair of table.indexes)
    if (pair.changed && pair.from.index.unique) keys.push(pair.from.index.columnIds);
  for (const dropped of table.droppedIndexes) if (dropped.index.unique) keys.push(dropped.index.columnIds);
  return keys;
}

const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((value) => b.includes(value));

function readdedForeignKeys(ctx: DiffContext, typeChanges: ReadonlyMap<string, TypeChange>): Set<string> {
  const keysByTable = new Map(ctx.tables.map((t) => [t.id, droppedKeys(t)]));
  const recreatedByTable = new Map(ctx.tables.map((t) => [t.id, t.recreatedColumns]));
  const readded = new Set<string>();
  for (const { from, changed } of ctx.foreignKeys) {
    if (changed) continue;
    const fk = from.fk;
    const typeChanged =
      fk.sourceColumnIds.some((id) => typeChanges.has(columnKey(fk.sourceTableId, id))) ||
      fk.targetColumnIds.some((id) => typeChanges.has(columnKey(fk.targetTableId, id)));
    const keyDropped = (keysByTable.get(fk.targetTableId) ?? []).some((key) =>
      sameSet(key, fk.targetColumnIds),
    );
    const recreated = (tableId: string, ids: readonly string[]) =>
      ids.some((id) => recreatedByTable.get(tableId)?.has(id) === true);
    const columnRecreated =
      recreated(fk.sourceTableId, fk.sourceColumnIds) || recreated(fk.targetTableId, fk.targetColumnIds);
    if (typeChanged || keyDropped || columnRecreated) readded.add(fk.id);
  }
  return readded;
}

/** Whether a default uses an enum value added in this plan (it must wait for the commit). */
export function usesAddedValue(analysis: Analysis, column: Column): boolean {
  const { enumId } = column.type;
  if (enumId === undefined || column.default?.kind !== 'literal') return false;
  return analysis.addedValues.get(enumId)?.has(String(column.default.value)) ?? false;
}

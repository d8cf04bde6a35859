import type { DesignIndex } from '../ddl/design-index.ts';
import { indexDesign } from '../ddl/design-index.ts';
import type { DesignNames, TableNames } from '../ddl/naming.ts';
import { assignNames, postgresObjectName } from '../ddl/naming.ts';
import type { Column, Design, EnumType, ForeignKey, Index, IndexKey, Table } from '../design/model.ts';
import { columnsReferenced } from '../sql-expression/references.ts';
import { sameSqlExpression } from '../sql-expression/same.ts';

/**
 * The two versions of a design matched by id, with the SQL name of every object in each version
 * (from the same naming the create path uses, so generated names match a fresh build). Ids decide
 * identity; names never do.
 */

export interface Side {
  design: Design;
  index: DesignIndex;
  names: DesignNames;
}

export interface TableVersion {
  table: Table;
  names: TableNames;
}

export interface ColumnPair {
  from: Column;
  to: Column;
}

export interface IndexVersion {
  index: Index;
  name: string;
}

export interface IndexPair {
  from: IndexVersion;
  to: IndexVersion;
  /** Keys, order, method, predicate or uniqueness differ, or it reads a recreated column: dropped and created again. */
  changed: boolean;
}

export interface TablePair {
  id: string;
  from: TableVersion;
  to: TableVersion;
  columns: ColumnPair[];
  addedColumns: Column[];
  droppedColumns: Column[];
  /**
   * Ids of columns in both versions that are dropped and added again (listed in `droppedColumns`
   * and `addedColumns`, not in `columns`): a column made generated, or whose expression changes.
   */
  recreatedColumns: ReadonlySet<string>;
  indexes: IndexPair[];
  addedIndexes: IndexVersion[];
  droppedIndexes: IndexVersion[];
  primaryKeyChanged: boolean;
}

export interface ForeignKeyVersion {
  fk: ForeignKey;
  name: string;
}

export interface ForeignKeyPair {
  from: ForeignKeyVersion;
  to: ForeignKeyVersion;
  /** Tables, columns or actions differ: dropped and added again (PostgreSQL cannot alter them). */
  changed: boolean;
}

export interface EnumPair {
  from: EnumType;
  to: EnumType;
}

export interface DiffContext {
  from: Side;
  to: Side;
  tables: TablePair[];
  addedTables: TableVersion[];
  droppedTables: TableVersion[];
  enums: EnumPair[];
  addedEnums: EnumType[];
  droppedEnums: EnumType[];
  foreignKeys: ForeignKeyPair[];
  addedForeignKeys: ForeignKeyVersion[];
  droppedForeignKeys: ForeignKeyVersion[];
}

interface Paired<T> {
  kept: Array<[T, T]>;
  added: T[];
  dropped: T[];
}

/** Pairs items by key: kept and added in the new order, dropped in the old. */
function pairBy<T>(from: readonly T[], to: readonly T[], key: (item: T) => string): Paired<T> {
  const old = new Map<string, T>();
  for (const item of from) if (!old.has(key(item))) old.set(key(item), item);
  const seen = new Set<string>();
  const kept: Array<[T, T]> = [];
  const added: T[] = [];
  for (const item of to) {
    const previous = old.get(key(item));
    if (previous !== undefined && !seen.has(key(item))) kept.push([previous, item]);
    else added.push(item);
    seen.add(key(item));
  }
  return { kept, added, dropped: from.filter((item) => !seen.has(key(item))) };
}

const sameList = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((value, i) => value === b[i]);

export function side(design: Design): Side {
  const index = indexDesign(design);
  return { design, index, names: assignNames(design, index) };
}

export function buildContext(from: Side, to: Side): DiffContext {
  const tableVersion =
    (s: Side) =>
    (table: Table, position: number): TableVersion => ({
      table,
      names: s.names.tables[position] ?? { uniques: new Map(), indexes: [], identitySequences: new Map() },
    });
  const tables = pairBy(
    from.design.tables.map(tableVersion(from)),
    to.design.tables.map(tableVersion(to)),
    (t) => t.table.id,
  );
  const fkVersion =
    (s: Side) =>
    (fk: ForeignKey, position: number): ForeignKeyVersion => ({
      fk,
      name: s.names.foreignKeys[position] ?? fk.id,
    });
  const fks = pairBy(
    from.design.foreignKeys.map(fkVersion(from)),
    to.design.foreignKeys.map(fkVersion(to)),
    (v) => v.fk.id,
  );
  const enums = pairBy(from.design.enums, to.design.enums, (e) => e.id);
  return {
    from,
    to,
    tables: tables.kept.map(([a, b]) => pairTable(a, b)),
    addedTables: tables.added,
    droppedTables: tables.dropped,
    enums: enums.kept.map(([a, b]) => ({ from: a, to: b })),
    addedEnums: enums.added,
    droppedEnums: enums.dropped,
    foreignKeys: fks.kept.map(([a, b]) => ({ from: a, to: b, changed: foreignKeyChanged(a.fk, b.fk) })),
    addedForeignKeys: fks.added,
    droppedForeignKeys: fks.dropped,
  };
}

function foreignKeyChanged(a: ForeignKey, b: ForeignKey): boolean {
  return (
    a.sourceTableId !== b.sourceTableId ||
    a.targetTableId !== b.targetTableId ||
    !sameList(a.sourceColumnIds, b.sourceColumnIds) ||
    !sameList(a.targetColumnIds, b.targetColumnIds) ||
    a.onDelete !== b.onDelete ||
    a.onUpdate !== b.onUpdate
  );
}

/** Index versions keyed by id, counting repeats, so indexes without ids (id = name) still pair. */
function indexVersions(version: TableVersion): Array<IndexVersion & { key: string }> {
  const seen = new Map<string, number>();
  return version.table.indexes.map((index, i) => {
    const n = seen.get(index.id) ?? 0;
    seen.set(index.id, n + 1);
    return { index, name: version.names.indexes[i] ?? index.name, key: `${index.id}\u0000${n}` };
  });
}

function pairTable(from: TableVersion, to: TableVersion): TablePair {
  const columns = pairBy(from.table.columns, to.table.columns, (c) => c.id);
  const indexes = pairBy(indexVersions(from), indexVersions(to), (i) => i.key);
  const strip = ({ index, name }: IndexVersion): IndexVersion => ({ index, name });
  // PostgreSQL 15 cannot make a column generated or change its expression, nor change the type
  // of a column a generated one reads: drop, add again.
  const retyped = new Set(
    columns.kept.filter(([a, b]) => JSON.stringify(a.type) !== JSON.stringify(b.type)).map(([, b]) => b.name),
  );
  const readsRetyped = (column: Column) =>
    column.generated !== undefined && columnsReferenced(column.generated).some((name) => retyped.has(name));
  const recreated = columns.kept.filter(([a, b]) => mustRecreate(a, b) || readsRetyped(b));
  const recreatedIds = new Set(recreated.map(([, b]) => b.id));
  const readsRecreated = (version: TableVersion, index: Index) =>
    indexColumnIds(version.table, index).some((id) => recreatedIds.has(id));
  return {
    id: to.table.id,
    from,
    to,
    columns: columns.kept.filter(([, b]) => !recreatedIds.has(b.id)).map(([a, b]) => ({ from: a, to: b })),
    addedColumns: columns.added.concat(recreated.map(([, b]) => b)),
    droppedColumns: columns.dropped.concat(recreated.map(([a]) => a)),
    recreatedColumns: recreatedIds,
    indexes: indexes.kept.map(([a, b]) => ({
      from: strip(a),
      to: strip(b),
      changed: indexChanged(a.index, b.index) || readsRecreated(from, a.index),
    })),
    addedIndexes: indexes.added.map(strip),
    droppedIndexes: indexes.dropped.map(strip),
    primaryKeyChanged: !sameList(from.table.primaryKey, to.table.primaryKey),
  };
}

/**
 * Whether a kept column must be dropped and added again: it becomes generated, or its expression
 * changes (PostgreSQL 15 has no ALTER for either; one that stops being generated keeps its
 * values with DROP EXPRESSION instead).
 */
function mustRecreate(from: Column, to: Column): boolean {
  if (to.generated === undefined) return false;
  return from.generated === undefined || !sameSqlExpression(from.generated, to.generated);
}

/** Keys, order, method, predicate or uniqueness differ: the index is dropped and created again. */
function indexChanged(a: Index, b: Index): boolean {
  const sameWhere =
    a.where === undefined || b.where === undefined
      ? a.where === b.where
      : sameSqlExpression(a.where, b.where);
  return (
    a.unique !== b.unique ||
    a.method !== b.method ||
    !sameWhere ||
    a.keys.length !== b.keys.length ||
    a.keys.some((key, k) => !sameKey(key, b.keys[k]))
  );
}

function sameKey(a: IndexKey, b: IndexKey | undefined): boolean {
  if (b === undefined || a.descending !== b.descending || a.nulls !== b.nulls) return false;
  if (a.kind === 'column') return b.kind === 'column' && a.columnId === b.columnId;
  return b.kind === 'expression' && sameSqlExpression(a.expression, b.expression);
}

/** Every column an index reads: its column keys, and those its expressions and predicate name. */
export function indexColumnIds(table: Table, index: Index): string[] {
  const byName = new Map(table.columns.map((column) => [column.name, column.id]));
  const texts = [
    ...index.keys.flatMap((key) => (key.kind === 'expression' ? [key.expression] : [])),
    index.where ?? '',
  ];
  const named = texts.flatMap((text) => (text === '' ? [] : columnsReferenced(text)));
  return [...index.columnIds, ...named.flatMap((name) => byName.get(name) ?? [])];
}

/** The name of a column's identity sequence in a version: the explicit one, or PostgreSQL's own. */
export function sequenceName(version: TableVersion, column: Column): string {
  return (
    version.names.identitySequences.get(column.id) ??
    postgresObjectName(version.table.name, column.name, 'seq')
  );
}

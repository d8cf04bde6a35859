import type {
  ColumnDocument,
  DesignDocument,
  ForeignKeyDocument,
  TableDocument,
} from '@schema-builder/schema-model/design';
import { canonicalJson } from '../save/canonical.ts';

/** What happened to a table or column between two versions, matched by id (never by name). */
export type ChangeStatus = 'added' | 'removed' | 'changed' | 'unchanged';

export interface ColumnComparison {
  status: ChangeStatus;
  /** The newer column, or the older one when it was removed. */
  column: ColumnDocument;
  /** The properties that differ, for a changed column (e.g. `name`, `dataType`). */
  changes: string[];
}

export interface TableComparison {
  status: ChangeStatus;
  /** The newer table, or the older one when it was removed. */
  table: TableDocument;
  /** The table's name in the older version, when it was renamed. */
  previousName?: string;
  /** The newer version's columns in order, then the removed ones. */
  columns: ColumnComparison[];
  /** What differs on the table itself (name, comment, indexes, foreign keys), for a changed table. */
  changes: string[];
}

export interface DesignComparison {
  /** The newer version's tables in order, then the removed ones. */
  tables: TableComparison[];
  /** How many tables, and how many columns, are in each state. */
  tableCounts: Record<ChangeStatus, number>;
  columnCounts: Record<ChangeStatus, number>;
}

/** Drawing only (positions, colours, notes): never a change of the database. */
const DRAWING_KEYS = new Set(['ui', 'position']);

/** A part's meaning as text: unset and null are the same, and drawing is left out. */
function meaning(value: object | undefined | null): string {
  if (!value) return '';
  const kept = Object.entries(value).filter(
    ([key, current]) => !DRAWING_KEYS.has(key) && current !== null && current !== undefined,
  );
  return canonicalJson(Object.fromEntries(kept));
}

function changedKeys(before: object, after: object, skip: readonly string[] = []): string[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys]
    .filter((key) => !DRAWING_KEYS.has(key) && !skip.includes(key))
    .filter(
      (key) =>
        canonicalJson((before as Record<string, unknown>)[key] ?? null) !==
        canonicalJson((after as Record<string, unknown>)[key] ?? null),
    )
    .sort();
}

function compareColumns(before: readonly ColumnDocument[], after: readonly ColumnDocument[]) {
  const older = new Map(before.map((column) => [column.id, column]));
  const newer = new Set(after.map((column) => column.id));
  const kept = after.map((column): ColumnComparison => {
    const previous = older.get(column.id);
    if (!previous) return { status: 'added', column, changes: [] };
    if (meaning(previous) === meaning(column)) return { status: 'unchanged', column, changes: [] };
    return { status: 'changed', column, changes: changedKeys(previous, column) };
  });
  const removed = before
    .filter((column) => !newer.has(column.id))
    .map((column): ColumnComparison => ({ status: 'removed', column, changes: [] }));
  return [...kept, ...removed];
}

function keysFrom(design: DesignDocument, tableId: string): string {
  return canonicalJson(
    (design.foreignKeys ?? [])
      .filter((key: ForeignKeyDocument) => key.sourceTableId === tableId)
      .map((key) => meaning(key))
      .sort(),
  );
}

function emptyCounts(): Record<ChangeStatus, number> {
  return { added: 0, removed: 0, changed: 0, unchanged: 0 };
}

/**
 * Compares two versions of a design by the ids of their tables and columns: what was added,
 * removed or changed. Moving a table on the canvas is not a change.
 */
export function compareDesigns(from: DesignDocument, to: DesignDocument): DesignComparison {
  const older = new Map(from.tables.map((table) => [table.id, table]));
  const newer = new Set(to.tables.map((table) => table.id));
  const kept = to.tables.map((table): TableComparison => {
    const previous = older.get(table.id);
    if (!previous) {
      return {
        status: 'added',
        table,
        columns: table.columns.map((column) => ({ status: 'added', column, changes: [] })),
        changes: [],
      };
    }
    const columns = compareColumns(previous.columns, table.columns);
    const changes = changedKeys(previous, table, ['columns', 'id']);
    if (keysFrom(from, table.id) !== keysFrom(to, table.id)) changes.push('foreignKeys');
    const reordered =
      canonicalJson(previous.columns.map((column) => column.id)) !==
      canonicalJson(table.columns.map((column) => column.id));
    const changed = changes.length > 0 || reordered || columns.some((each) => each.status !== 'unchanged');
    return {
      status: changed ? 'changed' : 'unchanged',
      table,
      ...(previous.name !== table.name ? { previousName: previous.name } : {}),
      columns,
      changes,
    };
  });
  const removed = from.tables
    .filter((table) => !newer.has(table.id))
    .map(
      (table): TableComparison => ({
        status: 'removed',
        table,
        columns: table.columns.map((column) => ({ status: 'removed', column, changes: [] })),
        changes: [],
      }),
    );
  const tables = [...kept, ...removed];
  const tableCounts = emptyCounts();
  const columnCounts = emptyCounts();
  for (const table of tables) {
    tableCounts[table.status] += 1;
    for (const column of table.columns) columnCounts[column.status] += 1;
  }
  return { tables, tableCounts, columnCounts };
}

/** The words for each state: the canvas writes them beside its colours. */
export const STATUS_WORDS: Record<ChangeStatus, string> = {
  added: 'added',
  removed: 'removed',
  changed: 'changed',
  unchanged: 'unchanged',
};

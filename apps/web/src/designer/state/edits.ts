import type {
  ColumnDocument,
  DesignDocument,
  EnumDocument,
  ForeignKeyDocument,
  IndexDocument,
  TableDocument,
} from '@schema-builder/schema-model/design';

export type Design = DesignDocument;
export type Position = { x: number; y: number };

/** A coloured, named area of the canvas; moving it moves its tables. Kept in the design's `ui`. */
export interface TableGroup {
  id: string;
  name: string;
  color: string;
  tableIds: string[];
}

/** Free text on the canvas. Kept in the design's `ui`. */
export interface CanvasNote {
  id: string;
  text: string;
  position: Position;
}

type TablePatch = Partial<Pick<TableDocument, 'name' | 'comment'>>;
type ColumnPatch = Partial<Omit<ColumnDocument, 'id'>>;
type IndexPatch = Partial<Omit<IndexDocument, 'id'>>;
type ForeignKeyPatch = Partial<Omit<ForeignKeyDocument, 'id'>>;
type EnumPatch = Partial<Omit<EnumDocument, 'id'>>;

/**
 * Every change the designer can make to a design, as data: the canvas, the outline and the
 * keyboard shortcuts all produce these, and `applyEdit` is the one place that performs them, so
 * undo and redo cover every edit alike.
 */
export type Edit =
  | { kind: 'updateDesign'; patch: Partial<Pick<Design, 'name' | 'description'>> }
  | { kind: 'addTables'; tables: TableDocument[]; foreignKeys?: ForeignKeyDocument[] }
  | { kind: 'updateTable'; tableId: string; patch: TablePatch }
  | { kind: 'moveTables'; positions: Record<string, Position> }
  | { kind: 'deleteTables'; tableIds: string[] }
  | { kind: 'addColumn'; tableId: string; column: ColumnDocument; at?: number }
  | { kind: 'updateColumn'; tableId: string; columnId: string; patch: ColumnPatch }
  | { kind: 'moveColumn'; tableId: string; columnId: string; to: number }
  | { kind: 'deleteColumn'; tableId: string; columnId: string }
  | { kind: 'addIndex'; tableId: string; index: IndexDocument }
  | { kind: 'updateIndex'; tableId: string; indexId: string; patch: IndexPatch }
  | { kind: 'deleteIndex'; tableId: string; indexId: string }
  | { kind: 'addForeignKey'; foreignKey: ForeignKeyDocument }
  | { kind: 'updateForeignKey'; foreignKeyId: string; patch: ForeignKeyPatch }
  | { kind: 'deleteForeignKey'; foreignKeyId: string }
  | { kind: 'addEnum'; enumType: EnumDocument }
  | { kind: 'updateEnum'; enumId: string; patch: EnumPatch }
  | { kind: 'deleteEnum'; enumId: string }
  | { kind: 'setGroup'; group: TableGroup }
  | { kind: 'deleteGroup'; groupId: string }
  | { kind: 'setNote'; note: CanvasNote }
  | { kind: 'deleteNote'; noteId: string }
  /** A whole new document: an automatic layout, or the server's version taken over. */
  | { kind: 'replace'; design: Design };

/** The design after `edit`; the input is never changed (history keeps the old object). */
export function applyEdit(design: Design, edit: Edit): Design {
  switch (edit.kind) {
    case 'updateDesign':
      return { ...design, ...edit.patch };
    case 'addTables':
      return {
        ...design,
        tables: [...design.tables, ...edit.tables],
        foreignKeys: [...(design.foreignKeys ?? []), ...(edit.foreignKeys ?? [])],
      };
    case 'updateTable':
      return mapTable(design, edit.tableId, (table) => ({ ...table, ...edit.patch }));
    case 'moveTables':
      return {
        ...design,
        tables: design.tables.map((table) => {
          const position = edit.positions[table.id];
          return position ? { ...table, position } : table;
        }),
      };
    case 'deleteTables':
      return deleteTables(design, new Set(edit.tableIds));
    case 'addColumn':
      return mapTable(design, edit.tableId, (table) => ({
        ...table,
        columns: insertAt(table.columns, edit.column, edit.at ?? table.columns.length),
      }));
    case 'updateColumn':
      return mapTable(design, edit.tableId, (table) => ({
        ...table,
        columns: table.columns.map((column) =>
          column.id === edit.columnId ? { ...column, ...edit.patch } : column,
        ),
      }));
    case 'moveColumn':
      return mapTable(design, edit.tableId, (table) => {
        const from = table.columns.findIndex((column) => column.id === edit.columnId);
        const moved = table.columns[from];
        if (!moved) return table;
        const rest = table.columns.filter((_, index) => index !== from);
        return { ...table, columns: insertAt(rest, moved, edit.to) };
      });
    case 'deleteColumn':
      return deleteColumn(design, edit.tableId, edit.columnId);
    case 'addIndex':
      return mapTable(design, edit.tableId, (table) => ({
        ...table,
        indexes: [...(table.indexes ?? []), edit.index],
      }));
    case 'updateIndex':
      return mapTable(design, edit.tableId, (table) => ({
        ...table,
        indexes: (table.indexes ?? []).map((index) =>
          index.id === edit.indexId ? { ...index, ...edit.patch } : index,
        ),
      }));
    case 'deleteIndex':
      return mapTable(design, edit.tableId, (table) => ({
        ...table,
        indexes: (table.indexes ?? []).filter((index) => index.id !== edit.indexId),
      }));
    case 'addForeignKey':
      return { ...design, foreignKeys: [...(design.foreignKeys ?? []), edit.foreignKey] };
    case 'updateForeignKey':
      return {
        ...design,
        foreignKeys: (design.foreignKeys ?? []).map((key) =>
          key.id === edit.foreignKeyId ? { ...key, ...edit.patch } : key,
        ),
      };
    case 'deleteForeignKey':
      return {
        ...design,
        foreignKeys: (design.foreignKeys ?? []).filter((key) => key.id !== edit.foreignKeyId),
      };
    case 'addEnum':
      return { ...design, enums: [...(design.enums ?? []), edit.enumType] };
    case 'updateEnum':
      return {
        ...design,
        enums: (design.enums ?? []).map((enumType) =>
          enumType.id === edit.enumId ? { ...enumType, ...edit.patch } : enumType,
        ),
      };
    case 'deleteEnum':
      return deleteEnum(design, edit.enumId);
    case 'setGroup':
      return withUi(design, { groups: upsert(groupsOf(design), edit.group) });
    case 'deleteGroup':
      return withUi(design, { groups: groupsOf(design).filter((group) => group.id !== edit.groupId) });
    case 'setNote':
      return withUi(design, { notes: upsert(notesOf(design), edit.note) });
    case 'deleteNote':
      return withUi(design, { notes: notesOf(design).filter((note) => note.id !== edit.noteId) });
    case 'replace':
      return edit.design;
  }
}

/** The table groups kept in the design's `ui` (anything malformed there is ignored, not trusted). */
export function groupsOf(design: Design): TableGroup[] {
  const groups = design.ui?.groups;
  return Array.isArray(groups) ? groups.filter(isGroup) : [];
}

/** The canvas notes kept in the design's `ui`. */
export function notesOf(design: Design): CanvasNote[] {
  const notes = design.ui?.notes;
  return Array.isArray(notes) ? notes.filter(isNote) : [];
}

function mapTable(design: Design, tableId: string, change: (table: TableDocument) => TableDocument): Design {
  return { ...design, tables: design.tables.map((table) => (table.id === tableId ? change(table) : table)) };
}

function insertAt<T>(items: readonly T[], item: T, at: number): T[] {
  const index = Math.max(0, Math.min(at, items.length));
  return [...items.slice(0, index), item, ...items.slice(index)];
}

function upsert<T extends { id: string }>(items: readonly T[], item: T): T[] {
  return items.some((existing) => existing.id === item.id)
    ? items.map((existing) => (existing.id === item.id ? item : existing))
    : [...items, item];
}

function withUi(design: Design, patch: Record<string, unknown>): Design {
  return { ...design, ui: { ...(design.ui ?? {}), ...patch } };
}

/** The tables go, with every foreign key from or to them and their places in groups. */
function deleteTables(design: Design, tableIds: ReadonlySet<string>): Design {
  const groups = groupsOf(design);
  const next: Design = {
    ...design,
    tables: design.tables.filter((table) => !tableIds.has(table.id)),
    foreignKeys: (design.foreignKeys ?? []).filter(
      (key) => !tableIds.has(key.sourceTableId) && !tableIds.has(key.targetTableId),
    ),
  };
  if (groups.length === 0) return next;
  return withUi(next, {
    groups: groups.map((group) => ({ ...group, tableIds: group.tableIds.filter((id) => !tableIds.has(id)) })),
  });
}

/** The column goes, with the foreign keys that use it; indexes lose it (and go when left empty). */
function deleteColumn(design: Design, tableId: string, columnId: string): Design {
  const table = design.tables.find((candidate) => candidate.id === tableId);
  const column = table?.columns.find((candidate) => candidate.id === columnId);
  if (!table || !column) return design;
  const uses = (key: ForeignKeyDocument, side: 'source' | 'target') => {
    const keyTable = side === 'source' ? key.sourceTableId : key.targetTableId;
    if (keyTable !== tableId) return false;
    const single = side === 'source' ? key.sourceColumnId : key.targetColumnId;
    const many = side === 'source' ? key.sourceColumnIds : key.targetColumnIds;
    return single === columnId || (many ?? []).includes(columnId);
  };
  const inIndex = (name: string) => name === columnId || name === column.name;
  const withoutColumn = mapTable(design, tableId, (current) => ({
    ...current,
    columns: current.columns.filter((candidate) => candidate.id !== columnId),
    indexes: (current.indexes ?? [])
      .map((index) => ({
        ...index,
        columns: index.columns.filter((name) => !inIndex(name)),
        ...(index.keys
          ? { keys: index.keys.filter((key) => key.column == null || !inIndex(key.column)) }
          : {}),
      }))
      .filter((index) => index.columns.length > 0 || (index.keys ?? []).length > 0),
  }));
  return {
    ...withoutColumn,
    foreignKeys: (design.foreignKeys ?? []).filter((key) => !uses(key, 'source') && !uses(key, 'target')),
  };
}

/** The enum goes; columns of that type become TEXT, which holds every value they held. */
function deleteEnum(design: Design, enumId: string): Design {
  return {
    ...design,
    enums: (design.enums ?? []).filter((enumType) => enumType.id !== enumId),
    tables: design.tables.map((table) =>
      table.columns.some((column) => column.enumId === enumId)
        ? {
            ...table,
            columns: table.columns.map((column) =>
              column.enumId === enumId ? { ...column, dataType: 'TEXT', enumId: null } : column,
            ),
          }
        : table,
    ),
  };
}

function isGroup(value: unknown): value is TableGroup {
  if (typeof value !== 'object' || value === null) return false;
  const group = value as Partial<TableGroup>;
  return (
    typeof group.id === 'string' &&
    typeof group.name === 'string' &&
    typeof group.color === 'string' &&
    Array.isArray(group.tableIds) &&
    group.tableIds.every((id) => typeof id === 'string')
  );
}

function isNote(value: unknown): value is CanvasNote {
  if (typeof value !== 'object' || value === null) return false;
  const note = value as Partial<CanvasNote>;
  return (
    typeof note.id === 'string' &&
    typeof note.text === 'string' &&
    typeof note.position?.x === 'number' &&
    typeof note.position.y === 'number'
  );
}

import type { ColumnDocument, DesignDocument, EnumDocument, TableDocument } from './document.ts';

/** Id and name look-ups over a document, built once and shared by validation and normalization. */
export interface DocumentLookup {
  tableById: Map<string, { table: TableDocument; index: number }>;
  enumById: Map<string, { enumType: EnumDocument; index: number }>;
  /** The column a reference names within a table: by id first, then by name. */
  column(table: TableDocument, ref: string): ColumnDocument | undefined;
  columnById(table: TableDocument, columnId: string): ColumnDocument | undefined;
}

export function buildLookup(doc: DesignDocument): DocumentLookup {
  const tableById = new Map<string, { table: TableDocument; index: number }>();
  doc.tables.forEach((table, index) => {
    if (!tableById.has(table.id)) tableById.set(table.id, { table, index });
  });
  const enumById = new Map<string, { enumType: EnumDocument; index: number }>();
  (doc.enums ?? []).forEach((enumType, index) => {
    if (!enumById.has(enumType.id)) enumById.set(enumType.id, { enumType, index });
  });

  const byTable = new WeakMap<
    TableDocument,
    { ids: Map<string, ColumnDocument>; names: Map<string, ColumnDocument> }
  >();
  const columnsOf = (table: TableDocument) => {
    let entry = byTable.get(table);
    if (!entry) {
      entry = { ids: new Map(), names: new Map() };
      for (const column of table.columns) {
        if (!entry.ids.has(column.id)) entry.ids.set(column.id, column);
        if (!entry.names.has(column.name)) entry.names.set(column.name, column);
      }
      byTable.set(table, entry);
    }
    return entry;
  };

  return {
    tableById,
    enumById,
    column: (table, ref) => columnsOf(table).ids.get(ref) ?? columnsOf(table).names.get(ref),
    columnById: (table, columnId) => columnsOf(table).ids.get(columnId),
  };
}

/** The column ids a foreign key names on each side: the composite arrays, or the single ids. */
export function foreignKeyColumnRefs(fk: {
  sourceColumnId?: string | null;
  targetColumnId?: string | null;
  sourceColumnIds?: string[] | null;
  targetColumnIds?: string[] | null;
}): { source: string[]; target: string[] } {
  const source = fk.sourceColumnIds?.length
    ? fk.sourceColumnIds
    : fk.sourceColumnId
      ? [fk.sourceColumnId]
      : [];
  const target = fk.targetColumnIds?.length
    ? fk.targetColumnIds
    : fk.targetColumnId
      ? [fk.targetColumnId]
      : [];
  return { source, target };
}

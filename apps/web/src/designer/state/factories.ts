import type { ColumnDocument, ForeignKeyDocument, TableDocument } from '@schema-builder/schema-model/design';
import type { Design, Edit, Position } from './edits.ts';
import { freeName, newId } from './ids.ts';

/** Where a copy lands relative to its original, so both stay visible. */
const COPY_OFFSET = 40;

/** A new table with an identity primary key `id`, named freely beside the others. */
export function newTable(design: Design, position: Position, name = 'table'): TableDocument {
  return {
    id: newId('t'),
    name: freeName(
      name,
      design.tables.map((table) => table.name),
    ),
    position,
    columns: [
      {
        id: newId('c'),
        name: 'id',
        dataType: 'BIGINT',
        primaryKey: true,
        autoIncrement: true,
        nullable: false,
      },
    ],
    indexes: [],
  };
}

/** A new nullable TEXT column, named freely within the table. */
export function newColumn(table: TableDocument, name = 'column'): ColumnDocument {
  return {
    id: newId('c'),
    name: freeName(
      name,
      table.columns.map((column) => column.name),
    ),
    dataType: 'TEXT',
    nullable: true,
  };
}

/** What copy puts aside: the tables and the foreign keys among them (not those leading out). */
export interface Clipboard {
  tables: TableDocument[];
  foreignKeys: ForeignKeyDocument[];
}

export function copyTables(design: Design, tableIds: readonly string[]): Clipboard {
  const chosen = new Set(tableIds);
  return {
    tables: design.tables.filter((table) => chosen.has(table.id)),
    foreignKeys: (design.foreignKeys ?? []).filter(
      (key) => chosen.has(key.sourceTableId) && chosen.has(key.targetTableId),
    ),
  };
}

/**
 * The edit that pastes `clipboard` into `design`: every table, column, index and foreign key
 * gets a new id (the copies are new objects, and a design may be pasted into itself), table and index
 * names are made free, and the copies are placed beside the originals.
 */
export function pasteTables(design: Design, clipboard: Clipboard): Edit {
  const tableIds = new Map<string, string>();
  const columnIds = new Map<string, string>();
  const names = design.tables.map((table) => table.name);
  // Index names are unique in the whole schema: `orders_customer_idx` of a copy `orders_2`
  // becomes `orders_2_customer_idx`.
  const indexNames = design.tables.flatMap((table) => (table.indexes ?? []).map((index) => index.name));
  const indexName = (original: string, from: string, to: string) => {
    const name = freeName(
      original.startsWith(from) ? to + original.slice(from.length) : original,
      indexNames,
    );
    indexNames.push(name);
    return name;
  };
  const tables = clipboard.tables.map((table) => {
    const id = newId('t');
    tableIds.set(table.id, id);
    const name = freeName(table.name, names);
    names.push(name);
    const columns = table.columns.map((column) => {
      const columnId = newId('c');
      columnIds.set(`${table.id}/${column.id}`, columnId);
      return { ...column, id: columnId };
    });
    const renamed = (reference: string) => columnIds.get(`${table.id}/${reference}`) ?? reference;
    return {
      ...table,
      id,
      name,
      columns,
      indexes: (table.indexes ?? []).map((index) => ({
        ...index,
        id: newId('i'),
        name: indexName(index.name, table.name, name),
        columns: index.columns.map(renamed),
        ...(index.keys
          ? {
              keys: index.keys.map((key) =>
                key.column == null ? key : { ...key, column: renamed(key.column) },
              ),
            }
          : {}),
      })),
      position: table.position
        ? { x: table.position.x + COPY_OFFSET, y: table.position.y + COPY_OFFSET }
        : table.position,
    };
  });
  const column = (table: string, reference: string | null | undefined) =>
    reference == null ? reference : (columnIds.get(`${table}/${reference}`) ?? reference);
  const foreignKeys = clipboard.foreignKeys.map((key) => ({
    ...key,
    id: newId('fk'),
    name: null,
    sourceTableId: tableIds.get(key.sourceTableId) ?? key.sourceTableId,
    targetTableId: tableIds.get(key.targetTableId) ?? key.targetTableId,
    sourceColumnId: column(key.sourceTableId, key.sourceColumnId),
    targetColumnId: column(key.targetTableId, key.targetColumnId),
    sourceColumnIds: key.sourceColumnIds?.map((id) => column(key.sourceTableId, id) ?? id) ?? null,
    targetColumnIds: key.targetColumnIds?.map((id) => column(key.targetTableId, id) ?? id) ?? null,
  }));
  return { kind: 'addTables', tables, foreignKeys };
}

/** Duplicate: copy and paste of one table. */
export function duplicateTable(design: Design, tableId: string): Edit {
  return pasteTables(design, copyTables(design, [tableId]));
}

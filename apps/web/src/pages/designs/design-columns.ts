import type { ColumnDocument, DesignDocument } from '@schema-builder/schema-model/design';

/** What a column is, written out for the overview: its type and the keys and rules on it. */
export interface ColumnFacts {
  type: string;
  primaryKey: boolean;
  /** "orders.id" for each column this one references. */
  references: string[];
  unique: boolean;
  notNull: boolean;
  defaultValue: string | undefined;
}

/** The facts of every column of a design, by `tableId:columnId`. */
export function columnFactsOf(design: DesignDocument): Map<string, ColumnFacts> {
  const tables = new Map(design.tables.map((table) => [table.id, table]));
  const enums = new Map((design.enums ?? []).map((entry) => [entry.id, entry.name]));
  const references = new Map<string, string[]>();
  for (const key of design.foreignKeys ?? []) {
    const sources = key.sourceColumnIds ?? (key.sourceColumnId ? [key.sourceColumnId] : []);
    const targets = key.targetColumnIds ?? (key.targetColumnId ? [key.targetColumnId] : []);
    const target = tables.get(key.targetTableId);
    sources.forEach((source, index) => {
      const targetColumnId = targets[index];
      const targetColumn = target?.columns.find((column) => column.id === targetColumnId);
      const label = `${target?.name ?? key.targetTableId}.${targetColumn?.name ?? targetColumnId ?? '?'}`;
      const at = `${key.sourceTableId}:${source}`;
      references.set(at, [...(references.get(at) ?? []), label]);
    });
  }
  const facts = new Map<string, ColumnFacts>();
  for (const table of design.tables) {
    for (const column of table.columns) {
      const primaryKey = column.primaryKey === true;
      facts.set(`${table.id}:${column.id}`, {
        type: typeOf(column, enums),
        primaryKey,
        references: references.get(`${table.id}:${column.id}`) ?? [],
        unique: column.unique === true,
        notNull: primaryKey || column.nullable === false,
        defaultValue: defaultOf(column),
      });
    }
  }
  return facts;
}

function typeOf(column: ColumnDocument, enums: Map<string, string>): string {
  const element = elementTypeOf(column, enums);
  return column.array === true ? `${element}[]` : element;
}

function elementTypeOf(column: ColumnDocument, enums: Map<string, string>): string {
  const type = `${column.dataType.toUpperCase()}${column.unsigned === true ? ' UNSIGNED' : ''}`;
  if (type === 'ENUM' && column.enumId) return `ENUM ${enums.get(column.enumId) ?? column.enumId}`;
  if (column.length != null) return `${type}(${column.length})`;
  if (column.precision != null)
    return column.scale != null
      ? `${type}(${column.precision}, ${column.scale})`
      : `${type}(${column.precision})`;
  return column.autoIncrement ? `${type}, auto-increment` : type;
}

function defaultOf(column: ColumnDocument): string | undefined {
  const value = column.defaultValue;
  if (value === undefined || value === null) return undefined;
  return typeof value === 'string' ? value : JSON.stringify(value);
}

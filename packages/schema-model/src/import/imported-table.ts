import type { ColumnDocument, TableDocument } from '../design/document.ts';
import type { IntrospectedTable } from './catalog.ts';
import type { Namespace } from './names.ts';

/** A table as imported, with what the foreign keys need to resolve and check themselves. */
export interface ImportedTable {
  source: IntrospectedTable;
  document: TableDocument;
  /** Database column name → document column. */
  columns: Map<string, ColumnDocument>;
  /** Column-id sets (sorted, joined) that are unique: the primary key, unique columns, unique indexes. */
  uniqueKeys: Set<string>;
  /** Foreign-key names are unique per table. */
  constraintNames: Namespace;
}

export const keyOf = (ids: readonly string[]): string => [...ids].sort().join('\u0000');

/** The document columns of these database column names, or undefined when one is missing. */
export function resolveColumns(table: ImportedTable, names: readonly string[]): ColumnDocument[] | undefined {
  const resolved = names.flatMap((name) => {
    const column = table.columns.get(name);
    return column ? [column] : [];
  });
  return resolved.length === names.length ? resolved : undefined;
}

import type { Design } from '../design/model.ts';

/** What a live database says it has: tables of its schema with their columns, in order. */
export interface CatalogTable {
  name: string;
  columns: ReadonlyArray<{ name: string; nullable: boolean }>;
}

export type CatalogMismatchCode =
  | 'TABLE_MISSING'
  | 'TABLE_UNEXPECTED'
  | 'COLUMN_MISSING'
  | 'COLUMN_UNEXPECTED'
  | 'NULLABILITY_DIFFERS';

export interface CatalogMismatch {
  code: CatalogMismatchCode;
  table: string;
  column?: string;
  message: string;
}

/**
 * Whether a database's tables and columns are the design's: every table and column by name,
 * and each column's nullability. Empty when they match. Pure, so a status report can say what
 * the catalog holds instead of what a job claimed to have built.
 */
export function compareWithCatalog(design: Design, catalog: readonly CatalogTable[]): CatalogMismatch[] {
  const mismatches: CatalogMismatch[] = [];
  const live = new Map(catalog.map((table) => [table.name, table]));
  for (const table of design.tables) {
    const found = live.get(table.name);
    live.delete(table.name);
    if (!found) {
      mismatches.push({
        code: 'TABLE_MISSING',
        table: table.name,
        message: `table ${table.name} is missing`,
      });
      continue;
    }
    const columns = new Map(found.columns.map((column) => [column.name, column]));
    for (const column of table.columns) {
      const liveColumn = columns.get(column.name);
      columns.delete(column.name);
      const at = `${table.name}.${column.name}`;
      if (!liveColumn) {
        mismatches.push({
          code: 'COLUMN_MISSING',
          table: table.name,
          column: column.name,
          message: `column ${at} is missing`,
        });
      } else if (liveColumn.nullable !== column.nullable) {
        mismatches.push({
          code: 'NULLABILITY_DIFFERS',
          table: table.name,
          column: column.name,
          message: `column ${at} is ${liveColumn.nullable ? 'nullable' : 'NOT NULL'} in the database, ${column.nullable ? 'nullable' : 'NOT NULL'} in the design`,
        });
      }
    }
    for (const extra of columns.keys())
      mismatches.push({
        code: 'COLUMN_UNEXPECTED',
        table: table.name,
        column: extra,
        message: `column ${table.name}.${extra} is not in the design`,
      });
  }
  for (const extra of live.keys())
    mismatches.push({
      code: 'TABLE_UNEXPECTED',
      table: extra,
      message: `table ${extra} is not in the design`,
    });
  return mismatches;
}

import type { Design } from '../design/model.ts';
import { sameQuery } from '../sql-expression/compare-query.ts';

/** What a live database says it has: tables with their columns, in order. */
export interface CatalogTable {
  /** The table's schema when it is not the default one (`public`). */
  schema?: string;
  name: string;
  columns: ReadonlyArray<{ name: string; nullable: boolean }>;
}

export type CatalogMismatchCode =
  | 'SCHEMA_MISSING'
  | 'SCHEMA_UNEXPECTED'
  | 'TABLE_MISSING'
  | 'TABLE_UNEXPECTED'
  | 'COLUMN_MISSING'
  | 'COLUMN_UNEXPECTED'
  | 'NULLABILITY_DIFFERS'
  | 'VIEW_MISSING'
  | 'VIEW_UNEXPECTED'
  | 'VIEW_DIFFERS';

/** A view of the live schema with PostgreSQL's text of its query (`pg_get_viewdef`). */
export interface CatalogView {
  name: string;
  definition: string;
}

export interface CatalogMismatch {
  code: CatalogMismatchCode;
  /** The table, `schema.table` outside the default schema (the schema alone for SCHEMA_*), or the view for the VIEW_ codes. */
  table: string;
  column?: string;
  message: string;
}

/**
 * Whether a database's tables and columns are the design's: every table (in its schema) and
 * column by name, and each column's nullability; with `liveSchemas` (the database's schemas
 * besides the default and PostgreSQL's own), its schemas too. When the live views are given, its views
 * and their queries too. Empty when they match. Pure, so a
 * status report can say what the catalog holds instead of what a job claimed to have built.
 */
export function compareWithCatalog(
  design: Design,
  catalog: readonly CatalogTable[],
  liveSchemas?: readonly string[],
  views?: readonly CatalogView[],
): CatalogMismatch[] {
  const mismatches: CatalogMismatch[] = [];
  const schemaNames = new Map((design.schemas ?? []).map((s) => [s.id, s.name]));
  if (liveSchemas !== undefined) {
    const wanted = new Set(schemaNames.values());
    for (const name of wanted)
      if (!liveSchemas.includes(name))
        mismatches.push({ code: 'SCHEMA_MISSING', table: name, message: `schema ${name} is missing` });
    for (const name of liveSchemas)
      if (!wanted.has(name))
        mismatches.push({
          code: 'SCHEMA_UNEXPECTED',
          table: name,
          message: `schema ${name} is not in the design`,
        });
  }
  const label = (schema: string | undefined, name: string) =>
    schema === undefined ? name : `${schema}.${name}`;
  const live = new Map(catalog.map((table) => [label(table.schema, table.name), table]));
  for (const designTable of design.tables) {
    const key = label(
      designTable.schemaId === undefined ? undefined : schemaNames.get(designTable.schemaId),
      designTable.name,
    );
    // Messages name the table as `schema.table` outside the default schema.
    const table = { ...designTable, name: key };
    const found = live.get(key);
    live.delete(key);
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
  if (views !== undefined) mismatches.push(...compareViews(design, views));
  return mismatches;
}

/**
 * The views by name, and each one's query: PostgreSQL writes a view's query anew, so the two
 * texts are compared as parse trees (`sameQuery`), not as text.
 */
function compareViews(design: Design, catalog: readonly CatalogView[]): CatalogMismatch[] {
  const mismatches: CatalogMismatch[] = [];
  const live = new Map(catalog.map((view) => [view.name, view]));
  for (const view of design.views ?? []) {
    const found = live.get(view.name);
    live.delete(view.name);
    if (!found)
      mismatches.push({ code: 'VIEW_MISSING', table: view.name, message: `view ${view.name} is missing` });
    else if (!sameQuery(view.definition, found.definition))
      mismatches.push({
        code: 'VIEW_DIFFERS',
        table: view.name,
        message: `view ${view.name} has another query in the database than in the design`,
      });
  }
  for (const extra of live.keys())
    mismatches.push({ code: 'VIEW_UNEXPECTED', table: extra, message: `view ${extra} is not in the design` });
  return mismatches;
}

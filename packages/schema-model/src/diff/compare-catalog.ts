import { indexDesign } from '../ddl/design-index.ts';
import { assignNames } from '../ddl/naming.ts';
import type { Design } from '../design/model.ts';

/** What a live database says it has: tables of its schema with their columns, in order. */
export interface CatalogTable {
  name: string;
  columns: ReadonlyArray<{ name: string; nullable: boolean }>;
  /** The names of its CHECK constraints, when the reader reads them (then they are compared too). */
  checks?: ReadonlyArray<{ name: string }>;
}

export type CatalogMismatchCode =
  | 'TABLE_MISSING'
  | 'TABLE_UNEXPECTED'
  | 'COLUMN_MISSING'
  | 'COLUMN_UNEXPECTED'
  | 'NULLABILITY_DIFFERS'
  | 'CHECK_MISSING'
  | 'CHECK_UNEXPECTED';

export interface CatalogMismatch {
  code: CatalogMismatchCode;
  table: string;
  column?: string;
  message: string;
}

/**
 * Whether a database's tables and columns are the design's: every table and column by name,
 * each column's nullability, and (when the catalog lists them) its checks by the names the DDL
 * gives them. Empty when they match. Pure, so a status report can say what
 * the catalog holds instead of what a job claimed to have built.
 */
export function compareWithCatalog(design: Design, catalog: readonly CatalogTable[]): CatalogMismatch[] {
  const mismatches: CatalogMismatch[] = [];
  const live = new Map(catalog.map((table) => [table.name, table]));
  const checkNames = assignNames(design, indexDesign(design)).tables.map((names) => names.checks ?? []);
  design.tables.forEach((table, t) => {
    const found = live.get(table.name);
    if (found?.checks !== undefined)
      mismatches.push(...compareChecks(table.name, checkNames[t] ?? [], found.checks));
  });
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

function compareChecks(
  table: string,
  expected: readonly string[],
  found: ReadonlyArray<{ name: string }>,
): CatalogMismatch[] {
  const mismatches: CatalogMismatch[] = [];
  const names = new Set(found.map((check) => check.name));
  for (const name of expected) {
    if (names.delete(name)) continue;
    mismatches.push({
      code: 'CHECK_MISSING',
      table,
      message: `check ${name} on ${table} is missing`,
    });
  }
  for (const name of names)
    mismatches.push({
      code: 'CHECK_UNEXPECTED',
      table,
      message: `check ${name} on ${table} is not in the design`,
    });
  return mismatches;
}

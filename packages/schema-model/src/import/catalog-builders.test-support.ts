import type { ColumnDocument, DesignDocument, TableDocument } from '../design/document.ts';
import { parseDesign } from '../validation/parse.ts';
import type {
  IntrospectedCatalog,
  IntrospectedColumn,
  IntrospectedForeignKey,
  IntrospectedIndex,
  IntrospectedTable,
} from './catalog.ts';
import type { CatalogImport, CatalogToDesignOptions } from './to-design.ts';
import { catalogToDesign } from './to-design.ts';

/** Shared by the import tests: catalogs built by hand, as small as each test needs. */
export function column(
  name: string,
  nativeType: string,
  extra: Partial<IntrospectedColumn> = {},
): IntrospectedColumn {
  return { name, nativeType, nullable: true, default: null, autoIncrement: false, comment: null, ...extra };
}

export function table(
  name: string,
  columns: IntrospectedColumn[],
  extra: Partial<IntrospectedTable> = {},
): IntrospectedTable {
  return {
    name,
    comment: null,
    columns,
    primaryKey: null,
    uniqueConstraints: [],
    indexes: [],
    foreignKeys: [],
    ...extra,
  };
}

export function index(
  name: string,
  columns: string[],
  extra: Partial<IntrospectedIndex> = {},
): IntrospectedIndex {
  return {
    name,
    columns,
    unique: false,
    partial: false,
    expression: false,
    method: null,
    options: [],
    definition: null,
    ...extra,
  };
}

export function foreignKey(
  name: string | null,
  columns: string[],
  refTable: string,
  refColumns: string[],
  extra: Partial<IntrospectedForeignKey> = {},
): IntrospectedForeignKey {
  return {
    name,
    columns,
    refSchema: null,
    refTable,
    refColumns,
    onDelete: 'NO ACTION',
    onUpdate: 'NO ACTION',
    options: [],
    ...extra,
  };
}

export function catalog(
  tables: IntrospectedTable[],
  extra: Partial<IntrospectedCatalog> = {},
): IntrospectedCatalog {
  return { schema: 'public', tables, enums: [], unsupported: [], ...extra };
}

/** `id` as the primary key, the usual first column. */
export const idKey = (columns: string[] = ['id']) => ({ primaryKey: { name: null, columns } });

/**
 * Imports `source` and checks what every import promises: a document the service accepts as is
 * (shape and rules, no errors). Throws with the errors otherwise.
 */
export function importValid(
  source: IntrospectedCatalog,
  dialect: CatalogToDesignOptions['dialect'] = 'postgresql',
) {
  const result = catalogToDesign(source, { name: 'imported', dialect });
  const parsed = parseDesign(result.document);
  if (parsed.report.errors.length > 0) {
    throw new Error(`the imported design is invalid: ${JSON.stringify(parsed.report.errors, null, 2)}`);
  }
  return result;
}

/** `CODE path` of every warning, for compact assertions. */
export const codes = (result: CatalogImport): string[] =>
  result.warnings.map((warning) => `${warning.code} ${warning.path}`);

export function tableOf(document: DesignDocument, name: string): TableDocument {
  const found = document.tables.find((t) => t.name === name);
  if (!found) throw new Error(`no table ${name}`);
  return found;
}

export function columnOf(document: DesignDocument, tableName: string, name: string): ColumnDocument {
  const found = tableOf(document, tableName).columns.find((c) => c.name === name);
  if (!found) throw new Error(`no column ${tableName}.${name}`);
  return found;
}

import type { DesignDocument } from '../design/document.ts';
import type { IntrospectedCatalog } from './catalog.ts';
import { createImportContext, q } from './context.ts';
import { importCatalogEnums } from './enums.ts';
import { importForeignKeys } from './foreign-keys.ts';
import type { ImportedTable } from './imported-table.ts';
import { legalName } from './names.ts';
import { soleSequenceUsers } from './sequences.ts';
import { importTable } from './tables.ts';
import type { ImportDialect } from './type-mapping.ts';
import { warnUnsupported } from './unsupported.ts';
import { importViews } from './views.ts';
import type { ImportWarning } from './warnings.ts';

export interface CatalogToDesignOptions {
  /** The design's name. */
  name: string;
  /** The dialect the catalog was read from: it decides how native types and defaults read. */
  dialect: ImportDialect;
}

export interface CatalogImport {
  /** A document that passes `validateDesign` without errors (warnings are possible). */
  document: DesignDocument;
  /** What the database has that the document does not hold, or holds differently. */
  warnings: ImportWarning[];
}

const DIALECT_NAMES: Readonly<Record<ImportDialect, string>> = {
  postgresql: 'PostgreSQL schema',
  mysql: 'MySQL database',
  sqlite: 'SQLite database',
  mongodb: 'MongoDB database',
};

/**
 * The design of an introspected database. Pure and deterministic: the same catalog gives the
 * same document with the same ids (`t_<table>`, `c_<table>_<column>`, `e_<enum>`,
 * `i_<table>_<index>`, `fk_<table>_<name>`), so a re-import lines up with the previous one.
 * Nothing the design cannot express makes it fail: it is left out or approximated, and each
 * such loss is a warning.
 */
export function catalogToDesign(
  catalog: IntrospectedCatalog,
  options: CatalogToDesignOptions,
): CatalogImport {
  const soleUserOf = options.dialect === 'postgresql' ? soleSequenceUsers(catalog) : undefined;
  const ctx = createImportContext(options.dialect, catalog.schema, soleUserOf);

  // Table names first: enums and indexes must keep clear of them, not the other way round.
  const names = new Map<string, string>();
  for (const table of catalog.tables) {
    if (table.columns.length === 0) {
      ctx.warn(
        'TABLE_WITHOUT_COLUMNS',
        ['tables', table.name],
        `Table ${q(table.name)} has no columns; a design table needs at least one, so it is not imported.`,
      );
      continue;
    }
    const legal = legalName(table.name, 'relation');
    const name = ctx.relations.claim(legal.name);
    ctx.types.add(name);
    names.set(table.name, name);
    if (name !== table.name) {
      ctx.warn(
        'NAME_CHANGED',
        ['tables', table.name],
        `Table ${q(table.name)} is imported as ${q(name)} because ${legal.reason ?? 'the name is taken'}.`,
      );
    }
  }
  importCatalogEnums(ctx, catalog.enums);

  const tables = new Map<string, ImportedTable>();
  for (const table of catalog.tables) {
    const name = names.get(table.name);
    if (name !== undefined) tables.set(table.name, importTable(ctx, table, name, tables.size));
  }
  const foreignKeys = importForeignKeys(ctx, tables);
  const columnNames = new Set(catalog.tables.flatMap((table) => table.columns.map((column) => column.name)));
  const views = importViews(ctx, catalog.views ?? [], names, columnNames);
  warnUnsupported(ctx, catalog.unsupported);

  const document: DesignDocument = {
    name: options.name.trim().slice(0, 200) || catalog.schema || 'imported',
    description: `Imported from the ${DIALECT_NAMES[options.dialect]} ${q(catalog.schema)}.`,
    version: '1.0',
    enums: ctx.enums,
    tables: [...tables.values()].map((table) => table.document),
    foreignKeys,
    ...(views.length > 0 ? { views } : {}),
  };
  return { document, warnings: ctx.warnings };
}

import type { DesignDocument, SchemaEntryDocument } from '../design/document.ts';
import type { IntrospectedCatalog, IntrospectedEnum, IntrospectedTable } from './catalog.ts';
import type { ImportContext } from './context.ts';
import { createImportContext, importComment, q } from './context.ts';
import { importCatalogEnums } from './enums.ts';
import { importForeignKeys } from './foreign-keys.ts';
import type { ImportedTable } from './imported-table.ts';
import { legalName, PrefixedIdAllocator } from './names.ts';
import { soleSequenceUsers } from './sequences.ts';
import { importTable } from './tables.ts';
import { absorbTypeChecks } from './type-checks.ts';
import type { ImportDialect } from './type-mapping.ts';
import { warnUnsupported } from './unsupported.ts';
import { importViews, viewColumnTypes } from './views.ts';
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
export function catalogToDesign(read: IntrospectedCatalog, options: CatalogToDesignOptions): CatalogImport {
  const catalog = absorbTypeChecks(read, options.dialect);
  const soleUserOf = options.dialect === 'postgresql' ? soleSequenceUsers(catalog) : undefined;
  const ctx = createImportContext(options.dialect, catalog.schema, soleUserOf);
  // Each schema read besides the default one imports into a context of its own (its own
  // namespaces; ids and warnings shared), and tables and enums reach across by schema name.
  const parts = schemaParts(ctx, catalog);
  const bySchema = new Map(parts.map((part) => [part.schema, part]));
  for (const part of parts) {
    part.ctx.tablesIn = (schema) => bySchema.get(schema)?.tables;
    part.ctx.enumIn = (schema, name) => bySchema.get(schema)?.ctx.enumByName.get(name);
  }

  // Table names first: enums and indexes must keep clear of them, not the other way round.
  for (const part of parts) claimTableNames(part);
  for (const part of parts) importCatalogEnums(part.ctx, part.enums);
  let position = 0;
  for (const part of parts) {
    for (const table of part.sourceTables) {
      const name = part.names.get(table.name);
      if (name === undefined) continue;
      const imported = importTable(part.ctx, table, name, position++);
      if (part.schemaId !== undefined) imported.document.schemaId = part.schemaId;
      part.tables.set(table.name, imported);
    }
  }
  const foreignKeys = parts.flatMap((part) => importForeignKeys(part.ctx, part.tables));
  // Views are the default schema's (views of the other schemas are reported by the introspector).
  const home = parts[0];
  const columnTypes = viewColumnTypes(home?.sourceTables ?? []);
  const views = home ? importViews(home.ctx, catalog.views ?? [], home.names, columnTypes) : [];
  // The citext extension of a schema with CITEXT columns is recreated by the design's DDL.
  const usesCitext = parts.some((part) =>
    [...part.tables.values()].some((table) =>
      table.document.columns.some((column) => column.dataType === 'CITEXT'),
    ),
  );
  warnUnsupported(
    ctx,
    usesCitext
      ? catalog.unsupported.filter((object) => !(object.kind === 'extension' && object.name === 'citext'))
      : catalog.unsupported,
  );

  const others = parts.filter((part) => part.schemaId !== undefined);
  const also =
    others.length === 0 ? '' : ` and the schemas ${others.map((part) => q(part.schema)).join(', ')}`;
  const document: DesignDocument = {
    name: options.name.trim().slice(0, 200) || catalog.schema || 'imported',
    description: `Imported from the ${DIALECT_NAMES[options.dialect]} ${q(catalog.schema)}${also}.`,
    version: '1.0',
    enums: parts.flatMap((part) =>
      part.ctx.enums.map((e) => (part.schemaId === undefined ? e : { ...e, schemaId: part.schemaId })),
    ),
    tables: parts.flatMap((part) => [...part.tables.values()].map((table) => table.document)),
    foreignKeys,
    ...(views.length > 0 ? { views } : {}),
  };
  const schemas = others.map((part) => part.entry).filter((entry) => entry !== undefined);
  if (schemas.length > 0) document.schemas = schemas;
  return { document, warnings: ctx.warnings };
}

/** What one schema of the catalog imports into. */
interface SchemaPart {
  /** Its name in the database. */
  schema: string;
  /** Undefined for the catalog's own schema, the design's default one. */
  schemaId?: string;
  entry?: SchemaEntryDocument;
  ctx: ImportContext;
  sourceTables: IntrospectedTable[];
  enums: IntrospectedEnum[];
  /** Database table name → its name in the design. */
  names: Map<string, string>;
  tables: Map<string, ImportedTable>;
}

function schemaParts(ctx: ImportContext, catalog: IntrospectedCatalog): SchemaPart[] {
  const part = (schema: string, context: ImportContext): SchemaPart => ({
    schema,
    ctx: context,
    sourceTables: catalog.tables.filter((t) => (t.schema ?? catalog.schema) === schema),
    enums: catalog.enums.filter((e) => (e.schema ?? catalog.schema) === schema),
    names: new Map(),
    tables: new Map(),
  });
  const parts = [part(catalog.schema, ctx)];
  for (const source of catalog.schemas ?? []) {
    if (source.name === catalog.schema) continue;
    const schemaId = ctx.ids.claim(`s_${source.name}`);
    const entry: SchemaEntryDocument = { id: schemaId, name: source.name };
    const comment = importComment(ctx, source.comment, ['schemas', source.name]);
    if (comment) entry.comment = comment;
    parts.push({ ...part(source.name, schemaContext(ctx, source.name)), schemaId, entry });
  }
  return parts;
}

/**
 * A context for another schema: namespaces of its own, ids prefixed with the schema's name
 * (`sales.t_orders`, so the default schema's ids stay as a one-schema import gives them), and
 * warnings into the shared list with the table or enum named `schema.name` in their path.
 */
function schemaContext(base: ImportContext, schema: string): ImportContext {
  const own = createImportContext(base.dialect, schema, base.soleUserOf);
  return {
    ...own,
    ids: new PrefixedIdAllocator(base.ids, `${schema}.`),
    warnings: base.warnings,
    warn(code, path, message) {
      const [head, name, ...rest] = path;
      const qualified =
        (head === 'tables' || head === 'enums') && name !== undefined
          ? [head, `${schema}.${name}`, ...rest]
          : path;
      base.warn(code, qualified, message);
    },
  };
}

function claimTableNames({ ctx, sourceTables, names }: SchemaPart): void {
  for (const table of sourceTables) {
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
}

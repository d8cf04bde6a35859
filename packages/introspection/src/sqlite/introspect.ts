import type { ReferentialAction } from '@schema-builder/schema-model/design';
import { REFERENTIAL_ACTIONS } from '@schema-builder/schema-model/design';
import type {
  IntrospectedCatalog,
  IntrospectedIndex,
  IntrospectedTable,
  IntrospectedView,
  UnsupportedObject,
} from '@schema-builder/schema-model/import';
import type { Database } from 'better-sqlite3';
import { sqliteChecks } from './checks.ts';
import { sqliteGeneratedColumns, sqliteIndexParts } from './expressions.ts';
import type {
  ColumnRow,
  ForeignKeyRow,
  IndexColumnRow,
  IndexRow,
  SchemaRow,
  TableListRow,
} from './pragmas.ts';
import { readSqlite } from './pragmas.ts';

/**
 * Reads the `main` database of a SQLite connection through its pragmas, as table-valued
 * functions (see `readSqlite`), so the whole catalog takes six statements.
 * Internal tables (`sqlite_…`), virtual tables and their shadow tables are not imported.
 */
export function introspectSqlite(db: Database): IntrospectedCatalog {
  const { list, schemaRows, plain, columns, indexes, indexColumns, foreignKeys } = readSqlite(db);

  // SQLite names are case-insensitive: a foreign key may spell its table differently.
  const canonical = new Map(plain.map((t) => [t.name.toLowerCase(), t.name]));
  const sqlOf = new Map(schemaRows.map((row) => [row.name, row.sql]));
  const unsupported = otherObjects(list, schemaRows);
  const views = readViews(schemaRows, unsupported);
  const tables = plain.map((entry): IntrospectedTable => {
    const own = columns.filter((c) => c.tbl === entry.name);
    const key = own.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk);
    const [soleKey] = key;
    // A rowid table's lone INTEGER PRIMARY KEY is the rowid: assigned automatically when omitted.
    const rowidAlias =
      entry.wr === 0 && key.length === 1 && soleKey?.type.toUpperCase() === 'INTEGER'
        ? soleKey.name
        : undefined;
    const generated = sqliteGeneratedColumns(sqlOf.get(entry.name) ?? '');
    const table: IntrospectedTable = {
      name: entry.name,
      comment: null,
      columns: own.map((c) => ({
        name: c.name,
        nativeType: c.type,
        nullable: c.notnull === 0 && c.pk === 0,
        default: c.hidden >= 2 ? null : c.dflt_value,
        autoIncrement: c.name === rowidAlias,
        ...(c.hidden >= 2
          ? {
              generated: generated.get(c.name) ?? 'an expression (GENERATED ALWAYS AS …)',
              generatedKind: c.hidden === 3 ? ('stored' as const) : ('virtual' as const),
            }
          : {}),
        comment: null,
      })),
      primaryKey: key.length > 0 ? { name: null, columns: key.map((c) => c.name) } : null,
      uniqueConstraints: [],
      indexes: [],
      foreignKeys: [],
    };
    for (const index of indexes.filter((i) => i.tbl === entry.name)) {
      const parts = indexColumns.filter((c) => c.idx === index.name);
      if (index.origin === 'u')
        table.uniqueConstraints.push({ name: null, columns: parts.map((p) => p.name ?? '') });
      else if (index.origin === 'c')
        table.indexes.push(plainIndex(index, parts, sqlOf.get(index.name) ?? null));
    }
    table.foreignKeys = foreignKeysOf(
      foreignKeys.filter((f) => f.tbl === entry.name),
      canonical,
      columns,
    );
    const checks = sqliteChecks(sqlOf.get(entry.name) ?? '').map((check) => ({
      name: check.name,
      expression: check.clause,
      ...(check.column === undefined ? {} : { column: check.column }),
      options: [],
    }));
    if (checks.length > 0) table.checks = checks;
    return table;
  });
  return { schema: 'main', tables, enums: [], views, unsupported };
}

/**
 * An index from its pragma rows, with each key (an expression's text and the predicate read from
 * its CREATE INDEX statement) when that statement reads as one key per row.
 */
function plainIndex(
  index: IndexRow,
  parts: readonly IndexColumnRow[],
  definition: string | null,
): IntrospectedIndex {
  const read = definition === null ? undefined : sqliteIndexParts(definition);
  const readable = read !== undefined && read.keys.length === parts.length;
  const keys = readable
    ? parts.map((p, k) => ({
        ...(p.cid === -2 || p.name === null ? { expression: read.keys[k] ?? '' } : { column: p.name }),
        descending: p.desc === 1,
      }))
    : undefined;
  return {
    name: index.name,
    columns: parts.map((p) => p.name ?? '(expression)'),
    unique: index.unique === 1,
    partial: index.partial === 1,
    expression: parts.some((p) => p.cid === -2),
    method: null,
    options: parts.flatMap((p) => [
      ...(p.desc === 1 && !readable ? [`${p.name ?? 'expression'} DESC`] : []),
      ...(p.coll !== null && p.coll.toUpperCase() !== 'BINARY' ? [`collation ${p.coll}`] : []),
    ]),
    definition,
    ...(keys !== undefined ? { keys } : {}),
    ...(readable && read.where !== undefined ? { where: read.where } : {}),
  };
}

const action = (text: string): ReferentialAction =>
  REFERENTIAL_ACTIONS.find((known) => known === text.toUpperCase()) ?? 'NO ACTION';

function foreignKeysOf(
  rows: readonly ForeignKeyRow[],
  canonical: ReadonlyMap<string, string>,
  columns: readonly ColumnRow[],
) {
  const byId = new Map<number, ForeignKeyRow[]>();
  for (const row of rows) byId.set(row.id, [...(byId.get(row.id) ?? []), row]);
  return [...byId.values()].map((parts) => {
    const first = parts[0];
    const refTable = canonical.get((first?.table ?? '').toLowerCase()) ?? first?.table ?? '';
    const refColumnName = (name: string) =>
      columns.find((c) => c.tbl === refTable && c.name.toLowerCase() === name.toLowerCase())?.name ?? name;
    const implicit = parts.some((p) => p.to === null);
    return {
      name: null,
      columns: parts.map((p) => p.from),
      refSchema: null,
      refTable,
      refColumns: implicit ? [] : parts.map((p) => refColumnName(p.to ?? '')),
      onDelete: action(first?.on_delete ?? ''),
      onUpdate: action(first?.on_update ?? ''),
      options: [],
    };
  });
}

/** Triggers, and virtual tables with the shadow tables that store them. */
function otherObjects(list: readonly TableListRow[], schemaRows: readonly SchemaRow[]): UnsupportedObject[] {
  const objects: UnsupportedObject[] = [];
  for (const entry of list) {
    if (entry.type === 'virtual') objects.push({ kind: 'virtual_table', name: entry.name });
    if (entry.type === 'shadow')
      objects.push({ kind: 'virtual_table', name: entry.name, detail: 'shadow table of a virtual table' });
  }
  for (const row of schemaRows) {
    if (row.type === 'trigger') objects.push({ kind: 'trigger', name: row.name, table: row.tbl_name });
  }
  return objects;
}

/**
 * `CREATE [TEMP] VIEW [IF NOT EXISTS] name AS <query>`: the query, as SQLite keeps the statement
 * that created the view. A view naming its columns (`name(a, b) AS …`) is reported instead: its
 * query alone would give other column names.
 */
const CREATE_VIEW =
  /^\s*CREATE\s+(?:TEMP(?:ORARY)?\s+)?VIEW\s+(?:IF\s+NOT\s+EXISTS\s+)?(?:"(?:[^"]|"")*"|`(?:[^`]|``)*`|\[[^\]]*\]|[^\s(]+)\s*(\()?/i;

function readViews(schemaRows: readonly SchemaRow[], unsupported: UnsupportedObject[]): IntrospectedView[] {
  const views: IntrospectedView[] = [];
  for (const row of schemaRows) {
    if (row.type !== 'view') continue;
    const match = CREATE_VIEW.exec(row.sql ?? '');
    const rest = match ? (row.sql ?? '').slice(match[0].length) : '';
    const body = /^\s*AS\s+([\s\S]*)$/i.exec(rest)?.[1];
    if (!match || match[1] !== undefined || body === undefined) {
      unsupported.push({ kind: 'view', name: row.name, detail: 'it names its columns or could not be read' });
      continue;
    }
    views.push({ name: row.name, definition: body.trim(), comment: null });
  }
  return views;
}

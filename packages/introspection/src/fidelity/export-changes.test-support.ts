import type { SqlDialect } from '@schema-builder/schema-model/ddl';
import type { ColumnType, Design } from '@schema-builder/schema-model/design';
import { queryMeaning } from '@schema-builder/schema-model/sql-expression';

/**
 * The comparison of a design with the design imported back from what its export built on a real
 * engine. It is generic on purpose: every collection of the normalized design (tables, their
 * columns and indexes, foreign keys, enums — and whatever the model grows: schemas, views,
 * checks…) is compared, element by element, matched by name, so a new part of the model is
 * measured as soon as it exists, without a change here.
 */

/** One object of a design, at its path in the design (`tables[2].columns[1]`). */
export interface DesignObject {
  path: string;
  /** The collection it belongs to: `tables`, `tables.columns`, `foreignKeys`, `views`… */
  kind: string;
  /** Its identity, by names: the same object in the other design has the same one. */
  identity: string;
  /** Its own properties, canonical (ids as names, types spelled for the dialect); not its children. */
  value: Record<string, unknown>;
  /** The path of the object it belongs to (a table, for a column). */
  parent?: string;
  /** The paths of the tables it references (a foreign key's two, a column's enum…). */
  references: string[];
}

/** A difference between a design and what its export built, at the design path it concerns. */
export interface ExportDifference {
  path: string;
  what: string;
  /** Set when the object is gone because the object it belongs to is (a table's column). */
  parentMissing?: string;
  /**
   * For a missing object: the paths of what it references that is missing too (its identity
   * names them), where a warning (a table renamed, say) names its absence as well.
   */
  references?: string[];
  /**
   * Where the design document holds it when the normalized design holds it elsewhere: a check's
   * expression (`tables[t].checks[k].expression`), a column's own check (`tables[t].columns[c].check`),
   * where the export's warnings name them.
   */
  documentPath?: string;
}

/** Normalized check paths (`tables[t].checks[k]`, column checks first) → their document paths. */
function checkDocumentPaths(design: Design): Map<string, string> {
  const out = new Map<string, string>();
  design.tables.forEach((table, t) => {
    let own = 0;
    (table.checks ?? []).forEach((check, k) => {
      const c = table.columns.findIndex((column) => column.id === check.columnId);
      out.set(
        `tables[${t}].checks[${k}]`,
        check.columnId === undefined
          ? `tables[${t}].checks[${own++}].expression`
          : `tables[${t}].columns[${c}].check`,
      );
    });
  });
  return out;
}

const INTEGERS = new Set(['SMALLINT', 'INTEGER', 'BIGINT']);
const TEMPORAL = new Set(['TIME', 'TIMESTAMP', 'TIMESTAMPTZ']);

/**
 * The same values spelled by the target's own type: not a change. MySQL has no UUID type
 * (CHAR(36) holds the text form), one JSON type, DECIMAL for NUMERIC, and 0 fractional digits
 * when none are written; SQLite declares an enum TEXT with a CHECK on its values, which an import
 * reads as TEXT, stores every integer in up to 8 bytes and every float in 8 (it checks no
 * declared range: its `INTEGER PRIMARY KEY` rowid reads back as INTEGER whatever was declared).
 */
export function spelling(type: ColumnType, dialect: SqlDialect): string {
  const t = { ...type };
  if (dialect === 'sqlite' && INTEGERS.has(t.dataType)) return 'INTEGER';
  if (dialect === 'sqlite' && t.dataType === 'REAL') t.dataType = 'DOUBLE';
  // MySQL's own default is 0 fractional digits: datetime(0) reads back as datetime.
  if (dialect === 'mysql' && t.precision === 0 && TEMPORAL.has(t.dataType)) delete t.precision;
  if (t.dataType === 'NUMERIC') t.dataType = 'DECIMAL';
  if (dialect === 'mysql' && t.dataType === 'UUID') return 'CHAR(36)';
  if (dialect === 'mysql' && t.dataType === 'JSONB') t.dataType = 'JSON';
  if (t.dataType === 'ENUM') return dialect === 'sqlite' ? 'TEXT' : 'ENUM';
  // Whatever else a type says (an array flag, `unsigned`…) is compared as written.
  const {
    dataType,
    length,
    precision,
    scale,
    enumId: _enum,
    ...rest
  } = t as ColumnType & Record<string, unknown>;
  const args = [length, precision, scale].filter((n) => n !== undefined);
  const base = args.length === 0 ? dataType : `${dataType}(${args.join(',')})`;
  return Object.keys(rest).length === 0 ? base : `${base} ${JSON.stringify(rest)}`;
}

/** A timestamp literal with a UTC offset (`+00`, `+00:00`, `Z`): PostgreSQL reads a TIMESTAMPTZ default back so. */
const UTC_OFFSET = /^(\d{4}-\d\d-\d\d[ T]\d\d:\d\d(?::\d\d(?:\.\d+)?)?)(?:\+00(?::?00)?|Z)$/;

/**
 * now() and CURRENT_TIMESTAMP are one default; a literal compares by its text (1 = '1'); a
 * timestamp without an offset equals the same with UTC's: the PostgreSQL export's session is in
 * UTC (`postgresPreamble`), so that is the instant a zone-less TIMESTAMPTZ default is fixed at.
 */
function defaultMeaning(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  const d = value as { kind?: unknown; expression?: unknown; value?: unknown };
  if (d.kind === 'expression') return d.expression === 'now()' ? 'CURRENT_TIMESTAMP' : d.expression;
  if (d.kind !== 'literal') return value;
  if (typeof d.value === 'object') return JSON.stringify(d.value);
  const text = String(d.value);
  return `literal ${UTC_OFFSET.exec(text)?.[1] ?? text}`;
}

/** Properties that hold SQL text (a check, a generated column, an index predicate, a view body). */
const SQL_TEXT: ReadonlySet<string> = new Set(['expression', 'where', 'definition', 'check']);

/**
 * SQL text as engines give it back: each writes it its own way (PostgreSQL adds parentheses and
 * casts like `'a'::text`, MySQL backquotes and parentheses), so it compares without whitespace,
 * quoting of names, parentheses, PostgreSQL's casts and case. A changed operator, name or value
 * still differs.
 */
function sqlTextMeaning(text: string): string {
  return `sql ${text
    .replace(/::"?[a-z_][\w]*"?(\s+(varying|precision))?(\(\d+(,\s*\d+)?\))?(\[\])?/gi, '')
    .replace(/!=/g, '<>')
    .replace(/[\s"`()]/g, '')
    // `x = ANY (ARRAY[…])`, PostgreSQL's form of `x IN (…)`, which MySQL and SQLite write back.
    .replace(/=anyarray\[([^\]]*)\]/gi, 'in$1')
    .toLowerCase()}`;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
/** An array of objects (an empty array too: an empty collection is no property). */
const isCollection = (value: unknown): value is Record<string, unknown>[] =>
  Array.isArray(value) && value.every(isRecord);

/**
 * Every id of the design, as the name a reader would use: `film`, `film.title` for a column,
 * `enums:mood`, and `sales.orders` for a table of schema `sales` (the default schema has no prefix).
 */
function labels(design: Design): Map<string, string> {
  const out = new Map<string, string>();
  const root = design as unknown as Record<string, unknown>;
  const rawNames = new Map<string, string>();
  for (const value of Object.values(root))
    if (Array.isArray(value))
      for (const element of value)
        if (isRecord(element) && typeof element.id === 'string' && typeof element.name === 'string')
          rawNames.set(element.id, element.name);
  for (const [key, value] of Object.entries(root)) {
    if (!Array.isArray(value)) continue;
    for (const element of value) {
      if (!isRecord(element) || typeof element.id !== 'string') continue;
      const schema = typeof element.schemaId === 'string' ? rawNames.get(element.schemaId) : undefined;
      const name = `${schema !== undefined ? `${schema}.` : ''}${rawNames.get(element.id) ?? element.id}`;
      out.set(element.id, `${key === 'tables' ? '' : `${key}:`}${name}`);
      for (const [sub, children] of Object.entries(element)) {
        if (!isCollection(children)) continue;
        for (const child of children)
          if (typeof child.id === 'string' && typeof child.name === 'string' && !out.has(child.id))
            out.set(child.id, `${name}.${sub === 'columns' ? '' : `${sub}:`}${child.name}`);
      }
    }
  }
  return out;
}

/**
 * Dialects without named enum types: MySQL writes an enum's values into each column's ENUM(…),
 * SQLite a TEXT column with a CHECK on them. There an enum is its values at each column, and
 * the design's enum objects are not objects of the engine (their names are the design's own).
 */
const INLINE_ENUMS: ReadonlySet<SqlDialect> = new Set(['mysql', 'sqlite']);

interface Context {
  names: Map<string, string>;
  enumValues: Map<string, string[]>;
  dialect: SqlDialect;
}

/** A value with its ids replaced by names, `ui` and ids dropped, types and defaults canonical. */
function canonical(value: unknown, context: Context, key = ''): unknown {
  const { names, dialect } = context;
  if (Array.isArray(value)) return value.map((item) => canonical(item, context));
  if (typeof value === 'string' && /Ids?$/.test(key)) return names.get(value) ?? value;
  // A view's query as its parse tree means it (`queryMeaning`): engines write it back anew.
  if (typeof value === 'string' && key === 'definition') {
    const meaning = queryMeaning(value);
    if (meaning !== undefined) return `query ${meaning}`;
  }
  if (typeof value === 'string' && SQL_TEXT.has(key)) return sqlTextMeaning(value);
  if (!isRecord(value)) return value;
  if (key === 'type') {
    const type = value as unknown as ColumnType;
    if (type.enumId === undefined || dialect === 'sqlite') return spelling(type, dialect);
    if (dialect === 'mysql') return `ENUM(${(context.enumValues.get(type.enumId) ?? []).join(', ')})`;
    return `ENUM ${names.get(type.enumId) ?? type.enumId}`;
  }
  if (key === 'default') return defaultMeaning(value);
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (k === 'id' || k === 'ui' || v === undefined) continue;
    out[k] = canonical(v, context, k);
  }
  return out;
}

/**
 * What an object is, by names: its name (with its schema's), or for a foreign key its columns and
 * target (SQLite does not report a foreign key's name), or, for a nameless object, all of it.
 */
function identityOf(kind: string, value: Record<string, unknown>): string {
  if (kind === 'foreignKeys')
    return `${String(value.sourceTableId)}(${String(value.sourceColumnIds)})→${String(value.targetTableId)}(${String(value.targetColumnIds)})`;
  const schema = typeof value.schemaId === 'string' ? `${value.schemaId}.` : '';
  return typeof value.name === 'string' ? `${schema}${value.name}` : JSON.stringify(value);
}

/** Where each id of the design is: `tables[2]`, and a column's table and itself. */
function idPaths(design: Design): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [key, value] of Object.entries(design as unknown as Record<string, unknown>)) {
    if (!Array.isArray(value)) continue;
    value.forEach((element, i) => {
      if (!isRecord(element) || typeof element.id !== 'string') return;
      out.set(element.id, [`${key}[${i}]`]);
      for (const [sub, children] of Object.entries(element))
        if (isCollection(children))
          children.forEach((child, j) => {
            if (typeof child.id === 'string' && !out.has(child.id))
              out.set(child.id, [`${key}[${i}]`, `${key}[${i}].${sub}[${j}]`]);
          });
    });
  }
  return out;
}

/** The ids an object's own properties reference (`…Id`, `…Ids`, a type's `enumId`), at any depth. */
function referencedIds(value: unknown, key = ''): Set<string> {
  const out = new Set<string>();
  if (typeof value === 'string' && /Ids?$/.test(key)) out.add(value);
  else if (Array.isArray(value))
    for (const item of value) for (const id of referencedIds(item, key)) out.add(id);
  else if (isRecord(value))
    for (const [k, v] of Object.entries(value)) for (const id of referencedIds(v, k)) out.add(id);
  return out;
}

/**
 * A single-column unique index and a UNIQUE column are one thing (an engine reads either as the
 * other): such an index is compared as its column's `unique`, not as an object.
 */
function uniqueIndexesAsColumns(table: Record<string, unknown>): {
  folded: ReadonlySet<number>;
  uniqueColumns: ReadonlySet<string>;
} {
  const folded = new Set<number>();
  const uniqueColumns = new Set<string>();
  const indexes = Array.isArray(table.indexes) ? table.indexes : [];
  indexes.forEach((index: unknown, i) => {
    if (!isRecord(index) || index.unique !== true || !Array.isArray(index.columnIds)) return;
    const [only, ...more] = index.columnIds;
    if (typeof only !== 'string' || more.length > 0 || Object.keys(index).some((k) => !PLAIN_INDEX.has(k)))
      return;
    if (!isPlainIndex(index)) return;
    folded.add(i);
    uniqueColumns.add(only);
  });
  return { folded, uniqueColumns };
}

/** What a plain index has; an index with anything more (a method, a predicate…) stays an index. */
const PLAIN_INDEX: ReadonlySet<string> = new Set([
  'id',
  'name',
  'columnIds',
  'keys',
  'method',
  'unique',
  'ui',
]);

/** A B-tree index whose keys (the normalized form of `columns`) are its columns, ascending. */
function isPlainIndex(index: Record<string, unknown>): boolean {
  if (index.method !== undefined && index.method !== 'btree') return false;
  const keys = index.keys;
  if (keys === undefined) return true;
  return (
    Array.isArray(keys) &&
    keys.every(
      (key) => isRecord(key) && key.kind === 'column' && key.descending !== true && key.nulls === undefined,
    )
  );
}

/** The design's objects, every collection at any depth, in document order. */
export function designObjects(design: Design, dialect: SqlDialect): DesignObject[] {
  const enumValues = new Map(design.enums.map((e) => [e.id, e.values]));
  const context: Context = { names: labels(design), enumValues, dialect };
  const out: DesignObject[] = [];
  const pathsOfIds = idPaths(design);
  const walk = (
    element: Record<string, unknown>,
    kind: string,
    path: string,
    scope: string,
    parent?: string,
  ) => {
    const own: Record<string, unknown> = {};
    const children: Array<[string, Record<string, unknown>[]]> = [];
    for (const [k, v] of Object.entries(element)) {
      if (isCollection(v) && k !== 'keys') children.push([k, v]);
      else own[k] = v;
    }
    const value = canonical(own, context) as Record<string, unknown>;
    // SQLite's DDL names its foreign keys (CONSTRAINT … FOREIGN KEY), but its catalog does not say.
    if (kind === 'foreignKeys' && dialect === 'sqlite') delete value.name;
    const identity = `${scope}${kind}:${identityOf(kind, value)}`;
    const references = [...referencedIds(own)].flatMap((id) => pathsOfIds.get(id) ?? []);
    out.push({ path, kind, identity, value, references, ...(parent !== undefined ? { parent } : {}) });
    const { folded, uniqueColumns } =
      kind === 'tables'
        ? uniqueIndexesAsColumns(element)
        : { folded: new Set<number>(), uniqueColumns: new Set<string>() };
    for (const [sub, items] of children)
      items.forEach((item, i) => {
        if (sub === 'indexes' && folded.has(i)) return;
        const child =
          sub === 'columns' && uniqueColumns.has(String(item.id)) ? { ...item, unique: true } : item;
        walk(child, `${kind}.${sub}`, `${path}.${sub}[${i}]`, `${identity}/`, path);
      });
  };
  const root = design as unknown as Record<string, unknown>;
  for (const [key, value] of Object.entries(root)) {
    if (!Array.isArray(value) || (key === 'enums' && INLINE_ENUMS.has(dialect))) continue;
    value.forEach((element, i) => {
      if (isRecord(element)) walk(element, key, `${key}[${i}]`, '');
    });
  }
  return out;
}

/**
 * What the export changed: each object of `design` missing from `rebuilt` or with a property
 * that differs, at its design path. Objects the engine added (MySQL's index for a foreign key)
 * are not losses and not listed.
 */
export function exportDifferences(design: Design, rebuilt: Design, dialect: SqlDialect): ExportDifference[] {
  const after = new Map(designObjects(rebuilt, dialect).map((object) => [object.identity, object]));
  const missing = new Set<string>();
  const out: ExportDifference[] = [];
  const documentPaths = checkDocumentPaths(design);
  const at = (path: string) => {
    const documentPath = documentPaths.get(path);
    return documentPath === undefined ? { path } : { path, documentPath };
  };
  for (const object of designObjects(design, dialect)) {
    const parentGone = object.parent !== undefined && missing.has(object.parent);
    const other = after.get(object.identity);
    if (other === undefined || parentGone) {
      missing.add(object.path);
      // What it references that is missing too (a renamed table) may be why.
      const gone = object.references.filter((path) => missing.has(path));
      out.push({
        ...at(object.path),
        what: `${object.kind} missing`,
        ...(parentGone && object.parent !== undefined ? { parentMissing: object.parent } : {}),
        ...(gone.length > 0 ? { references: gone } : {}),
      });
      continue;
    }
    for (const key of new Set([...Object.keys(object.value), ...Object.keys(other.value)])) {
      // A foreign key without a name lets the generator derive one: the derived name is no change.
      if (key === 'name' && object.value.name === undefined) continue;
      const [a, b] = [JSON.stringify(object.value[key]), JSON.stringify(other.value[key])];
      if (a !== b) out.push({ ...at(object.path), what: `${key} ${a ?? 'none'} → ${b ?? 'none'}` });
    }
  }
  return out;
}

/**
 * The differences no warning names: a warning names a difference at its own path; for an object
 * gone with its table, the table's warning names it; for a missing object, a warning on what it
 * references names it too (its identity is by those names: a table renamed by the export, with a
 * warning, takes its foreign keys' identities with it).
 */
export function silentDifferences(
  differences: readonly ExportDifference[],
  warnings: readonly { path: string }[],
): ExportDifference[] {
  const warned = new Set(warnings.map((warning) => warning.path));
  return differences.filter(
    (difference) =>
      !warned.has(difference.path) &&
      (difference.documentPath === undefined || !warned.has(difference.documentPath)) &&
      (difference.parentMissing === undefined || !warned.has(difference.parentMissing)) &&
      !(difference.references ?? []).some((path) => warned.has(path)),
  );
}

import type {
  ImportDialect,
  IntrospectedColumn,
  IntrospectedTable,
} from '@schema-builder/schema-model/import';
import { parseDefault } from '@schema-builder/schema-model/import';
import type { Score } from './score.test-support.ts';
import { tally } from './score.test-support.ts';

/** `what before → after` when the two differ. */
export function changed(what: string, before: unknown, after: unknown): string[] {
  return before === after ? [] : [`${what} ${String(before)} → ${String(after)}`];
}

/**
 * Defaults compare by meaning: `NULL::character varying` is no default, `('now'::text)::date` is
 * CURRENT_DATE, `'x'::citext` equals `'x'::text` (a type change is reported on the type), and
 * `ARRAY[]::text[]` equals `'{}'::text[]`.
 */
function defaultChange(before: string | null, after: string | null, dialect: ImportDialect): string[] {
  const meaning = (text: string | null) => {
    if (text === null) return 'none';
    const parsed = parseDefault(text, dialect);
    if (parsed.kind === 'null') return 'none';
    if (dialect === 'sqlite') {
      // SQLite stores TRUE and FALSE as 1 and 0, and a literal by the column's affinity: '1' is 1.
      if (parsed.kind === 'boolean') return `literal ${parsed.value ? 1 : 0}`;
      if (parsed.kind === 'number') return `literal ${Number(parsed.text)}`;
      if (parsed.kind === 'string' && /^-?\d+(\.\d+)?$/.test(parsed.value))
        return `literal ${Number(parsed.value)}`;
    }
    // `ARRAY['a']::text[]` and `'{a}'::text[]` are one array (elements here are plain literals).
    if (parsed.kind === 'array')
      return JSON.stringify({ kind: 'string', value: `{${parsed.elements.join(',')}}` });
    return parsed.kind === 'expression' ? `expression ${parsed.expression}` : JSON.stringify(parsed);
  };
  return meaning(before) === meaning(after) ? [] : [`default ${before ?? 'none'} → ${after ?? 'none'}`];
}

/** The type as declared: an enum by name, a domain by name with its base type. */
function typeOf(column: IntrospectedColumn, dialect: ImportDialect): string {
  if (column.enumName !== undefined) return `enum ${column.enumName}`;
  if (column.domain !== undefined) return `domain ${column.domain} (${column.nativeType})`;
  if (dialect === 'sqlite')
    return `${column.nativeType.toUpperCase()} (${sqliteAffinity(column.nativeType)} affinity)`;
  // MySQL's integer display width (`int(11)`) changes nothing stored; tinyint(1) means BOOLEAN.
  return dialect === 'mysql' ? column.nativeType.replace(DISPLAY_WIDTH, '$1') : column.nativeType;
}

/**
 * What SQLite makes of a declared type: its affinity (sqlite.org/datatype3.html, 3.1), all it
 * stores and checks. `NVARCHAR(40)` and `VARCHAR(40)` are one TEXT, `INT` and `INTEGER` one
 * INTEGER (a rowid alias is compared as numbering); `BINARY(16)` (NUMERIC) and `BLOB` differ.
 */
function sqliteAffinity(declared: string): string {
  const type = declared.toUpperCase();
  if (type.includes('INT')) return 'INTEGER';
  if (/CHAR|CLOB|TEXT/.test(type)) return 'TEXT';
  if (type.includes('BLOB') || type.trim() === '') return 'BLOB';
  if (/REAL|FLOA|DOUB/.test(type)) return 'REAL';
  return 'NUMERIC';
}

const DISPLAY_WIDTH = /^(smallint|mediumint|int|integer|bigint|tinyint(?!\(1\)))\(\d+\)/i;

/** serial, identity and an adopted sequence all mean "the database numbers the rows". */
function autoKind(column: IntrospectedColumn): string {
  if (column.autoIncrement) return column.identityAlways ? 'identity always' : 'auto-increment';
  return column.default !== null && /^nextval\(/i.test(column.default) ? 'auto-increment' : 'none';
}

/** Columns of a table compared with the re-created table's: see `compareCatalogs`. */
export function compareColumns(
  score: Score,
  table: IntrospectedTable,
  other: IntrospectedTable | undefined,
  dialect: ImportDialect,
): void {
  const afterColumns = new Map(other?.columns.map((column) => [column.name, column]));
  for (const column of table.columns) {
    const object = `${table.name}.${column.name}`;
    const after = afterColumns.get(column.name);
    if (!after) {
      tally(score, 'columns', object, ['missing']);
      continue;
    }
    const auto = [autoKind(column), autoKind(after)] as const;
    tally(score, 'columns', object, [
      ...(dialect === 'sqlite' &&
      column.enumName === undefined &&
      sqliteAffinity(column.nativeType) === sqliteAffinity(after.nativeType)
        ? []
        : changed('type', typeOf(column, dialect), typeOf(after, dialect))),
      ...changed('nullable', column.nullable, after.nullable),
      ...changed('numbering', auto[0], auto[1]),
      ...(auto[0] === 'none' && auto[1] === 'none'
        ? defaultChange(column.default, after.default, dialect)
        : []),
      ...changed('generated', column.generated ?? null, after.generated ?? null),
      ...changed('comment', column.comment, after.comment),
    ]);
  }
}

import type { ViewDocument } from '../design/document.ts';
import { viewGraph } from '../design/view-graph.ts';
import { checkSqlExpression } from '../sql-expression/check.ts';
import type { AstNode } from '../sql-expression/parser.ts';
import { fieldsOf, kindOf, stringsOf, walk } from '../sql-expression/tree.ts';
import type { IntrospectedTable, IntrospectedView } from './catalog.ts';
import type { ImportContext } from './context.ts';
import { importComment, q } from './context.ts';
import { legalName } from './names.ts';

/** Schemas of PostgreSQL's own catalogs, which a view may read (they exist everywhere). */
const SYSTEM_SCHEMAS = new Set(['pg_catalog', 'information_schema']);

/**
 * Functions that mean the same in MySQL or SQLite as in PostgreSQL: a view written in their SQL is
 * taken as it reads only when every function it calls is one of these. (CONCAT is not: MySQL's
 * gives NULL when an argument is NULL, PostgreSQL's skips it; LENGTH counts bytes in MySQL.)
 */
const SAME_MEANING_FUNCTIONS = new Set([
  'count',
  'sum',
  'min',
  'max',
  'lower',
  'upper',
  'coalesce',
  'abs',
  'char_length',
  'character_length',
]);

/**
 * The views of a catalog, as the design holds them: the query in PostgreSQL's syntax, created
 * after the tables. Imported only where exact: the query parses with PostgreSQL's parser (MySQL
 * and SQLite text after their quoting is rewritten), it reads only tables and views imported
 * under their own names with every column under its own name and type, its own name is kept, and (for MySQL and SQLite) it calls no function
 * whose meaning differs. Every other view is a warning (UNSUPPORTED_VIEW) saying why.
 *
 * `tableNames`: database name → design name of each imported table.
 */
export function importViews(
  ctx: ImportContext,
  views: readonly IntrospectedView[],
  tableNames: ReadonlyMap<string, string>,
  columnTypes: ReadonlyMap<string, string> = new Map(),
): ViewDocument[] {
  const candidates: { view: IntrospectedView; definition: string }[] = [];
  const columnNames = [...columnTypes.keys()].map((key) => key.slice(key.lastIndexOf('.') + 1));
  const known = new Set([...tableNames.keys(), ...views.map((view) => view.name), ...columnNames]);
  for (const view of views) {
    const [need] = view.needs ?? [];
    if (need !== undefined) {
      refuse(ctx, view, `it uses ${need}, which a design does not hold`);
      continue;
    }
    const converted = postgresText(ctx, view.definition, known, columnTypes);
    if ('refused' in converted) refuse(ctx, view, converted.refused);
    else candidates.push({ view, definition: converted.sql });
  }
  const graph = viewGraph(candidates.map(({ view, definition }) => ({ name: view.name, definition })));
  const changed = tablesWithChangedColumns(ctx);
  const readable = new Set(
    [...tableNames].filter(([from, to]) => from === to && !changed.has(from)).map(([name]) => name),
  );
  const imported = new Map<number, ViewDocument>();
  for (const i of graph.order) {
    const candidate = candidates[i];
    if (candidate === undefined) continue;
    const { view, definition } = candidate;
    const missing = (graph.reads[i] ?? []).find((name) => !readable.has(name));
    const foreign = (graph.qualified[i] ?? []).find((r) => !SYSTEM_SCHEMAS.has(r.schema));
    const legal = legalName(view.name, 'relation');
    if (missing !== undefined) {
      const why = changed.has(missing)
        ? `it reads ${q(missing)}, a column of which is imported under another name or type`
        : `it reads ${q(missing)}, which is not imported under that name`;
      refuse(ctx, view, why);
      continue;
    }
    if (foreign !== undefined) {
      refuse(ctx, view, `it reads ${q(`${foreign.schema}.${foreign.name}`)} of another schema`);
      continue;
    }
    if (legal.name !== view.name || ctx.relations.has(view.name) || ctx.types.has(view.name)) {
      refuse(ctx, view, `its name ${legal.reason ?? 'is taken by another relation or type of the design'}`);
      continue;
    }
    ctx.relations.add(view.name);
    ctx.types.add(view.name);
    readable.add(view.name);
    const comment = importComment(ctx, view.comment, ['views', view.name]);
    imported.set(i, {
      id: ctx.ids.claim(`v_${view.name}`),
      name: view.name,
      definition,
      ...(comment ? { comment } : {}),
    });
  }
  for (const cycle of graph.cycles)
    for (const i of cycle) {
      const candidate = candidates[i];
      if (candidate) refuse(ctx, candidate.view, 'it reads itself through other views');
    }
  // In catalog order: the create plan puts each view after those it reads.
  return [...imported].sort(([a], [b]) => a - b).map(([, document]) => document);
}

/** Column warnings after which a view reading the table might not be created, or not mean the same. */
const COLUMN_CHANGES = new Set(['NAME_CHANGED', 'TYPE_UNSUPPORTED', 'TYPE_APPROXIMATED', 'ENUM_UNUSABLE']);

/** Database names of the tables a column of which was imported under another name or type. */
function tablesWithChangedColumns(ctx: ImportContext): Set<string> {
  const tables = new Set<string>();
  for (const warning of ctx.warnings) {
    const match = /^tables\.(.+)\.columns\.[^.]+$/.exec(warning.path);
    if (match?.[1] !== undefined && COLUMN_CHANGES.has(warning.code)) tables.add(match[1]);
  }
  return tables;
}

function refuse(ctx: ImportContext, view: IntrospectedView, why: string): void {
  ctx.warn('UNSUPPORTED_VIEW', ['views', view.name], `View ${q(view.name)} is not imported: ${why}.`);
}

/**
 * The query in PostgreSQL's syntax. PostgreSQL's own text (`pg_get_viewdef`) is that already,
 * with a trailing semicolon. MySQL's and SQLite's get their quoted names in double quotes
 * (MySQL's names also lose the database they are qualified with) and are then taken only when
 * PostgreSQL's parser reads them as one SELECT calling only functions of the same meaning.
 */
function postgresText(
  ctx: ImportContext,
  definition: string,
  known: ReadonlySet<string>,
  columnTypes: ReadonlyMap<string, string>,
): { sql: string } | { refused: string } {
  const foreignDialect = ctx.dialect === 'mysql' || ctx.dialect === 'sqlite';
  const text = (
    foreignDialect ? requote(definition, ctx.dialect === 'mysql' ? ctx.schema : undefined) : definition
  )
    .trim()
    .replace(/;\s*$/, '')
    .trim();
  const checked = checkSqlExpression(text, 'query');
  if (!checked.ok)
    return {
      refused: `PostgreSQL's parser does not read its query (${checked.problem.code}: ${checked.problem.message})`,
    };
  if (foreignDialect) {
    const different =
      differentMeaning(checked.node) ??
      otherCase(checked.node, known) ??
      looseComparison(checked.node, columnTypes);
    if (different !== undefined) return { refused: different };
  }
  return { sql: text };
}

/**
 * MySQL and SQLite find a name whatever its case; PostgreSQL folds an unquoted one to lower case
 * and then wants it exact. A name of the query that is not a table, view or column of the
 * database as written, but is one in another case, would not be found.
 */
function otherCase(root: AstNode, known: ReadonlySet<string>): string | undefined {
  const lower = new Map([...known].map((name) => [name.toLowerCase(), name]));
  for (const node of walk(root)) {
    const fields = fieldsOf(node);
    const names =
      kindOf(node) === 'RangeVar'
        ? [String(fields.relname)]
        : kindOf(node) === 'ColumnRef'
          ? stringsOf(fields.fields)
          : [];
    for (const name of names) {
      const actual = lower.get(name.toLowerCase());
      if (!known.has(name) && actual !== undefined)
        return `it names ${q(actual)} as ${q(name)}, which PostgreSQL would not find (names are case-sensitive there)`;
    }
  }
  return undefined;
}

const TEXT_TYPE = /char|text|clob|string|enum/i;
const NUMBER_TYPE = /int|dec|num|real|double|float|bool|bit/i;
const COMPARISONS = new Set(['=', '<>', '!=', '<', '>', '<=', '>=']);

/**
 * MySQL and SQLite compare text with a number by converting one of them; PostgreSQL refuses
 * (`operator does not exist: character = integer`). A comparison of a text column with a number
 * (or a number column with a string) would make the view fail to be created. `columnTypes`:
 * native types by `table.column`, and by `column` where every table having it agrees.
 */
function looseComparison(root: AstNode, columnTypes: ReadonlyMap<string, string>): string | undefined {
  const side = (node: unknown): 'text' | 'number' | undefined => {
    const inner = node as AstNode | undefined;
    if (!inner) return undefined;
    const fields = fieldsOf(inner);
    if (kindOf(inner) === 'A_Const') {
      if (fields.sval !== undefined) return 'text';
      if (fields.ival !== undefined || fields.fval !== undefined) return 'number';
      return undefined;
    }
    if (kindOf(inner) !== 'ColumnRef') return undefined;
    const parts = stringsOf(fields.fields);
    const table = parts.length === 2 ? (aliases.get(parts[0] ?? '') ?? parts[0]) : undefined;
    const type = columnTypes.get(table === undefined ? (parts[0] ?? '') : `${table}.${parts[1]}`);
    if (type === undefined) return undefined;
    if (TEXT_TYPE.test(type)) return 'text';
    return NUMBER_TYPE.test(type) ? 'number' : undefined;
  };
  const aliases = new Map<string, string>();
  for (const node of walk(root)) {
    const fields = fieldsOf(node);
    const alias = (fields.alias as AstNode | undefined)?.aliasname;
    if (kindOf(node) === 'RangeVar' && typeof alias === 'string') aliases.set(alias, String(fields.relname));
  }
  for (const node of walk(root)) {
    const fields = fieldsOf(node);
    if (kindOf(node) !== 'A_Expr' || fields.kind !== 'AEXPR_OP') continue;
    if (!COMPARISONS.has(stringsOf(fields.name)[0] ?? '')) continue;
    const left = side(fields.lexpr);
    const right = side(fields.rexpr);
    if (left !== undefined && right !== undefined && left !== right)
      return 'it compares text with a number, which PostgreSQL refuses';
  }
  return undefined;
}

function differentMeaning(root: AstNode): string | undefined {
  for (const node of walk(root)) {
    const fields = fieldsOf(node);
    if (kindOf(node) === 'FuncCall') {
      const name = stringsOf(fields.funcname).at(-1)?.toLowerCase() ?? '';
      if (!SAME_MEANING_FUNCTIONS.has(name))
        return `its function ${name} may not mean in PostgreSQL what it means there`;
    }
    if (kindOf(node) === 'A_Expr' && stringsOf(fields.name)[0] === '/')
      return 'its division may not mean in PostgreSQL what it means there (integer division)';
  }
  return undefined;
}

/**
 * MySQL/SQLite quoting to PostgreSQL's: a name in backticks or square brackets gets double quotes
 * (a double quote inside doubled); `database`. before a name is dropped (MySQL qualifies every
 * name with it), and MariaDB's LCASE/UCASE read as LOWER/UPPER. String literals are copied as they are.
 */
export function requote(sql: string, database: string | undefined): string {
  let out = '';
  let plain = '';
  const flush = () => {
    out +=
      database === undefined
        ? plain
        : plain.replace(MARIADB_SPELLINGS, (_, name: string) => `${SPELLED[name.toLowerCase()] ?? name}(`);
    plain = '';
  };
  for (let i = 0; i < sql.length; ) {
    const char = sql[i] ?? '';
    if (char === "'") {
      let end = i + 1;
      while (end < sql.length) {
        if (sql[end] === '\\') end += 2;
        else if (sql[end] === "'" && sql[end + 1] === "'") end += 2;
        else if (sql[end] === "'") break;
        else end += 1;
      }
      flush();
      out += sql.slice(i, end + 1);
      i = end + 1;
      continue;
    }
    if (char === '`' || char === '[') {
      const close = char === '`' ? '`' : ']';
      let end = i + 1;
      let name = '';
      while (end < sql.length) {
        if (sql[end] === close && close === '`' && sql[end + 1] === '`') {
          name += '`';
          end += 2;
        } else if (sql[end] === close) break;
        else {
          name += sql[end];
          end += 1;
        }
      }
      i = end + 1;
      flush();
      if (database !== undefined && name === database && sql[i] === '.') {
        i += 1;
        continue;
      }
      out += `"${name.replaceAll('"', '""')}"`;
      continue;
    }
    plain += char;
    i += 1;
  }
  flush();
  return out;
}

/** MariaDB writes LOWER and UPPER back as LCASE and UCASE in a view's text: the same functions. */
const MARIADB_SPELLINGS = /\b(lcase|ucase)\s*\(/gi;
const SPELLED: Readonly<Record<string, string>> = { lcase: 'lower', ucase: 'upper' };

/**
 * Native column types for the view checks: by `table.column`, and by the bare column name where
 * every table having it gives the same type (an ambiguous bare name has none).
 */
export function viewColumnTypes(tables: readonly IntrospectedTable[]): Map<string, string> {
  const out = new Map<string, string>();
  const bare = new Map<string, string | null>();
  for (const table of tables)
    for (const column of table.columns) {
      out.set(`${table.name}.${column.name}`, column.nativeType);
      const seen = bare.get(column.name);
      bare.set(column.name, seen === undefined || seen === column.nativeType ? column.nativeType : null);
    }
  for (const [name, type] of bare) if (type !== null) out.set(name, type);
  return out;
}

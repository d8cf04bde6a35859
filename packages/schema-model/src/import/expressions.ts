import { checkSqlExpression } from '../sql-expression/check.ts';
import { columnsReferenced } from '../sql-expression/references.ts';
import { renderSqlExpression } from '../sql-expression/render.ts';
import type { ImportDialect } from './type-mapping.ts';

export type ImportedExpression = { expression: string } | { reason: string };

/**
 * An expression a database stores (a generated column, an index key or predicate) as a design
 * expression, which is PostgreSQL's syntax, or why it cannot be one. PostgreSQL's own text is
 * taken as it is. MySQL's and SQLite's are taken only when they read the same in PostgreSQL:
 * backquoted names become double-quoted, and the result must parse and be in the portable part
 * of SQL (`renderSqlExpression` writes it back for the source engine), so an operator that
 * means something else there (MySQL's `||`, `"text"`) is never taken as PostgreSQL's.
 */
export function importExpression(dialect: ImportDialect, text: string): ImportedExpression {
  const source = text.trim();
  if (dialect === 'postgresql') {
    const checked = checkSqlExpression(source, 'expression');
    return checked.ok ? { expression: source } : { reason: checked.problem.message };
  }
  if (dialect === 'mongodb') return { reason: 'MongoDB has no SQL expressions' };
  const converted = backquotesAsDoubleQuotes(source, dialect === 'sqlite');
  if (converted === undefined)
    return {
      reason: `it uses quoting PostgreSQL reads differently (${dialect === 'mysql' ? 'MySQL' : 'SQLite'})`,
    };
  const named = dialect === 'mysql' ? postgresFunctionNames(converted) : converted;
  const checked = checkSqlExpression(named, 'expression');
  if (!checked.ok)
    return { reason: `PostgreSQL does not read it as one expression: ${checked.problem.message}` };
  const back = renderSqlExpression(named, dialect);
  if ('refused' in back) return { reason: back.refused };
  return { expression: named };
}

/** MariaDB stores upper() and lower() as its synonyms ucase() and lcase(): PostgreSQL has only the first. */
const MYSQL_SYNONYMS: Readonly<Record<string, string>> = { ucase: 'upper', lcase: 'lower' };

/** The text with MySQL's function synonyms renamed, outside string literals (odd `'` segments). */
function postgresFunctionNames(text: string): string {
  return text
    .split("'")
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part.replace(
            /\b(ucase|lcase)(\s*\()/gi,
            (_, name: string, open: string) => `${MYSQL_SYNONYMS[name.toLowerCase()] ?? name}${open}`,
          ),
    )
    .join("'");
}

/**
 * `` `a` `` → `"a"`, outside string literals. Undefined when the text has a backslash (an escape
 * MySQL reads and PostgreSQL does not), a double quote in MySQL (a string there) or a bracketed
 * SQLite name, which would not mean the same. SQLite's double-quoted names are PostgreSQL's.
 */
function backquotesAsDoubleQuotes(text: string, doubleQuotedNames: boolean): string | undefined {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const char = text[i] ?? '';
    if (char === '"' && doubleQuotedNames) {
      let end = text.indexOf('"', i + 1);
      while (end >= 0 && text[end + 1] === '"') end = text.indexOf('"', end + 2);
      if (end < 0) return undefined;
      out += text.slice(i, end + 1);
      i = end + 1;
      continue;
    }
    if (char === '"' || char === '\\' || char === '[') return undefined;
    if (char === "'") {
      const end = text.indexOf("'", i + 1);
      if (end < 0) return undefined;
      let stop = end;
      // '' inside a literal is a quote in all three engines.
      while (text[stop + 1] === "'") {
        const next = text.indexOf("'", stop + 2);
        if (next < 0) return undefined;
        stop = next;
      }
      const literal = text.slice(i, stop + 1);
      if (literal.includes('\\')) return undefined;
      out += literal;
      i = stop + 1;
    } else if (char === '`') {
      let name = '';
      let j = i + 1;
      for (;;) {
        const next = text.indexOf('`', j);
        if (next < 0) return undefined;
        name += text.slice(j, next);
        if (text[next + 1] === '`') {
          name += '`';
          j = next + 2;
        } else {
          j = next + 1;
          break;
        }
      }
      out += `"${name.replaceAll('"', '""')}"`;
      i = j;
    } else {
      out += char;
      i++;
    }
  }
  return out;
}

/** The columns an imported expression reads that `has` does not know (renamed or missing ones). */
export function unknownColumns(expression: string, has: (name: string) => boolean): string[] {
  return columnsReferenced(expression).filter((name) => !has(name));
}

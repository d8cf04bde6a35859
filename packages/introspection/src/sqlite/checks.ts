/**
 * CHECK constraints of a SQLite table, read from its CREATE TABLE text (no pragma lists them):
 * each `CHECK (…)` outside quotes and comments, with the name of a `CONSTRAINT name` before it,
 * and the column whose definition it is written in (a column constraint), if any.
 */
export interface SqliteCheck {
  name: string | null;
  clause: string;
  /** Set for a check written on a column's definition. */
  column?: string;
}

/** Words that open a table constraint rather than a column definition. */
const TABLE_CONSTRAINT = /^\s*(constraint|primary|unique|check|foreign)\b/i;

const OPENERS: Readonly<Record<string, string>> = { "'": "'", '"': '"', '`': '`', '[': ']' };

export function sqliteChecks(createSql: string): SqliteCheck[] {
  const checks: SqliteCheck[] = [];
  const code = blankQuotedAndComments(createSql);
  const pattern = /(?:\bconstraint\s+(\S+)\s+)?\bcheck\s*\(/dgi;
  for (const match of code.matchAll(pattern)) {
    const open = match.index + match[0].length - 1;
    const close = closingParenthesis(code, open);
    if (close < 0) continue;
    // The name's position in the blanked text is its position in the original.
    const span = match.indices?.[1];
    const name = span ? unquote(createSql.slice(span[0], span[1])) : null;
    const column = columnAround(code, createSql, match.index);
    checks.push({
      name,
      clause: createSql.slice(open, close + 1),
      ...(column === undefined ? {} : { column }),
    });
  }
  return checks;
}

/**
 * The column whose definition holds `position`: the element of the table's body (split at its
 * top-level commas) that starts with a name rather than a table-constraint keyword.
 */
function columnAround(code: string, sql: string, position: number): string | undefined {
  const bodyStart = code.indexOf('(');
  if (bodyStart < 0 || position < bodyStart) return undefined;
  let depth = 0;
  let start = bodyStart + 1;
  for (let i = bodyStart; i < position; i++) {
    if (code[i] === '(') depth++;
    else if (code[i] === ')') depth--;
    else if (code[i] === ',' && depth === 1) start = i + 1;
  }
  if (TABLE_CONSTRAINT.test(code.slice(start, position + 10))) return undefined;
  const head = /^\s*("(?:[^"]|"")*"|`(?:[^`]|``)*`|\[[^\]]*\]|[^\s(]+)/.exec(sql.slice(start));
  const word = head?.[1];
  return word === undefined ? undefined : unquote(word);
}

/** The SQL with quoted text and comments replaced by spaces, so positions stay the same. */
export function blankQuotedAndComments(sql: string): string {
  let out = '';
  let i = 0;
  while (i < sql.length) {
    const char = sql[i] ?? '';
    const closer = OPENERS[char];
    if (closer !== undefined && Object.hasOwn(OPENERS, char)) {
      let j = i + 1;
      while (j < sql.length && !(sql[j] === closer && sql[j + 1] !== closer)) j += sql[j] === closer ? 2 : 1;
      // A string becomes spaces; an identifier keeps its quotes around x's, so it still reads
      // as one word (CONSTRAINT "my check" CHECK) but cannot hide a keyword or a parenthesis.
      out +=
        char === "'" ? ' '.repeat(j + 1 - i) : `${char}${'x'.repeat(Math.max(0, j - i - 1))}${sql[j] ?? ''}`;
      i = j + 1;
    } else if (sql.startsWith('--', i)) {
      const end = sql.indexOf('\n', i);
      const stop = end < 0 ? sql.length : end;
      out += ' '.repeat(stop - i);
      i = stop;
    } else if (sql.startsWith('/*', i)) {
      const end = sql.indexOf('*/', i + 2);
      const stop = end < 0 ? sql.length : end + 2;
      out += ' '.repeat(stop - i);
      i = stop;
    } else {
      out += char;
      i++;
    }
  }
  return out;
}

export function closingParenthesis(code: string, open: number): number {
  let depth = 0;
  for (let i = open; i < code.length; i++) {
    if (code[i] === '(') depth++;
    else if (code[i] === ')' && --depth === 0) return i;
  }
  return -1;
}

export function unquote(name: string): string {
  const first = name[0];
  if (first === '"' || first === '`') return name.slice(1, -1).replaceAll(first + first, first);
  if (first === '[') return name.slice(1, -1);
  return name;
}

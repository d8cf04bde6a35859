/**
 * CHECK constraints of a SQLite table, read from its CREATE TABLE text (no pragma lists them):
 * each `CHECK (…)` outside quotes and comments, with the name of a `CONSTRAINT name` before it.
 */
export interface SqliteCheck {
  name: string | null;
  clause: string;
}

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
    checks.push({ name, clause: createSql.slice(open, close + 1) });
  }
  return checks;
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

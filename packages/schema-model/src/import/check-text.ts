/**
 * The text of a CHECK as databases give it, made a design's expression: `CHECK (…)` taken off,
 * redundant outer parentheses too, and MySQL's or SQLite's quoting made PostgreSQL's. A small
 * scanner that knows strings and quoted identifiers, so a parenthesis or quote inside them
 * counts for nothing.
 */

type Dialect = 'postgresql' | 'mysql' | 'sqlite';

/** Where the quoted token starting at `i` ends (exclusive); a doubled closer stays inside. */
function endOfQuoted(text: string, i: number, closer: string): number {
  let j = i + 1;
  while (j < text.length) {
    if (text[j] === closer) {
      if (text[j + 1] === closer) j += 2;
      else return j + 1;
    } else j++;
  }
  return text.length;
}

const OPENERS: Readonly<Record<string, string>> = { "'": "'", '"': '"', '`': '`', '[': ']' };

/** The position of the parenthesis closing the one at `open`, or -1. */
function closing(text: string, open: number): number {
  let depth = 0;
  let i = open;
  while (i < text.length) {
    const char = text[i] ?? '';
    const closer = OPENERS[char];
    if (closer !== undefined) {
      i = endOfQuoted(text, i, closer);
      continue;
    }
    if (char === '(') depth++;
    else if (char === ')' && --depth === 0) return i;
    i++;
  }
  return -1;
}

/** `(a > 0)` → `a > 0`, as often as the outer pair encloses everything; `(a) > (0)` stays. */
function withoutOuterParentheses(text: string): string {
  let out = text.trim();
  while (out.startsWith('(') && closing(out, 0) === out.length - 1) out = out.slice(1, -1).trim();
  return out;
}

/**
 * `CHECK ((price > 0)) NOT VALID` → `{ expression: 'price > 0', rest: 'NOT VALID' }`; text
 * without `CHECK (` is taken as the expression itself.
 */
export function checkClauseBody(text: string): { expression: string; rest: string } {
  const trimmed = text.trim();
  const head = /^check\s*\(/i.exec(trimmed);
  if (!head) return { expression: withoutOuterParentheses(trimmed), rest: '' };
  const open = head[0].length - 1;
  const close = closing(trimmed, open);
  if (close < 0) return { expression: withoutOuterParentheses(trimmed.slice(open)), rest: '' };
  return {
    expression: withoutOuterParentheses(trimmed.slice(open + 1, close)),
    rest: trimmed.slice(close + 1).trim(),
  };
}

/**
 * The expression in PostgreSQL's quoting, or why not: identifiers in backticks (MySQL, SQLite)
 * or brackets (SQLite) become double-quoted. A MySQL string with a backslash (an escape there,
 * a plain character in PostgreSQL) or a double-quoted string is left to the caller to refuse.
 */
export function toPostgresQuoting(text: string, dialect: Dialect): { text: string } | { refused: string } {
  if (dialect === 'postgresql') return { text };
  let out = '';
  let plain = '';
  // MariaDB writes LOWER and UPPER back as its own LCASE and UCASE.
  const flush = () => {
    out +=
      dialect === 'mysql'
        ? plain.replace(/\blcase(?=\s*\()/gi, 'lower').replace(/\bucase(?=\s*\()/gi, 'upper')
        : plain;
    plain = '';
  };
  let i = 0;
  while (i < text.length) {
    const char = text[i] ?? '';
    const closer = OPENERS[char];
    if (closer === undefined || (char === '[' && dialect !== 'sqlite')) {
      plain += char;
      i++;
      continue;
    }
    flush();
    const end = endOfQuoted(text, i, closer);
    const token = text.slice(i, end);
    if (char === "'") {
      if (dialect === 'mysql' && token.includes('\\'))
        return { refused: 'a MySQL string with a backslash escape reads differently in PostgreSQL' };
      out += token;
    } else if (char === '"' && dialect === 'mysql') {
      return { refused: 'a double-quoted MySQL string' };
    } else {
      const inner = token.slice(1, -1).replaceAll(closer + closer, closer);
      out += `"${inner.replaceAll('"', '""')}"`;
    }
    i = end;
  }
  flush();
  return { text: out };
}

/**
 * MySQL and SQLite match unquoted column names without regard to case, PostgreSQL folds them to
 * lower case: a bare word naming a column spelled otherwise (`Lock` for column "Lock") is quoted
 * with the column's own spelling, so it still names that column. Function names (a word before
 * `(`) and quoted text are left alone.
 */
export function quoteColumnNames(text: string, columns: readonly string[]): string {
  const byLower = new Map<string, string>();
  for (const column of columns)
    if (column !== column.toLowerCase()) byLower.set(column.toLowerCase(), column);
  if (byLower.size === 0) return text;
  let out = '';
  let i = 0;
  while (i < text.length) {
    const char = text[i] ?? '';
    if (char === "'" || char === '"') {
      const end = endOfQuoted(text, i, char);
      out += text.slice(i, end);
      i = end;
      continue;
    }
    const word = /^[A-Za-z_][A-Za-z0-9_$]*/.exec(text.slice(i))?.[0];
    if (word === undefined || /[A-Za-z0-9_$.]/.test(text[i - 1] ?? '')) {
      out += char;
      i++;
      continue;
    }
    const column = byLower.get(word.toLowerCase());
    const call = /^\s*\(/.test(text.slice(i + word.length));
    out += column !== undefined && !call ? `"${column.replaceAll('"', '""')}"` : word;
    i += word.length;
  }
  return out;
}

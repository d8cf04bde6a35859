/**
 * What an expression in a design may not contain whatever the parser makes of it: a comment
 * (which could swallow the rest of the statement it is inlined into), dollar quoting, a
 * positional parameter, or a semicolon. Found by a scan that skips string literals and quoted
 * identifiers, so `'--'` or `"a;b"` are fine.
 */
export interface LexicalProblem {
  code: 'SQL_COMMENT' | 'SQL_DOLLAR_QUOTE' | 'SQL_PARAMETER' | 'SQL_NOT_SINGLE';
  offset: number;
  message: string;
}

const IDENTIFIER_CHAR = /[\p{L}\p{N}_$]/u;

export function findForbiddenToken(text: string): LexicalProblem | undefined {
  let i = 0;
  while (i < text.length) {
    const char = text[i];
    const next = text[i + 1];
    if (char === "'") {
      i = endOfQuoted(text, i, "'", isEscapeString(text, i));
      continue;
    }
    if (char === '"') {
      i = endOfQuoted(text, i, '"', false);
      continue;
    }
    if ((char === '-' && next === '-') || (char === '/' && next === '*')) {
      return { code: 'SQL_COMMENT', offset: i, message: 'comments are not allowed in an expression' };
    }
    if (char === ';') {
      return {
        code: 'SQL_NOT_SINGLE',
        offset: i,
        message: 'a semicolon is not allowed: one expression only',
      };
    }
    if (char === '$' && !(i > 0 && IDENTIFIER_CHAR.test(text[i - 1] ?? ''))) {
      if (next !== undefined && /[0-9]/.test(next)) {
        return { code: 'SQL_PARAMETER', offset: i, message: 'parameters ($1, $2, …) are not allowed' };
      }
      return {
        code: 'SQL_DOLLAR_QUOTE',
        offset: i,
        message: 'dollar quoting is not allowed; use a quoted string',
      };
    }
    i += 1;
  }
  return undefined;
}

/** E'…' strings read backslash escapes; the E must start a token (not end an identifier). */
function isEscapeString(text: string, quoteAt: number): boolean {
  const before = text[quoteAt - 1];
  if (before !== 'e' && before !== 'E') return false;
  return !IDENTIFIER_CHAR.test(text[quoteAt - 2] ?? '');
}

/** Index just past the closing quote (a doubled quote is part of the text), or the end. */
function endOfQuoted(text: string, start: number, quote: string, backslashEscapes: boolean): number {
  let i = start + 1;
  while (i < text.length) {
    const char = text[i];
    if (backslashEscapes && char === '\\') {
      i += 2;
      continue;
    }
    if (char === quote) {
      if (text[i + 1] === quote) {
        i += 2;
        continue;
      }
      return i + 1;
    }
    i += 1;
  }
  return i;
}

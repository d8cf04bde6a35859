/**
 * Reading SQL text the databases hand back (default expressions, enum value lists) without a
 * full SQL parser: quoted literals, balanced parentheses, top-level `::` casts.
 */

const MYSQL_ESCAPES: Readonly<Record<string, string>> = {
  '0': '\u0000',
  b: '\b',
  n: '\n',
  r: '\r',
  t: '\t',
  Z: '\u001a',
};

/** The body of a MySQL '…' literal as text: `''` and backslash escapes (`\\`, `\'`, `\n`, …). */
export function unescapeMysqlString(body: string): string {
  return body.replace(/''|\\(.)/gs, (match, escaped: string | undefined) => {
    if (match === "''") return "'";
    if (escaped === undefined) return match;
    // MySQL keeps the backslash of \% and \_ (they are LIKE escapes).
    if (escaped === '%' || escaped === '_') return match;
    return Object.hasOwn(MYSQL_ESCAPES, escaped) ? (MYSQL_ESCAPES[escaped] ?? escaped) : escaped;
  });
}

/**
 * When `text` is exactly one quoted literal (`'it''s'`), its value; undefined otherwise.
 * `backslashEscapes`: MySQL's string syntax; otherwise the standard one (only `''`).
 */
export function singleQuoted(text: string, backslashEscapes: boolean, quote = "'"): string | undefined {
  if (text.length < 2 || !text.startsWith(quote) || !text.endsWith(quote)) return undefined;
  const body = text.slice(1, -1);
  const q = quote === '"' ? '"' : "'";
  const pattern = backslashEscapes
    ? new RegExp(`^(?:[^${q}\\\\]|${q}${q}|\\\\.)*$`, 's')
    : new RegExp(`^(?:[^${q}]|${q}${q})*$`, 's');
  if (!pattern.test(body)) return undefined;
  if (backslashEscapes) return unescapeMysqlString(body);
  return body.replaceAll(`${q}${q}`, q);
}

/** A PostgreSQL type name as it follows `::` (`character varying(255)`, `"Odd Type"`, `integer[]`). */
const CAST_TYPE =
  /^\s*(?:"(?:[^"]|"")+"|[a-z_][a-z0-9_$]*)(?:\.(?:"(?:[^"]|"")+"|[a-z_][a-z0-9_$]*))?(?:\s+[a-z]+)*\s*(?:\(\s*-?\d+(?:\s*,\s*-?\d+)?\s*\))?(?:\s+with(?:out)?\s+time\s+zone)?(?:\[\])*\s*$/i;

/**
 * The operand of a chain of PostgreSQL casts: `'x'::character varying` → `'x'`, and
 * `('now'::text)::date` → `('now'::text)`. Undefined when the text is not just an operand with
 * casts (`'a'::text || 'b'::text` is an expression).
 */
export function castOperand(text: string): string | undefined {
  const parts: string[] = [];
  let depth = 0;
  let quote: string | undefined;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quote) {
      if (char === quote) {
        if (text[i + 1] === quote) i++;
        else quote = undefined;
      }
    } else if (char === "'" || char === '"') quote = char;
    else if (char === '(') depth++;
    else if (char === ')') depth--;
    else if (char === ':' && text[i + 1] === ':' && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 2;
      i++;
    }
  }
  parts.push(text.slice(start));
  const [operand, ...types] = parts;
  if (operand === undefined || types.length === 0) return undefined;
  return types.every((type) => CAST_TYPE.test(type)) ? operand.trim() : undefined;
}

/** `(x)` → `x` when the outer parentheses enclose the whole text (not in `(a) + (b)`). */
export function stripOuterParentheses(text: string): string {
  let current = text.trim();
  while (current.startsWith('(') && current.endsWith(')') && closingOf(current) === current.length - 1) {
    current = current.slice(1, -1).trim();
  }
  return current;
}

/** Index of the parenthesis closing the one at 0, skipping quoted text; -1 when unbalanced. */
function closingOf(text: string): number {
  let depth = 0;
  let quote: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quote) {
      if (char === quote) quote = undefined;
    } else if (char === "'" || char === '"') quote = char;
    else if (char === '(') depth++;
    else if (char === ')') {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
}

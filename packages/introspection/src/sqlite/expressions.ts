import { blankQuotedAndComments, closingParenthesis, unquote } from './checks.ts';

/*
 * SQLite keeps the expressions of generated columns and of index keys and predicates only in the
 * CREATE statements it stores (`sqlite_schema.sql`); no pragma gives their text. These read them
 * from there, outside quotes and comments, by parentheses and top-level commas.
 */

/** Positions of the commas at depth 0 of `code` between `from` and `to`. */
function topLevelParts(code: string, from: number, to: number): Array<[number, number]> {
  const parts: Array<[number, number]> = [];
  let depth = 0;
  let start = from;
  for (let i = from; i < to; i++) {
    if (code[i] === '(') depth++;
    else if (code[i] === ')') depth--;
    else if (code[i] === ',' && depth === 0) {
      parts.push([start, i]);
      start = i + 1;
    }
  }
  parts.push([start, to]);
  return parts;
}

export interface SqliteIndexParts {
  /** Each key's text without its ASC/DESC and COLLATE. */
  keys: string[];
  where?: string;
}

/** The key texts and predicate of a `CREATE [UNIQUE] INDEX … ON t (…) [WHERE …]` statement. */
export function sqliteIndexParts(createSql: string): SqliteIndexParts | undefined {
  const code = blankQuotedAndComments(createSql);
  const on = /\bon\b[^(]*\(/i.exec(code);
  if (!on) return undefined;
  const open = on.index + on[0].length - 1;
  const close = closingParenthesis(code, open);
  if (close < 0) return undefined;
  const keys = topLevelParts(code, open + 1, close).map(([start, end]) => {
    const blank = code.slice(start, end);
    const kept = blank
      .replace(/(\s+collate\s+\S+)?(\s+(asc|desc))?\s*$/i, '')
      .replace(/(\s+collate\s+\S+)\s*$/i, '');
    return createSql.slice(start, start + kept.length).trim();
  });
  const rest = code.slice(close + 1);
  const where = /^\s*where\s+/i.exec(rest);
  if (!where) return { keys };
  const text = createSql
    .slice(close + 1 + where[0].length)
    .replace(/;\s*$/, '')
    .trim();
  return { keys, where: text };
}

/** Column name → the expression of each generated column of a `CREATE TABLE` statement. */
export function sqliteGeneratedColumns(createSql: string): Map<string, string> {
  const found = new Map<string, string>();
  const code = blankQuotedAndComments(createSql);
  const open = code.indexOf('(');
  const close = open < 0 ? -1 : closingParenthesis(code, open);
  if (close < 0) return found;
  for (const [start, end] of topLevelParts(code, open + 1, close)) {
    const blank = code.slice(start, end);
    const as = /\b(?:generated\s+always\s+)?as\s*\(/i.exec(blank);
    const name = /^\s*("[^"]*"|`[^`]*`|\[[^\]]*\]|\S+)/.exec(createSql.slice(start, end));
    if (!as || !name?.[1]) continue;
    const exprOpen = start + as.index + as[0].length - 1;
    const exprClose = closingParenthesis(code, exprOpen);
    if (exprClose < 0 || exprClose > end) continue;
    found.set(unquote(name[1]), createSql.slice(exprOpen + 1, exprClose).trim());
  }
  return found;
}

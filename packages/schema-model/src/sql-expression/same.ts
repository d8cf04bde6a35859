import { checkSqlExpression } from './check.ts';

/** The parse tree as text without the positions of its nodes: what the expression means, not how it is spaced. */
function meaning(text: string): string | undefined {
  const checked = checkSqlExpression(text, 'expression');
  if (!checked.ok) return undefined;
  return JSON.stringify(checked.node, (key, value: unknown) => (key === 'location' ? undefined : value));
}

/**
 * Whether two expressions parse to the same tree (spacing, redundant parentheses and keyword
 * case aside): `a*2` and `(a * 2)` are the same; `a::text` and `a` are not. Texts that do not
 * parse are the same only when equal. The diff compares generated columns and index keys so.
 */
export function sameSqlExpression(a: string, b: string): boolean {
  if (a.trim() === b.trim()) return true;
  const left = meaning(a);
  return left !== undefined && left === meaning(b);
}

import { checkSqlExpression } from './check.ts';
import type { AstNode } from './parser.ts';
import { stringsOf } from './tree.ts';

/**
 * Casts PostgreSQL writes into an expression it stores (`pg_get_expr`) where the text had none:
 * to text for a varchar argument or a string literal, to numeric for a number. They change no
 * value, so they are not a difference.
 */
const IMPLICIT_CASTS = new Set(['text', 'varchar', 'bpchar', 'numeric']);

/** The parse tree as text without node positions and implicit casts: what the expression means, not how it is written. */
function meaning(text: string): string | undefined {
  const checked = checkSqlExpression(text, 'expression');
  if (!checked.ok) return undefined;
  return JSON.stringify(withoutImplicitCasts(checked.node), (key, value: unknown) =>
    key === 'location' ? undefined : value,
  );
}

function withoutImplicitCasts(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutImplicitCasts);
  if (typeof value !== 'object' || value === null) return value;
  const node = value as AstNode;
  const cast = node.TypeCast as AstNode | undefined;
  if (cast !== undefined) {
    const typeName = (cast.typeName ?? {}) as AstNode;
    const name = stringsOf(typeName.names).at(-1);
    if (name !== undefined && IMPLICIT_CASTS.has(name) && typeName.typmods === undefined)
      return withoutImplicitCasts(cast.arg);
  }
  return Object.fromEntries(Object.entries(node).map(([key, inner]) => [key, withoutImplicitCasts(inner)]));
}

/**
 * Whether two expressions mean the same: equal parse trees once spacing, redundant parentheses,
 * keyword case and the casts PostgreSQL adds when it stores an expression (to text, to numeric)
 * are set aside. `a*2` and `(a * 2)` are the same, `lower(email)` and `lower((email)::text)`
 * too; `a * 2` and `a * 3` are not, nor `a::integer` and `a`. Texts that do not parse are the
 * same only when equal. The diff compares generated columns and index keys and predicates so.
 */
export function sameSqlExpression(a: string, b: string): boolean {
  if (a.trim() === b.trim()) return true;
  const left = meaning(a);
  return left !== undefined && left === meaning(b);
}

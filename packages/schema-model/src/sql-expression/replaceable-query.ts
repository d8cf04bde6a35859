import { checkSqlExpression } from './check.ts';
import type { AstNode } from './parser.ts';

/**
 * Whether PostgreSQL takes `CREATE OR REPLACE VIEW` from query `before` to query `after`: it
 * requires the new query's columns to start with the old ones, same names and same types, in the
 * same order (new columns may only follow). Types are the server's knowledge, so this answers
 * yes only where they cannot differ: the same FROM and WITH (so every name means the same
 * column), no set operation, and the old SELECT list, entry for entry, the first entries of the
 * new one (compared as parse trees, positions aside). WHERE, GROUP BY, HAVING, ORDER BY, LIMIT
 * and DISTINCT may change: they change rows, not column types.
 */
export function replaceableQuery(before: string, after: string): boolean {
  const old = checkSqlExpression(before, 'query');
  const next = checkSqlExpression(after, 'query');
  if (!old.ok || !next.ok) return false;
  const a = old.node;
  const b = next.node;
  if ((a.op ?? 'SETOP_NONE') !== 'SETOP_NONE' || (b.op ?? 'SETOP_NONE') !== 'SETOP_NONE') return false;
  if (same(a.fromClause, b.fromClause) === false || same(a.withClause, b.withClause) === false) return false;
  const oldTargets = Array.isArray(a.targetList) ? a.targetList : [];
  const newTargets = Array.isArray(b.targetList) ? b.targetList : [];
  return (
    oldTargets.length <= newTargets.length && oldTargets.every((target, i) => same(target, newTargets[i]))
  );
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(withoutLocations(a)) === JSON.stringify(withoutLocations(b));
}

function withoutLocations(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutLocations);
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value as AstNode))
    if (key !== 'location') out[key] = withoutLocations(inner);
  return out;
}

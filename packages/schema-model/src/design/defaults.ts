/**
 * Column defaults: a literal (quoted according to the column type at render time) or one of a
 * closed set of SQL expressions. Raw SQL is never accepted.
 */
export const DEFAULT_EXPRESSIONS = [
  'now()',
  'CURRENT_TIMESTAMP',
  'CURRENT_DATE',
  'gen_random_uuid()',
] as const;
export type DefaultExpression = (typeof DEFAULT_EXPRESSIONS)[number];

/** The expression a user-typed default names, matched case-insensitively, or undefined. */
export function defaultExpression(value: unknown): DefaultExpression | undefined {
  if (typeof value !== 'string') return undefined;
  const needle = value.trim().toLowerCase();
  return DEFAULT_EXPRESSIONS.find((expression) => expression.toLowerCase() === needle);
}

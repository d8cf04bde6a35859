import { describe, expect, test } from 'vitest';
import { checkSqlExpression } from './check.ts';

const problemOf = (text: string, kind: 'expression' | 'query' = 'expression') => {
  const result = checkSqlExpression(text, kind);
  return result.ok ? undefined : result.problem;
};

describe('an expression', () => {
  test.each([
    'price > 0',
    "status IN ('new', 'paid')",
    'lower(email) = email',
    "(status)::text = ANY ((ARRAY['a'::character varying, 'b'::character varying])::text[])",
    "note <> '--not a comment' AND code <> ';'",
    'CASE WHEN qty > 0 THEN true ELSE false END',
    "E'it''s \\\\ fine' <> name",
    'a$b > 0',
  ])('%s is accepted', (text) => {
    expect(problemOf(text)).toBeUndefined();
  });

  test('a second statement is refused at the semicolon', () => {
    expect(problemOf('price > 0; DROP TABLE orders')).toMatchObject({ code: 'SQL_NOT_SINGLE', offset: 9 });
  });

  test('a comment that would swallow the rest of the statement is refused where it starts', () => {
    expect(problemOf('price > 0 -- )')).toMatchObject({ code: 'SQL_COMMENT', offset: 10 });
    expect(problemOf('price /* x */ > 0')).toMatchObject({ code: 'SQL_COMMENT', offset: 6 });
  });

  test('dollar quoting and parameters are refused', () => {
    expect(problemOf('name <> $$x$$')).toMatchObject({ code: 'SQL_DOLLAR_QUOTE', offset: 8 });
    expect(problemOf('name <> $tag$x$tag$')).toMatchObject({ code: 'SQL_DOLLAR_QUOTE', offset: 8 });
    expect(problemOf('id = $1')).toMatchObject({ code: 'SQL_PARAMETER', offset: 5 });
  });

  test('text that closes the surrounding parenthesis to add its own clause does not parse', () => {
    expect(problemOf('price > 0) OR (true')).toMatchObject({ code: 'SQL_SYNTAX' });
  });

  test('a syntax error is located in the text as the user wrote it', () => {
    expect(problemOf('price + * 2')).toMatchObject({ code: 'SQL_SYNTAX', offset: 8 });
    expect(problemOf('price >> > 1')?.message).toMatch(/syntax error/);
  });

  test.each(['a, b', 'a AS x', '*', '1 FROM orders', 'a UNION SELECT b', 'DISTINCT a'])(
    '%s is not a single expression',
    (text) => {
      expect(problemOf(text)?.code).toMatch(/^SQL_(NOT_EXPRESSION|SYNTAX)$/);
    },
  );

  test('empty text is refused', () => {
    expect(problemOf('  ')).toMatchObject({ code: 'SQL_SYNTAX', message: 'must not be empty' });
  });
});

describe('a query', () => {
  test('one SELECT with joins, WITH and UNION is accepted', () => {
    const text =
      "WITH recent AS (SELECT * FROM orders WHERE placed_at > now() - interval '1 day') SELECT c.name FROM customers c JOIN recent r ON r.customer_id = c.id UNION SELECT name FROM archive.customers";
    expect(problemOf(text, 'query')).toBeUndefined();
  });

  test.each([
    ['SELECT 1; SELECT 2', 'SQL_NOT_SINGLE'],
    ['DELETE FROM orders', 'SQL_NOT_QUERY'],
    ['WITH gone AS (DELETE FROM orders RETURNING *) SELECT * FROM gone', 'SQL_NOT_QUERY'],
    ['SELECT * INTO copy FROM orders', 'SQL_NOT_QUERY'],
    ['SELECT 1 -- trailing', 'SQL_COMMENT'],
  ])('%s is refused (%s)', (text, code) => {
    expect(problemOf(text, 'query')?.code).toBe(code);
  });
});

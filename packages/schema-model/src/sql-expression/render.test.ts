import { describe, expect, test } from 'vitest';
import { renderSqlExpression } from './render.ts';

describe('an expression written for MySQL and SQLite', () => {
  test('comparisons, logic, IN and BETWEEN are rewritten with each dialect quoting', () => {
    const text = "price >= 0 AND status IN ('new', 'paid') AND qty BETWEEN 1 AND 10 AND note IS NOT NULL";
    expect(renderSqlExpression(text, 'mysql')).toEqual({
      sql: "((`price` >= 0) AND (`status` IN ('new', 'paid')) AND (`qty` BETWEEN 1 AND 10) AND (`note` IS NOT NULL))",
    });
    expect(renderSqlExpression(text, 'sqlite')).toEqual({
      sql: `(("price" >= 0) AND ("status" IN ('new', 'paid')) AND ("qty" BETWEEN 1 AND 10) AND ("note" IS NOT NULL))`,
    });
  });

  test("PostgreSQL's own spelling of an IN list (= ANY of a cast array) becomes IN", () => {
    const text = "(status)::text = ANY ((ARRAY['a'::character varying, 'b'::character varying])::text[])";
    expect(renderSqlExpression(text, 'mysql')).toEqual({ sql: "(`status` IN ('a', 'b'))" });
  });

  test('concatenation is CONCAT in MySQL and || in SQLite; a backslash stays one character', () => {
    expect(renderSqlExpression("first || '\\' || last <> ''", 'mysql')).toEqual({
      sql: "(CONCAT(CONCAT(`first`, '\\\\'), `last`) <> '')",
    });
    expect(renderSqlExpression("first || '\\' || last <> ''", 'sqlite')).toEqual({
      sql: `((("first" || '\\') || "last") <> '')`,
    });
  });

  test('PostgreSQL gets the text as written', () => {
    expect(renderSqlExpression('  price ~ $$x$$ ', 'postgresql')).toEqual({
      refused: 'dollar quoting is not allowed; use a quoted string',
    });
    expect(renderSqlExpression(' price > 0 ', 'postgresql')).toEqual({ sql: 'price > 0' });
  });

  test.each([
    ["email ~ '^[a-z]+$'", 'the operator ~ has no same-meaning form in MySQL'],
    ["name LIKE 'A%'", 'the operator LIKE has no same-meaning form in MySQL'],
    ['qty / 2 > 1', 'division has another meaning in MySQL (it does not truncate integers)'],
    ['now() > created_at', 'the function now has no same-meaning form in MySQL'],
    ['id IN (SELECT 1)', 'a subquery has no same-meaning form in MySQL'],
    ['t.price > 0', 'a column must be named by itself, not qualified by its table'],
    ['price::int > 0', 'a cast to int4 has no same-meaning form in MySQL'],
  ])('%s is refused, saying why', (text, refused) => {
    expect(renderSqlExpression(text, 'mysql')).toEqual({ refused });
  });
});

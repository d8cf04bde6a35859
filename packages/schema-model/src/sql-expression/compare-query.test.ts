import { describe, expect, test } from 'vitest';
import { sameQuery } from './compare-query.ts';

describe('sameQuery: a design’s SELECT and PostgreSQL’s rewrite of it', () => {
  test.each([
    ['SELECT id FROM orders', ' SELECT orders.id\n   FROM orders;'],
    [
      "SELECT o.id, upper(c.country) FROM orders o JOIN customers c ON c.id = o.customer_id WHERE o.status IN ('paid', 'shipped')",
      " SELECT o.id,\n    upper((c.country)::text) AS upper\n   FROM (orders o\n     JOIN customers c ON ((c.id = o.customer_id)))\n  WHERE ((o.status)::text = ANY ((ARRAY['paid'::character varying, 'shipped'::character varying])::text[]));",
    ],
    [
      "SELECT name FROM customers UNION SELECT 'nobody'",
      " SELECT customers.name\n   FROM customers\nUNION\n SELECT 'nobody'::character varying AS name;",
    ],
  ])('%s is the same query as PostgreSQL’s text', (design, live) => {
    expect(sameQuery(design, live)).toBe(true);
  });

  test.each([
    ['SELECT id FROM orders WHERE total > 1', 'SELECT id FROM orders WHERE total > 2'],
    ['SELECT id FROM orders', 'SELECT id AS order_id FROM orders'],
    ['SELECT id::int FROM orders', 'SELECT id::bigint FROM orders'],
    ['SELECT id FROM orders', 'not a query'],
  ])('%s is not %s', (a, b) => {
    expect(sameQuery(a, b)).toBe(false);
  });
});

test('the (key IS NULL) companions of the MySQL/SQLite rewrite do not change the meaning', () => {
  expect(
    sameQuery('SELECT a FROM t ORDER BY a DESC', 'SELECT "a" FROM "t" ORDER BY ("a" IS NULL) DESC, "a" DESC'),
  ).toBe(true);
  expect(sameQuery('SELECT a FROM t ORDER BY a', 'SELECT a FROM t ORDER BY (b IS NULL), a')).toBe(false);
});

import { expect, test } from 'vitest';
import { replaceableQuery } from './replaceable-query.ts';

test.each<[string, string, boolean]>([
  ['SELECT a, b FROM t', 'SELECT a, b FROM t WHERE a > 1', true],
  ['SELECT a, b FROM t', 'SELECT a, b, c FROM t ORDER BY a LIMIT 3', true],
  ['SELECT a, b FROM t', 'SELECT a AS x, b FROM t', false],
  ['SELECT a, b FROM t', 'SELECT b, a FROM t', false],
  ['SELECT a, b FROM t', 'SELECT a FROM t', false],
  ['SELECT a, b FROM t', 'SELECT a, b FROM u', false],
  ['SELECT a FROM t', 'SELECT a::text FROM t', false],
  ['SELECT a FROM t UNION SELECT a FROM u', 'SELECT a FROM t UNION SELECT a FROM u WHERE a > 1', false],
])('%s → %s: CREATE OR REPLACE is %s', (before, after, expected) => {
  expect(replaceableQuery(before, after)).toBe(expected);
});

import { describe, expect, test } from 'vitest';
import { renderSqlQuery } from './render-query.ts';

describe('a view body for MySQL and SQLite', () => {
  test('PostgreSQL gets the text as written', () => {
    expect(renderSqlQuery(' SELECT a FROM t ', 'postgresql')).toEqual({ sql: 'SELECT a FROM t' });
  });

  test.each<[string, string, string]>([
    ['SELECT a, t.b FROM t', 'SELECT `a`, `t`.`b` FROM `t`', 'SELECT "a", "t"."b" FROM "t"'],
    ['SELECT * FROM t AS x', 'SELECT * FROM `t` AS `x`', 'SELECT * FROM "t" AS "x"'],
    ['SELECT x.* FROM t x', 'SELECT `x`.* FROM `t` AS `x`', 'SELECT "x".* FROM "t" AS "x"'],
    [
      'SELECT lower(a) FROM t',
      'SELECT LOWER(`a`) AS `lower` FROM `t`',
      'SELECT lower("a") AS "lower" FROM "t"',
    ],
    [
      "SELECT 'x' || a FROM t",
      "SELECT CONCAT('x', `a`) AS `?column?` FROM `t`",
      `SELECT ('x' || "a") AS "?column?" FROM "t"`,
    ],
    [
      'SELECT count(*), count(DISTINCT a) AS n FROM t GROUP BY b HAVING max(c) > 1',
      'SELECT COUNT(*) AS `count`, COUNT(DISTINCT `a`) AS `n` FROM `t` GROUP BY `b` HAVING (MAX(`c`) > 1)',
      'SELECT COUNT(*) AS "count", COUNT(DISTINCT "a") AS "n" FROM "t" GROUP BY "b" HAVING (MAX("c") > 1)',
    ],
    [
      'SELECT a FROM t ORDER BY a DESC NULLS LAST OFFSET 2',
      'SELECT `a` FROM `t` ORDER BY (`a` IS NULL) ASC, `a` DESC LIMIT 18446744073709551615 OFFSET 2',
      'SELECT "a" FROM "t" ORDER BY ("a" IS NULL) ASC, "a" DESC LIMIT -1 OFFSET 2',
    ],
    [
      'SELECT a FROM t JOIN u USING (a) WHERE a IN (SELECT a FROM v)',
      'SELECT `a` FROM (`t` JOIN `u` USING (`a`)) WHERE (`a` IN (SELECT `a` FROM `v`))',
      'SELECT "a" FROM ("t" JOIN "u" USING ("a")) WHERE ("a" IN (SELECT "a" FROM "v"))',
    ],
    ['SELECT DISTINCT a FROM t, u', 'SELECT DISTINCT `a` FROM `t`, `u`', 'SELECT DISTINCT "a" FROM "t", "u"'],
  ])('%s', (text, mysql, sqlite) => {
    expect(renderSqlQuery(text, 'mysql')).toEqual({ sql: mysql });
    expect(renderSqlQuery(text, 'sqlite')).toEqual({ sql: sqlite });
  });

  test.each<[string, RegExp]>([
    ['WITH x AS (SELECT 1) SELECT * FROM x', /WITH/],
    ['SELECT DISTINCT ON (a) a FROM t', /DISTINCT ON/],
    ['SELECT a FROM t ORDER BY 1', /position/],
    ['SELECT avg(a) FROM t', /function avg/],
    ['SELECT a FROM pg_catalog.pg_class', /PostgreSQL's own/],
    ['SELECT a FROM generate_series(1, 3) a', /function in FROM/],
    ['SELECT row_number() OVER () FROM t', /row_number/],
    ['SELECT a FROM t INTERSECT SELECT a FROM u', /INTERSECT/],
    ['SELECT a::int FROM t', /cast to int4/],
    ['SELECT a FROM t LIMIT 1 FOR UPDATE', /FOR UPDATE/],
  ])('%s is refused, saying why', (text, reason) => {
    const rendered = renderSqlQuery(text, 'sqlite');
    expect('refused' in rendered && rendered.refused).toMatch(reason);
  });

  test('FULL JOIN: SQLite has one, MySQL not', () => {
    expect(renderSqlQuery('SELECT a FROM t FULL JOIN u ON t.a = u.a', 'sqlite')).toHaveProperty('sql');
    expect(renderSqlQuery('SELECT a FROM t FULL JOIN u ON t.a = u.a', 'mysql')).toHaveProperty('refused');
  });
});

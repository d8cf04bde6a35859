import { describe, expect, test } from 'vitest';
import { sameSqlExpression } from './same.ts';

describe('sameSqlExpression', () => {
  test('spacing, parentheses PostgreSQL adds and keyword case do not make a difference', () => {
    expect(sameSqlExpression('a*2', '(a * 2)')).toBe(true);
    expect(sameSqlExpression('lower(email)', 'LOWER( email )')).toBe(true);
    expect(sameSqlExpression('a > 0 and b is not null', '((a > 0) AND (b IS NOT NULL))')).toBe(true);
  });

  test('the casts PostgreSQL adds when it stores an expression are not a difference', () => {
    expect(sameSqlExpression("name || '!'", "(name || '!'::text)")).toBe(true);
    expect(sameSqlExpression('lower(email)', 'lower((email)::text)')).toBe(true);
    expect(sameSqlExpression('price * 2', '(price * (2)::numeric)')).toBe(true);
  });

  test('a different operand, operator or cast is a difference', () => {
    expect(sameSqlExpression('a * 2', 'a * 3')).toBe(false);
    expect(sameSqlExpression('a + b', 'a - b')).toBe(false);
    expect(sameSqlExpression('a::integer', 'a')).toBe(false);
    expect(sameSqlExpression('a::varchar(3)', 'a')).toBe(false);
  });

  test('texts that do not parse are the same only when equal', () => {
    expect(sameSqlExpression('a +', 'a +')).toBe(true);
    expect(sameSqlExpression('a +', 'a  +')).toBe(false);
  });
});

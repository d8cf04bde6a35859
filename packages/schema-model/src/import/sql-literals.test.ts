import { describe, expect, test } from 'vitest';
import { castOperand, singleQuoted, stripOuterParentheses, unescapeMysqlString } from './sql-literals.ts';

describe('reading SQL text the databases hand back', () => {
  test.each([
    ["'x'::character varying", "'x'"],
    ["'x'::character varying(20)", "'x'"],
    ["('now'::text)::date", "('now'::text)"],
    ['\'a\'::"Odd Type"', "'a'"],
    ["'{}'::integer[]", "'{}'"],
    ["'2020-01-01'::timestamp(3) without time zone", "'2020-01-01'"],
    ["'a::b'::text", "'a::b'"],
    ["'a'::text || 'b'::text", undefined],
    ['now()', undefined],
    ['(a)::text + 1', undefined],
  ])('the operand of the casts in %s is %j', (text, operand) => {
    expect(castOperand(text)).toBe(operand);
  });

  test.each([
    ['(-1)', '-1'],
    ["((('x')))", "'x'"],
    ['(a) + (b)', '(a) + (b)'],
    ["(')')", "')'"],
  ])('outer parentheses of %s', (text, expected) => {
    expect(stripOuterParentheses(text)).toBe(expected);
  });

  test.each([
    ["'it''s'", false, "it's"],
    ["'a\\b'", false, 'a\\b'],
    ["'a\\'b'", true, "a'b"],
    ["'a' || 'b'", false, undefined],
    ["'unterminated", false, undefined],
  ])('%s as one literal (backslash escapes: %s) is %j', (text, backslashes, expected) => {
    expect(singleQuoted(text, backslashes)).toBe(expected);
  });

  test.each([
    ['a\\nb', 'a\nb'],
    ['100\\%', '100\\%'],
    ['\\\\', '\\'],
    ["it''s", "it's"],
    ['\\Z\\0', '\u001a\u0000'],
  ])('MySQL string body %j reads as %j', (body, expected) => {
    expect(unescapeMysqlString(body)).toBe(expected);
  });
});

import { describe, expect, test } from 'vitest';
import type { QuoteDialect } from './quote.ts';
import { quoteIdentFor, quoteLiteralFor } from './quote.ts';

describe('quoteIdentFor', () => {
  test.each<[QuoteDialect, string, string]>([
    ['mysql', 'users', '`users`'],
    ['mysql', 'odd`name', '`odd``name`'],
    ['mysql', 'say "hi"', '`say "hi"`'],
    ['mysql', 'заказ', '`заказ`'],
    ['postgresql', 'odd`name', '"odd`name"'],
    ['postgresql', 'say "hi"', '"say ""hi"""'],
    ['sqlite', 'say "hi"', '"say ""hi"""'],
  ])('%s %s → %s', (dialect, name, expected) => {
    expect(quoteIdentFor(dialect, name)).toBe(expected);
  });

  test.each<QuoteDialect>(['mysql', 'postgresql', 'sqlite'])('%s refuses a NUL character', (dialect) => {
    expect(() => quoteIdentFor(dialect, 'a\u0000b')).toThrow(/NUL/);
  });
});

describe('quoteLiteralFor', () => {
  test.each<[QuoteDialect, string, string]>([
    ['mysql', "it's", "'it''s'"],
    ['mysql', 'C:\\temp\\', "'C:\\\\temp\\\\'"],
    ['postgresql', "it's", "'it''s'"],
    ['postgresql', 'C:\\temp\\', "E'C:\\\\temp\\\\'"],
    ['postgresql', "x\\'; DROP TABLE canary; --", "E'x\\\\''; DROP TABLE canary; --'"],
    ['postgresql', 'café ☕', "'café ☕'"],
    ['postgresql', "€\\'", "E'\\u20ac\\\\'''"],
    ['postgresql', '😀\\', "E'\\U0001f600\\\\'"],
    ['sqlite', "it's \\n", "'it''s \\n'"],
    ['mysql', "x\\'; DROP TABLE canary; --", "'x\\\\''; DROP TABLE canary; --'"],
    ['sqlite', "x\\'; DROP TABLE canary; --", "'x\\''; DROP TABLE canary; --'"],
  ])('%s %s → %s', (dialect, value, expected) => {
    expect(quoteLiteralFor(dialect, value)).toBe(expected);
  });
});

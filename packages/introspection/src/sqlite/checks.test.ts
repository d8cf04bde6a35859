import { describe, expect, test } from 'vitest';
import { sqliteChecks } from './checks.ts';

describe('CHECK constraints read from CREATE TABLE text', () => {
  test.each([
    ['CREATE TABLE t (a int CHECK (a > 0))', [{ name: null, clause: '(a > 0)', column: 'a' }]],
    [
      'CREATE TABLE "t" ("a b" NUMERIC CONSTRAINT "t_a b_check" CHECK ("a b" > 0), [c] int CHECK (c > 1))',
      [
        { name: 't_a b_check', clause: '("a b" > 0)', column: 'a b' },
        { name: null, clause: '(c > 1)', column: 'c' },
      ],
    ],
    [
      'CREATE TABLE t (a int, CONSTRAINT positive CHECK (a > (0)))',
      [{ name: 'positive', clause: '(a > (0))' }],
    ],
    [
      'CREATE TABLE t (a int, CONSTRAINT "my check" check(a in (1, 2)))',
      [{ name: 'my check', clause: '(a in (1, 2))' }],
    ],
    ['CREATE TABLE t (a int, CONSTRAINT [br] CHECK (a <> 1))', [{ name: 'br', clause: '(a <> 1)' }]],
    ["CREATE TABLE t (a text DEFAULT 'CHECK (x)')", []],
    ['CREATE TABLE t (a int) -- CHECK (a > 0)', []],
    ['CREATE TABLE t (a int /* CHECK (a > 0) */)', []],
    ['CREATE TABLE t ("check" int, b int CHECK (b > 0))', [{ name: null, clause: '(b > 0)', column: 'b' }]],
    ["CREATE TABLE t (a text CHECK (a <> ')'))", [{ name: null, clause: "(a <> ')')", column: 'a' }]],
    [
      'CREATE TABLE t (a int CHECK (a > 0), b int CHECK (b > a))',
      [
        { name: null, clause: '(a > 0)', column: 'a' },
        { name: null, clause: '(b > a)', column: 'b' },
      ],
    ],
  ])('%s', (sql, expected) => {
    expect(sqliteChecks(sql)).toEqual(expected);
  });
});

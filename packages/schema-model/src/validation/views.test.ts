import { describe, expect, test } from 'vitest';
import { shopDesign } from '../ddl/views.test-support.ts';
import type { ViewDocument } from '../design/document.ts';
import { validateDesign } from './validate.ts';

const summary = (views: ViewDocument[]) =>
  [...validateDesign(shopDesign(views)).errors].map((issue) => `${issue.code} ${issue.path}`);
const view = (name: string, definition: string, id = name): ViewDocument => ({ id, name, definition });

describe('views', () => {
  test('the shop design and its views are valid', () => {
    expect(validateDesign(shopDesign()).errors).toEqual([]);
  });

  test.each<[string, ViewDocument[], string[]]>([
    [
      'a view on a view declared later',
      [view('a', 'SELECT * FROM b'), view('b', 'SELECT id FROM orders')],
      [],
    ],
    ['PostgreSQL catalogs', [view('a', 'SELECT relname FROM pg_catalog.pg_class')], []],
    ['public. is the design’s own', [view('a', 'SELECT id FROM public.orders')], []],
    ['its own WITH names', [view('a', 'WITH x AS (SELECT id FROM orders) SELECT * FROM x')], []],
    [
      'a missing table',
      [view('a', 'SELECT id FROM invoices')],
      ['VIEW_UNKNOWN_RELATION views[0].definition'],
    ],
    [
      'another schema',
      [view('a', 'SELECT id FROM sales.orders')],
      ['VIEW_UNKNOWN_RELATION views[0].definition'],
    ],
    ['a table’s name', [view('orders', 'SELECT 1')], ['NAME_CONFLICT views[0].name']],
    [
      'two views of one name',
      [view('a', 'SELECT 1', 'x'), view('a', 'SELECT 2', 'y')],
      ['DUPLICATE_VIEW_NAME views[1].name'],
    ],
    [
      'two views of one id',
      [view('a', 'SELECT 1', 'x'), view('b', 'SELECT 2', 'x')],
      ['DUPLICATE_ID views[1].id'],
    ],
    ['no name', [view('', 'SELECT 1')], ['NAME_EMPTY views[0].name']],
    ['a syntax error', [view('a', 'SELECT FROM WHERE')], ['SQL_SYNTAX views[0].definition']],
    [
      'a second statement',
      [view('a', 'SELECT 1; DROP TABLE orders')],
      ['SQL_NOT_SINGLE views[0].definition'],
    ],
    ['a comment', [view('a', 'SELECT 1 -- x')], ['SQL_COMMENT views[0].definition']],
    ['dollar quoting', [view('a', 'SELECT $$x$$')], ['SQL_DOLLAR_QUOTE views[0].definition']],
    ['not a SELECT', [view('a', 'DELETE FROM orders')], ['SQL_NOT_QUERY views[0].definition']],
    ['a view reading itself', [view('a', 'SELECT * FROM a')], ['VIEW_CIRCULAR views[0].definition']],
    [
      'views reading each other',
      [view('a', 'SELECT * FROM b'), view('b', 'SELECT * FROM c'), view('c', 'SELECT * FROM a')],
      ['VIEW_CIRCULAR views[0].definition'],
    ],
  ])('%s', (_, views, expected) => {
    expect(summary(views)).toEqual(expected);
  });

  test('errors say where and what', () => {
    const errors = validateDesign(
      shopDesign([
        view('a', 'SELECT id FROM invoices'),
        view('b', 'SELECT * FROM c'),
        view('c', 'SELECT * FROM b'),
        view('d', 'SELECT id FROM orders WHERE'),
      ]),
    ).errors;
    expect(errors.map((e) => e.message)).toEqual([
      'At character 28: syntax error at end of input.',
      'View "a" reads "invoices", which is neither a table nor a view of this design.',
      'Views read each other in a loop ("b" → "c" → "b"): none of them can be created.',
    ]);
  });

  test('for MySQL or SQLite, a view the export leaves out is an error at its definition', () => {
    const report = validateDesign(
      shopDesign([view('a', "SELECT id, now() - interval '1 day' AS t FROM orders")]),
      {
        dialect: 'sqlite',
      },
    );
    expect(report.errors.map((e) => `${e.code} ${e.path}`)).toEqual([
      'EXPRESSION_NOT_PORTABLE views[0].definition',
    ]);
    expect(validateDesign(shopDesign(), { dialect: 'postgresql' }).valid).toBe(true);
  });
});

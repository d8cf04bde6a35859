import { describe, expect, test } from 'vitest';
import type { IntrospectedCheck } from './catalog.ts';
import {
  catalog,
  codes,
  column,
  columnOf,
  idKey,
  importValid,
  table,
  tableOf,
} from './catalog-builders.test-support.ts';
import { checkClauseBody, quoteColumnNames } from './check-text.ts';

const check = (
  name: string | null,
  expression: string,
  extra: Partial<IntrospectedCheck> = {},
): IntrospectedCheck => ({
  name,
  expression,
  options: [],
  ...extra,
});

const products = (checks: IntrospectedCheck[]) =>
  catalog([
    table(
      'products',
      [
        column('id', 'integer', { nullable: false }),
        column('price', 'numeric(10,2)'),
        column('discount', 'numeric(10,2)'),
      ],
      { ...idKey(), checks },
    ),
  ]);

describe('checkClauseBody', () => {
  test.each([
    ['CHECK ((price > (0)::numeric))', 'price > (0)::numeric', ''],
    ['CHECK (price > 0) NOT VALID', 'price > 0', 'NOT VALID'],
    ["CHECK ((a)::text <> ')')", "(a)::text <> ')'", ''],
    ['(a > 0) AND (b > 0)', '(a > 0) AND (b > 0)', ''],
  ])('%s', (text, expression, rest) => {
    expect(checkClauseBody(text)).toEqual({ expression, rest });
  });
});

describe('quoteColumnNames', () => {
  test('a bare word naming a column in another case takes the column’s spelling; calls and strings stay', () => {
    expect(
      quoteColumnNames(`Lock='X' AND lock <> 'Lock' AND Lower(Lock) <> "Lock" AND t.Lock > 0`, [
        'Lock',
        'id',
      ]),
    ).toBe(`"Lock"='X' AND "Lock" <> 'Lock' AND Lower("Lock") <> "Lock" AND t.Lock > 0`);
  });
});

describe('importing checks', () => {
  test('PostgreSQL: a column check named as PostgreSQL names it is the column’s, the others table checks with their names', () => {
    const result = importValid(
      products([
        check('products_price_check', 'CHECK ((price > (0)::numeric))', { columns: ['price'] }),
        check('discount_below_price', 'CHECK ((discount < price))', { columns: ['price', 'discount'] }),
        check('positive_discount', 'CHECK ((discount >= (0)::numeric))', { columns: ['discount'] }),
      ]),
    );
    expect(columnOf(result.document, 'products', 'price').check).toBe('price > (0)::numeric');
    expect(tableOf(result.document, 'products').checks).toEqual([
      expect.objectContaining({ name: 'discount_below_price', expression: 'discount < price' }),
      expect.objectContaining({ name: 'positive_discount', expression: 'discount >= (0)::numeric' }),
    ]);
    expect(result.warnings).toEqual([]);
  });

  test('PostgreSQL: a check using a function of the database (not PostgreSQL’s own) stays a warning', () => {
    const result = importValid(
      products([
        check('tidy', 'CHECK (tidy(price))', { columns: ['price'], uses: ['public.tidy(numeric)'] }),
      ]),
    );
    expect(tableOf(result.document, 'products').checks).toBeUndefined();
    expect(result.warnings).toEqual([
      expect.objectContaining({
        code: 'UNSUPPORTED_CHECK_CONSTRAINT',
        message: expect.stringContaining('it uses public.tidy(numeric), which a design does not hold'),
      }),
    ]);
  });

  test('PostgreSQL: NOT VALID is imported as a check that holds, with a warning', () => {
    const result = importValid(
      products([check('p', 'CHECK (price > 0) NOT VALID', { options: ['NOT VALID'] })]),
    );
    expect(tableOf(result.document, 'products').checks).toEqual([
      expect.objectContaining({ expression: 'price > 0' }),
    ]);
    expect(codes(result)).toEqual(['CHECK_OPTIONS_DROPPED tables.products.checks.p']);
  });

  test('MySQL: backticks become double quotes, a column-level check is the column’s', () => {
    const result = importValid(
      products([
        check('price', '`price` > 0', { column: 'price' }),
        check('discount_below_price', '`discount` < `price`'),
        check('lower_code', "lcase(`price`) <> 'lcase(x)'"),
      ]),
      'mysql',
    );
    expect(columnOf(result.document, 'products', 'price').check).toBe('"price" > 0');
    expect(tableOf(result.document, 'products').checks).toEqual([
      expect.objectContaining({ name: 'discount_below_price', expression: '"discount" < "price"' }),
      // MariaDB's own spelling of lower(), outside strings only.
      expect.objectContaining({ name: 'lower_code', expression: `lower("price") <> 'lcase(x)'` }),
    ]);
  });

  test('MySQL: a check that may not mean the same in PostgreSQL stays a warning', () => {
    const result = importValid(
      products([
        check('j', 'json_valid(`price`)'),
        check('esc', "`price` <> 'a\\\\b'"),
        check('dq', '`price` <> "x"'),
      ]),
      'mysql',
    );
    expect(tableOf(result.document, 'products').checks).toBeUndefined();
    expect(codes(result)).toEqual([
      'UNSUPPORTED_CHECK_CONSTRAINT tables.products.checks.j',
      'UNSUPPORTED_CHECK_CONSTRAINT tables.products.checks.esc',
      'UNSUPPORTED_CHECK_CONSTRAINT tables.products.checks.dq',
    ]);
  });

  test('SQLite: bracketed identifiers, unnamed checks, a check on an unknown column stays a warning', () => {
    const result = importValid(
      products([
        check(null, 'CHECK ([price] > 0)', { column: 'price' }),
        check(null, 'CHECK (discount < price)'),
        check('gone', 'CHECK (cost > 0)'),
      ]),
      'sqlite',
    );
    expect(columnOf(result.document, 'products', 'price').check).toBe('"price" > 0');
    expect(tableOf(result.document, 'products').checks).toEqual([
      expect.objectContaining({ expression: 'discount < price' }),
    ]);
    expect(tableOf(result.document, 'products').checks?.[0]?.name).toBeUndefined();
    expect(codes(result)).toEqual(['UNSUPPORTED_CHECK_CONSTRAINT tables.products.checks.gone']);
  });
});

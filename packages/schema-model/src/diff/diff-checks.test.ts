import { describe, expect, test } from 'vitest';
import { checkedDesign } from '../ddl/checks.test-support.ts';
import { renderPostgresDataCheck } from './data-check.ts';
import { design, edit } from './design-helpers.test-support.ts';
import { planPostgresMigration } from './diff.ts';
import { planShape } from './expect-steps.test-support.ts';

const base = checkedDesign();

describe('checks in a migration', () => {
  test('an unchanged design plans nothing', () => {
    expect(planShape(base, base)).toEqual([]);
  });

  test('a new table check is added after the columns, may fail on rows, and its violations are counted first', () => {
    const v2 = edit(base, (d) => {
      d.table('t1').checks?.push({ id: 'k3', name: 'cheap', expression: 'price < 1000' });
    });
    expect(planShape(base, v2)).toEqual([
      [
        'add_check:t1:k3',
        0,
        'LOCKS_TABLE,DATA_DEPENDENT',
        ['ALTER TABLE "products" ADD CONSTRAINT "cheap" CHECK (price < 1000);'],
      ],
    ]);
    const [check] = planPostgresMigration(design(base), design(v2)).steps.flatMap((s) => s.dataChecks);
    expect(check && renderPostgresDataCheck(check)).toBe(
      'SELECT count(*) FROM "products" WHERE NOT (price < 1000)',
    );
  });

  test('a column gaining its own check gets the name PostgreSQL would give it', () => {
    const v2 = edit(base, (d) => {
      d.column('t1', 'c3').check = 'discount >= 0';
    });
    expect(planShape(base, v2).map(([, , , sql]) => sql)).toEqual([
      ['ALTER TABLE "products" ADD CONSTRAINT "products_discount_check" CHECK (discount >= 0);'],
    ]);
  });

  test('a dropped check is dropped first', () => {
    const v2 = edit(base, (d) => {
      d.table('t1').checks = [];
      d.column('t1', 'c2').check = null;
    });
    expect(planShape(base, v2)).toEqual([
      ['drop_check:t1:column:c2', 0, '', ['ALTER TABLE "products" DROP CONSTRAINT "products_price_check";']],
      ['drop_check:t1:k1', 0, '', ['ALTER TABLE "products" DROP CONSTRAINT "discount_below_price";']],
      ['drop_check:t1:k2', 0, '', ['ALTER TABLE "products" DROP CONSTRAINT "products_check";']],
    ]);
  });

  test('a changed expression is dropped and added again under its name', () => {
    const v2 = edit(base, (d) => {
      d.column('t1', 'c2').check = 'price >= 1';
    });
    expect(planShape(base, v2).map(([id, , , sql]) => [id, sql])).toEqual([
      ['drop_check:t1:column:c2', ['ALTER TABLE "products" DROP CONSTRAINT "products_price_check";']],
      [
        'add_check:t1:column:c2',
        ['ALTER TABLE "products" ADD CONSTRAINT "products_price_check" CHECK (price >= 1);'],
      ],
    ]);
  });

  test('a renamed check is renamed; a renamed table takes its generated check names along', () => {
    const v2 = edit(base, (d) => {
      const products = d.table('t1');
      products.name = 'items';
      const first = products.checks?.[0];
      if (first) first.name = 'discount_under_price';
    });
    expect(planShape(base, v2).map(([, , , sql]) => sql[0])).toEqual(
      expect.arrayContaining([
        'ALTER TABLE "products" RENAME TO "items";',
        'ALTER TABLE "items" RENAME CONSTRAINT "discount_below_price" TO "discount_under_price";',
        'ALTER TABLE "items" RENAME CONSTRAINT "products_check" TO "items_check";',
        'ALTER TABLE "items" RENAME CONSTRAINT "products_price_check" TO "items_price_check";',
      ]),
    );
  });

  test('a check over a renamed column is added again, without a data check in names the rows do not have yet', () => {
    const v2 = edit(base, (d) => {
      d.column('t1', 'c2').name = 'unit_price';
      d.column('t1', 'c2').check = 'unit_price > 0';
      const first = d.table('t1').checks?.[0];
      if (first) first.expression = 'discount IS NULL OR discount < unit_price';
    });
    const plan = planPostgresMigration(design(base), design(v2));
    const adds = plan.steps.filter((s) => s.id.startsWith('add_check'));
    expect(adds.map((s) => s.sql[0])).toEqual([
      'ALTER TABLE "products" ADD CONSTRAINT "products_unit_price_check" CHECK (unit_price > 0);',
      'ALTER TABLE "products" ADD CONSTRAINT "discount_below_price" CHECK (discount IS NULL OR discount < unit_price);',
    ]);
    expect(adds.flatMap((s) => s.dataChecks)).toEqual([]);
    const ids = plan.steps.map((s) => s.id);
    expect(ids.indexOf('drop_check:t1:column:c2')).toBeLessThan(ids.indexOf('rename_column:t1:c2'));
  });
});

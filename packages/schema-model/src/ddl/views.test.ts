import { describe, expect, test } from 'vitest';
import { normalizeDesign } from '../design/normalize.ts';
import { generateDdl } from './generate.ts';
import { shopDesign } from './views.test-support.ts';

describe('views in the create script', () => {
  const ddl = generateDdl(normalizeDesign(shopDesign()));
  const planned = ddl.plan.flatMap((s) => (s.kind === 'create_view' ? [s.name] : []));

  test('come after every table and foreign key, each after the views it reads', () => {
    const lastTable = ddl.plan.findLastIndex(
      (s) => s.kind === 'create_table' || s.kind === 'add_foreign_key',
    );
    const firstView = ddl.plan.findIndex((s) => s.kind === 'create_view');
    expect(firstView).toBeGreaterThan(lastTable);
    expect(planned).toEqual([
      'order_totals',
      'big_spenders',
      'active_customers',
      'paid_orders',
      'last_emails',
      'buyer_names',
      'orders_by_day',
      'orders_today',
    ]);
  });

  test('PostgreSQL: the SELECT as written, and the comment', () => {
    expect(ddl.statements).toContain(
      'CREATE VIEW "big_spenders" AS\nSELECT customer_id, name FROM order_totals WHERE spent > 100;',
    );
    expect(ddl.statements).toContain(`COMMENT ON VIEW "order_totals" IS 'What each customer ordered';`);
  });

  test('generated names keep clear of view names (one namespace of relations)', () => {
    const design = normalizeDesign(
      shopDesign([{ id: 'v', name: 'orders_pkey', definition: 'SELECT id FROM orders' }]),
    );
    const keys = generateDdl(design).plan.flatMap((s) =>
      s.kind === 'create_table' ? [s.primaryKey?.name] : [],
    );
    expect(keys).toEqual(['customers_pkey', 'orders_pkey_1']);
  });

  test('a definition PostgreSQL would not take as one SELECT is never written out', () => {
    const design = normalizeDesign(
      shopDesign([{ id: 'v', name: 'v', definition: 'SELECT 1; DROP TABLE orders' }]),
    );
    expect(() => generateDdl(design)).toThrow(/SQL_NOT_SINGLE/);
  });
});

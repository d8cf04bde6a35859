import type { TestDatabase } from '@schema-builder/testing/postgres';
import { createTestDatabase } from '@schema-builder/testing/postgres';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { SHOP_ROWS, SHOP_VIEWS, shopDesign } from '../ddl/views.test-support.ts';
import type { DesignDocument } from '../design/document.ts';
import { normalizeDesign } from '../design/normalize.ts';
import { compareWithCatalog } from './compare-catalog.ts';
import { planPostgresMigration } from './diff.ts';
import type { Connection } from './pg-harness.test-support.ts';
import { applyPlan, build, inFreshSchema } from './pg-harness.test-support.ts';

/**
 * Migrations of a database with views on real PostgreSQL: the views that read what changes are
 * dropped first and created again after, so PostgreSQL (which refuses to change a column a view
 * reads) accepts the plan, and the database ends with exactly the views a fresh build has.
 */

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase('sbviewdiff');
});
afterAll(async () => {
  await db?.drop();
});

/** Each view of the current schema with PostgreSQL's own text of its query. */
async function views(conn: Connection): Promise<Record<string, string>> {
  const rows = await conn.unsafe<{ name: string; definition: string }[]>(
    'SELECT viewname::text AS name, definition FROM pg_views WHERE schemaname = current_schema() ORDER BY 1',
  );
  return Object.fromEntries(rows.map((row) => [row.name, row.definition]));
}

async function migrate(before: DesignDocument, after: DesignDocument) {
  const from = normalizeDesign(before);
  const to = normalizeDesign(after);
  const plan = planPostgresMigration(from, to);
  const expected = await inFreshSchema(db.sql, async (conn) => {
    await build(conn, to);
    return views(conn);
  });
  const result = await inFreshSchema(db.sql, async (conn) => {
    await build(conn, from);
    for (const statement of SHOP_ROWS) await conn.unsafe(statement);
    await applyPlan(conn, plan);
    const [row] = await conn.unsafe<{ n: number }[]>('SELECT count(*)::int AS n FROM big_spenders');
    return { views: await views(conn), bigSpenders: row?.n };
  });
  return { plan, expected, ...result };
}

const withTotal = (doc: DesignDocument, column: Record<string, unknown>): DesignDocument => {
  const orders = doc.tables[1];
  if (!orders) throw new Error('the shop has orders');
  return {
    ...doc,
    tables: [
      doc.tables[0] as DesignDocument['tables'][number],
      { ...orders, columns: orders.columns.map((c) => (c.id === 'o-total' ? { ...c, ...column } : c)) },
    ],
  };
};

test('a column type a view reads changes: its views (and views on them) are dropped first and created again', async () => {
  const before = shopDesign();
  const after = withTotal(before, { precision: 12, scale: 3 });
  const { plan, expected, views: actual, bigSpenders } = await migrate(before, after);
  expect(actual).toEqual(expected);
  expect(bigSpenders).toBe(2);
  const ids = plan.steps.map((step) => step.id);
  expect(ids.indexOf('drop_view:v-big')).toBeLessThan(ids.indexOf('drop_view:v-totals'));
  expect(ids.indexOf('drop_view:v-totals')).toBeLessThan(ids.indexOf('alter_column_type:orders:o-total'));
  expect(ids.indexOf('create_view:v-totals')).toBeLessThan(ids.indexOf('create_view:v-big'));
  // The customers-only view is left alone.
  expect(ids.filter((id) => id.includes('v-active'))).toEqual([]);
  expect(plan.steps.find((s) => s.id === 'create_view:v-totals')?.hazards).toEqual([
    {
      code: 'BREAKS_CLIENTS',
      message: 'view "order_totals" is recreated: privileges granted on it are lost',
    },
  ]);
});

test('a column a view reads is renamed and the view follows it; a view is dropped, one added, one renamed', async () => {
  const before = shopDesign();
  const renamed = withTotal(before, { name: 'amount' });
  const after: DesignDocument = {
    ...renamed,
    views: SHOP_VIEWS.filter((view) => view.id !== 'v-buyers').map((view) => {
      if (view.id === 'v-totals')
        return {
          ...view,
          definition:
            'SELECT c.id AS customer_id, c.name, count(o.id) AS orders, sum(o.amount) AS spent FROM customers c LEFT JOIN orders o ON o.customer_id = c.id GROUP BY c.id, c.name',
        };
      if (view.id === 'v-paid')
        return { ...view, name: 'settled_orders', definition: 'SELECT o.id, o.amount FROM orders o' };
      if (view.id === 'v-active') return { ...view, comment: 'With an address' };
      return view;
    }),
  };
  after.views?.push({
    id: 'v-new',
    name: 'spend_per_country',
    definition:
      'SELECT c.country, sum(t.spent) AS spent FROM order_totals t JOIN customers c ON c.id = t.customer_id GROUP BY c.country',
  });
  const { plan, expected, views: actual } = await migrate(before, after);
  expect(actual).toEqual(expected);
  expect(plan.steps.find((s) => s.id === 'drop_view:v-buyers')?.hazards.map((h) => h.code)).toEqual([
    'BREAKS_CLIENTS',
  ]);
  expect(plan.steps.find((s) => s.id === 'comment_view:v-active')?.sql).toEqual([
    `COMMENT ON VIEW "active_customers" IS 'With an address';`,
  ]);
  // Diffing the new version against itself plans nothing.
  expect(planPostgresMigration(normalizeDesign(after), normalizeDesign(after)).steps).toEqual([]);
});

test('a table a view reads is dropped with the view', async () => {
  const before = shopDesign([
    SHOP_VIEWS[2] as (typeof SHOP_VIEWS)[number],
    { id: 'v-o', name: 'order_ids', definition: 'SELECT id FROM orders' },
  ]);
  const after: DesignDocument = {
    ...before,
    tables: [before.tables[0] as DesignDocument['tables'][number]],
    foreignKeys: [],
    views: [SHOP_VIEWS[2] as (typeof SHOP_VIEWS)[number]],
  };
  const plan = planPostgresMigration(normalizeDesign(before), normalizeDesign(after));
  expect(plan.steps.map((s) => s.id).slice(0, 2)).toEqual(['drop_view:v-o', 'drop_table:orders']);
  await inFreshSchema(db.sql, async (conn) => {
    await build(conn, normalizeDesign(before));
    await applyPlan(conn, plan);
    expect(Object.keys(await views(conn))).toEqual(['active_customers']);
  });
});

test('the catalog comparison finds a database’s views the design’s, though PostgreSQL rewrote their text', async () => {
  const design = normalizeDesign(shopDesign());
  await inFreshSchema(db.sql, async (conn) => {
    await build(conn, design);
    const live = await conn.unsafe<{ name: string; definition: string }[]>(
      'SELECT viewname::text AS name, definition FROM pg_views WHERE schemaname = current_schema()',
    );
    const viewMismatches = (d: typeof design) =>
      compareWithCatalog(d, [], undefined, live).filter((m) => m.code.startsWith('VIEW_'));
    expect(live.map((v) => v.definition).join('\n')).toContain('ANY');
    expect(viewMismatches(design)).toEqual([]);

    const edited = normalizeDesign(
      shopDesign([
        ...SHOP_VIEWS.filter((v) => v.id !== 'v-day2').map((v) =>
          v.id === 'v-active'
            ? { ...v, definition: 'SELECT id, name, email FROM customers WHERE email IS NULL' }
            : v,
        ),
        { id: 'v-x', name: 'extra', definition: 'SELECT 1' },
      ]),
    );
    expect(viewMismatches(edited).map((m) => `${m.code} ${m.table}`)).toEqual([
      'VIEW_DIFFERS active_customers',
      'VIEW_MISSING extra',
      'VIEW_UNEXPECTED orders_today',
    ]);
  });
});

test('a view keeping its columns first is replaced in place, its readers left alone; otherwise dropped and created with them', async () => {
  const before = shopDesign();
  const totals = SHOP_VIEWS[1] as (typeof SHOP_VIEWS)[number];
  const withView = (definition: string): DesignDocument => ({
    ...before,
    views: SHOP_VIEWS.map((view) => (view.id === totals.id ? { ...view, definition } : view)),
  });
  const appended = withView(
    'SELECT c.id AS customer_id, c.name, count(o.id) AS orders, sum(o.total) AS spent, max(o.total) AS biggest FROM customers c LEFT JOIN orders o ON o.customer_id = c.id WHERE c.id > 0 GROUP BY c.id, c.name',
  );
  const replaced = await migrate(before, appended);
  expect(replaced.plan.steps.map((s) => s.id)).toEqual(['replace_view:v-totals']);
  expect(replaced.plan.steps[0]?.sql[0]).toMatch(/^CREATE OR REPLACE VIEW "order_totals" AS/);
  expect(replaced.plan.steps[0]?.hazards).toEqual([]);
  expect(replaced.views).toEqual(replaced.expected);

  const renamedColumn = withView(
    'SELECT c.id AS customer_id, c.name, count(o.id) AS order_count, sum(o.total) AS spent FROM customers c LEFT JOIN orders o ON o.customer_id = c.id GROUP BY c.id, c.name',
  );
  const recreated = await migrate(before, renamedColumn);
  expect(recreated.plan.steps.map((s) => s.id)).toEqual([
    'drop_view:v-big',
    'drop_view:v-totals',
    'create_view:v-totals',
    'create_view:v-big',
  ]);
  expect(recreated.views).toEqual(recreated.expected);
});

test('a view renamed keeps its privileges (ALTER VIEW … RENAME); a reader naming it anew is created again', async () => {
  const before = shopDesign();
  const after: DesignDocument = {
    ...before,
    views: SHOP_VIEWS.map((view) => {
      if (view.id === 'v-totals') return { ...view, name: 'customer_totals' };
      if (view.id === 'v-big')
        return { ...view, definition: 'SELECT customer_id, name FROM customer_totals WHERE spent > 100' };
      return view;
    }),
  };
  const { plan, expected, views: actual, bigSpenders } = await migrate(before, after);
  expect(plan.steps.map((s) => s.id)).toEqual([
    'drop_view:v-big',
    'rename_view:v-totals',
    'create_view:v-big',
  ]);
  expect(plan.steps[1]?.sql).toEqual(['ALTER VIEW "order_totals" RENAME TO "customer_totals";']);
  expect(actual).toEqual(expected);
  expect(bigSpenders).toBe(2);
});

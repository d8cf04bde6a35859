import type { DesignDocument } from '@schema-builder/schema-model/design';
import { normalizeDesign } from '@schema-builder/schema-model/design';
import { compareWithCatalog, planPostgresMigration } from '@schema-builder/schema-model/diff';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { inspectDatabase } from './inspect.ts';
import { migrateDatabase } from './migrate.ts';
import { provision } from './provision.ts';
import { openTestServer, type TestServer } from './test-server.test-support.ts';

/**
 * A design with views, provisioned on PostgreSQL and then migrated by a change PostgreSQL refuses
 * while a view reads the column (its type): the plan drops the views and creates them again, and
 * the database ends with exactly the views of the new version, owned by the database's role.
 */
let server: TestServer;
beforeAll(() => {
  server = openTestServer();
});
afterAll(async () => {
  await server?.cleanup();
});

const version = (totalScale: number): DesignDocument => ({
  name: 'views shop',
  tables: [
    {
      id: 'orders',
      name: 'orders',
      columns: [
        { id: 'id', name: 'id', dataType: 'INT', primaryKey: true },
        { id: 'customer', name: 'customer', dataType: 'VARCHAR', length: 50, nullable: false },
        { id: 'total', name: 'total', dataType: 'DECIMAL', precision: 12, scale: totalScale },
      ],
    },
  ],
  views: [
    {
      id: 'totals',
      name: 'customer_totals',
      definition: 'SELECT customer, sum(total) AS spent FROM orders GROUP BY customer',
      comment: 'Spent per customer',
    },
    {
      id: 'big',
      name: 'big_customers',
      definition: 'SELECT customer FROM customer_totals WHERE spent > 100',
    },
  ],
});

async function viewsOf(database: string) {
  return server.session.inDatabase(
    database,
    (sql) =>
      sql<{ name: string; owner: string; rows: number }[]>`
      SELECT c.relname::text AS name, pg_get_userbyid(c.relowner)::text AS owner,
             (xpath('/row/n/text()', query_to_xml(format('SELECT count(*) AS n FROM %I', c.relname), false, true, '')))[1]::text::int AS rows
      FROM pg_class c WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'v' ORDER BY 1`,
  );
}

test('a provisioned database has the design’s views; a column type they read changes and the migration recreates them', async () => {
  const before = version(2);
  const after = version(4);
  const plan = server.plan(before);
  await provision(server.session, plan);
  await server.session.inDatabase(plan.database, (sql) =>
    sql`INSERT INTO orders (id, customer, total) VALUES (1, 'ada', 99.5), (2, 'ada', 20), (3, 'bob', 50)`.then(
      () => undefined,
    ),
  );
  expect(await viewsOf(plan.database)).toEqual([
    { name: 'big_customers', owner: plan.role, rows: 1 },
    { name: 'customer_totals', owner: plan.role, rows: 2 },
  ]);
  const first = await inspectDatabase(server.session, plan.database);
  if (!first.exists) throw new Error('the database is missing');
  expect(compareWithCatalog(normalizeDesign(before), first.tables, undefined, first.views)).toEqual([]);

  const migration = planPostgresMigration(normalizeDesign(before), normalizeDesign(after));
  expect(migration.steps.map((s) => s.id)).toEqual([
    'drop_view:big',
    'drop_view:totals',
    'alter_column_type:orders:total',
    'create_view:totals',
    'create_view:big',
  ]);
  const outcome = await migrateDatabase(server.session, {
    designId: plan.designId,
    database: plan.database,
    role: plan.role,
    fromVersion: 1,
    toVersion: 2,
    steps: migration.steps.map(({ id, phase, sql }) => ({ id, phase, sql })),
  });
  expect(outcome).toBe('applied');
  expect(await viewsOf(plan.database)).toEqual([
    { name: 'big_customers', owner: plan.role, rows: 1 },
    { name: 'customer_totals', owner: plan.role, rows: 2 },
  ]);
  const second = await inspectDatabase(server.session, plan.database);
  if (!second.exists) throw new Error('the database is missing');
  expect(compareWithCatalog(normalizeDesign(after), second.tables, undefined, second.views)).toEqual([]);
  const comment = await server.session.inDatabase(
    plan.database,
    (sql) =>
      sql<{ comment: string }[]>`SELECT obj_description('customer_totals'::regclass, 'pg_class') AS comment`,
  );
  expect(comment[0]?.comment).toBe('Spent per customer');
});

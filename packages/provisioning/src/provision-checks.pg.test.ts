import { compareWithCatalog } from '@schema-builder/schema-model/diff';
import { parseDesign } from '@schema-builder/schema-model/validation';
import { column, designDocument, intKey, table } from '@schema-builder/testing/design-builders';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { inspectDatabase } from './inspect.ts';
import { provision } from './provision.ts';
import { loginUrl, openTestServer, type TestServer } from './test-server.test-support.ts';

let server: TestServer;
beforeAll(() => {
  server = openTestServer();
});
afterAll(async () => {
  await server?.cleanup();
});

const checked = designDocument(
  [
    table(
      't1',
      'products',
      [
        intKey('c1'),
        column('c2', 'price', 'NUMERIC', { precision: 10, scale: 2, nullable: false, check: 'price > 0' }),
        column('c3', 'discount', 'NUMERIC', { precision: 10, scale: 2 }),
      ],
      {
        checks: [
          { id: 'k1', name: 'discount_below_price', expression: 'discount IS NULL OR discount < price' },
        ],
      },
    ),
  ],
  { name: 'checked' },
);

describe('a provisioned database with checks', () => {
  test('refuses, as its own role, a row that violates a column check or a table check', async () => {
    const plan = server.plan(checked);
    await provision(server.session, plan);
    const client = postgres(loginUrl(server, plan.role, plan.password, plan.database), {
      max: 1,
      onnotice: () => {},
    });
    try {
      await client`INSERT INTO products (price, discount) VALUES (10, 5)`;
      await expect(client`INSERT INTO products (price) VALUES (0)`).rejects.toThrow(
        'violates check constraint "products_price_check"',
      );
      await expect(client`INSERT INTO products (price, discount) VALUES (10, 20)`).rejects.toThrow(
        'violates check constraint "discount_below_price"',
      );
      expect(await client`SELECT price::text, discount::text FROM products`).toEqual([
        { price: '10.00', discount: '5.00' },
      ]);
    } finally {
      await client.end({ timeout: 5 });
    }
  });

  test('its catalog check sees the checks: none missing, and a dropped one is reported', async () => {
    const plan = server.plan(checked);
    await provision(server.session, plan);
    const parsed = parseDesign(checked);
    if (!parsed.ok) throw new Error('the design is invalid');
    const before = await inspectDatabase(server.session, plan.database);
    if (!before.exists) throw new Error('no database');
    expect(before.tables[0]?.checks).toEqual([
      { name: 'discount_below_price' },
      { name: 'products_price_check' },
    ]);
    expect(compareWithCatalog(parsed.design, before.tables)).toEqual([]);
    const client = postgres(loginUrl(server, plan.role, plan.password, plan.database), {
      max: 1,
      onnotice: () => {},
    });
    try {
      await client`ALTER TABLE products DROP CONSTRAINT discount_below_price`;
    } finally {
      await client.end({ timeout: 5 });
    }
    const after = await inspectDatabase(server.session, plan.database);
    if (!after.exists) throw new Error('no database');
    expect(compareWithCatalog(parsed.design, after.tables).map((m) => m.code)).toEqual(['CHECK_MISSING']);
  });
});

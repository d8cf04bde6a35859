import type { TestDatabase } from '@schema-builder/testing/postgres';
import { createTestDatabase } from '@schema-builder/testing/postgres';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { normalizeDesign } from '../design/normalize.ts';
import { build, inFreshSchema, insertRows } from '../diff/pg-harness.test-support.ts';
import { checkedDesign } from './checks.test-support.ts';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase('sbchecks');
});
afterAll(async () => {
  await db?.drop();
});

describe('checks on PostgreSQL 15', () => {
  test('the DDL runs and the database refuses a row that violates a check, column or table', async () => {
    await inFreshSchema(db.sql, async (conn) => {
      await build(conn, normalizeDesign(checkedDesign()));
      await insertRows(conn, 'products', [{ price: 10, discount: 5, code: 'AB' }]);
      await expect(insertRows(conn, 'products', [{ price: 0, code: 'AB' }])).rejects.toThrow(
        /violates check constraint "products_price_check"/,
      );
      await expect(insertRows(conn, 'products', [{ price: 10, discount: 20, code: 'AB' }])).rejects.toThrow(
        /violates check constraint "discount_below_price"/,
      );
      await expect(insertRows(conn, 'products', [{ price: 10, code: 'A' }])).rejects.toThrow(
        /violates check constraint "products_check"/,
      );
    });
  });
});

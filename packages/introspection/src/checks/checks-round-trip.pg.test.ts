import { generateDdl } from '@schema-builder/schema-model/ddl';
import { normalizeDesign } from '@schema-builder/schema-model/design';
import { catalogToDesign } from '@schema-builder/schema-model/import';
import { readCatalog } from '@schema-builder/testing/catalog';
import type { TestDatabase } from '@schema-builder/testing/postgres';
import { createTestDatabase } from '@schema-builder/testing/postgres';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { introspectPostgres } from '../postgres/introspect.ts';
import { checkedDesign, GOOD_ROW, VIOLATING_ROWS } from './checked-design.test-support.ts';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase('sbcheckrt');
});
afterAll(() => db?.drop());

async function buildIn(schema: string, design: ReturnType<typeof checkedDesign>) {
  await db.sql.unsafe(`CREATE SCHEMA "${schema}"`);
  await db.sql.unsafe(generateDdl(normalizeDesign(design), { schema }).sql).simple();
}

describe('checks through PostgreSQL 15', () => {
  test('the DDL runs, the database refuses each violating row, and the design imports back identically', async () => {
    await buildIn('first', checkedDesign());
    const insert = (schema: string, [price, discount, code]: readonly unknown[]) =>
      db.sql.unsafe(`INSERT INTO "${schema}".products (price, discount, code) VALUES ($1, $2, $3)`, [
        price as number,
        discount as number,
        code as string,
      ]);
    await insert('first', GOOD_ROW);
    for (const { check, row } of VIOLATING_ROWS)
      await expect(insert('first', row)).rejects.toThrow(`violates check constraint "${check}"`);

    const imported = catalogToDesign(await introspectPostgres(db.sql, { schema: 'first' }), {
      name: 'again',
      dialect: 'postgresql',
    });
    expect(imported.warnings).toEqual([]);
    const products = imported.document.tables[0];
    // The column's own check comes back as the column's; table checks keep their names.
    expect(products?.columns.find((c) => c.name === 'price')?.check).toBe('price > 0::numeric');
    // The generated name of the unnamed one (`products_check`) reads back as unnamed.
    expect(products?.checks?.map((c) => c.name)).toEqual(['discount_below_price', undefined]);

    await buildIn('second', imported.document);
    const first = await readCatalog(db.sql, 'first');
    const second = await readCatalog(db.sql, 'second');
    expect(second.tables.products?.checks).toEqual(first.tables.products?.checks);
    expect(second).toEqual(first);
  });
});

import { generateDdl } from '@schema-builder/schema-model/ddl';
import { normalizeDesign } from '@schema-builder/schema-model/design';
import { catalogToDesign } from '@schema-builder/schema-model/import';
import { testEnv } from '@schema-builder/testing/env';
import { afterEach, describe, expect, test } from 'vitest';
import type { MariadbDatabase } from '../fidelity/load-mysql.test-support.ts';
import { createMariadbDatabase, mariadbUnavailable } from '../fidelity/load-mysql.test-support.ts';
import { introspectMysql } from '../mysql/introspect.ts';
import { checkedDesign, GOOD_ROW, VIOLATING_ROWS, withPgOnlyCheck } from './checked-design.test-support.ts';

const unavailable = await mariadbUnavailable(testEnv.MARIADB_URL);
if (unavailable)
  console.log(
    `[introspection] MySQL tests skipped: MariaDB at ${testEnv.MARIADB_URL} does not answer: ${unavailable}`,
  );

let database: MariadbDatabase | undefined;
afterEach(async () => {
  await database?.drop();
  database = undefined;
});

describe.skipIf(unavailable !== undefined)('checks exported to MariaDB', () => {
  test('the export runs, MariaDB refuses each violating row, and the checks import back', async () => {
    const db = await createMariadbDatabase(testEnv.MARIADB_URL, 'sbcheck');
    database = db;
    const { sql, warnings } = generateDdl(normalizeDesign(checkedDesign()), { dialect: 'mysql' });
    expect(warnings).toEqual([]);
    await db.load(sql);
    const insert = (row: readonly unknown[]) =>
      db.connection.query('INSERT INTO products (price, discount, code) VALUES (?, ?, ?)', [...row]);
    await insert(GOOD_ROW);
    for (const { check, row } of VIOLATING_ROWS)
      await expect(insert(row)).rejects.toThrow(`CONSTRAINT \`${check}\` failed`);

    const imported = catalogToDesign(await introspectMysql(db.connection, db.name), {
      name: 'again',
      dialect: 'mysql',
    });
    expect(imported.warnings.filter((w) => w.code.includes('CHECK'))).toEqual([]);
    const products = imported.document.tables[0];
    expect(products?.columns.find((c) => c.name === 'price')?.check).toBe('"price" > 0');
    expect(products?.checks).toEqual([
      expect.objectContaining({
        name: 'discount_below_price',
        expression: '"discount" is null or "discount" < "price"',
      }),
      expect.objectContaining({ expression: 'char_length("code") between 2 and 20' }),
    ]);
  });

  test('a check MySQL has no form of is left out: the export still runs, and says so', async () => {
    const db = await createMariadbDatabase(testEnv.MARIADB_URL, 'sbcheck');
    database = db;
    const { sql, warnings } = generateDdl(normalizeDesign(withPgOnlyCheck(checkedDesign())), {
      dialect: 'mysql',
    });
    expect(warnings.map((w) => `${w.code} ${w.path}`)).toEqual([
      'EXPRESSION_NOT_PORTABLE tables[0].checks[2].expression',
    ]);
    await db.load(sql);
    await expect(
      db.connection.query("INSERT INTO products (price, discount, code) VALUES (1, null, 'ab')"),
    ).resolves.toBeDefined();
  });
});

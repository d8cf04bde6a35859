import { generateDdl } from '@schema-builder/schema-model/ddl';
import { normalizeDesign } from '@schema-builder/schema-model/design';
import { catalogToDesign } from '@schema-builder/schema-model/import';
import Database from 'better-sqlite3';
import { describe, expect, test } from 'vitest';
import { introspectSqlite } from '../sqlite/introspect.ts';
import { checkedDesign, GOOD_ROW, VIOLATING_ROWS, withPgOnlyCheck } from './checked-design.test-support.ts';

describe('checks exported to SQLite', () => {
  test('the export runs, SQLite refuses each violating row, and the checks import back, the column one on its column', () => {
    const db = new Database(':memory:');
    try {
      const { sql, warnings } = generateDdl(normalizeDesign(checkedDesign()), { dialect: 'sqlite' });
      expect(warnings).toEqual([]);
      db.exec(sql);
      const insert = db.prepare('INSERT INTO products (price, discount, code) VALUES (?, ?, ?)');
      insert.run(...GOOD_ROW);
      for (const { check, row } of VIOLATING_ROWS)
        expect(() => insert.run(...row)).toThrow(`CHECK constraint failed: ${check}`);

      const imported = catalogToDesign(introspectSqlite(db), { name: 'again', dialect: 'sqlite' });
      expect(imported.warnings.filter((w) => w.code.includes('CHECK'))).toEqual([]);
      const products = imported.document.tables[0];
      expect(products?.columns.find((c) => c.name === 'price')?.check).toBe('"price" > 0');
      expect(products?.checks).toEqual([
        expect.objectContaining({
          name: 'discount_below_price',
          expression: '("discount" IS NULL) OR ("discount" < "price")',
        }),
        expect.objectContaining({ expression: 'length("code") BETWEEN 2 AND 20' }),
      ]);
    } finally {
      db.close();
    }
  });

  test('a check SQLite has no form of is left out: the export still runs, and says so', () => {
    const db = new Database(':memory:');
    try {
      const { sql, warnings } = generateDdl(normalizeDesign(withPgOnlyCheck(checkedDesign())), {
        dialect: 'sqlite',
      });
      expect(warnings.map((w) => `${w.code} ${w.path}`)).toEqual([
        'EXPRESSION_NOT_PORTABLE tables[0].checks[2].expression',
      ]);
      db.exec(sql);
      expect(
        db.prepare("INSERT INTO products (price, discount, code) VALUES (1, null, 'ab')").run().changes,
      ).toBe(1);
    } finally {
      db.close();
    }
  });
});

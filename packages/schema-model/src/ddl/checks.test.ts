import { describe, expect, test } from 'vitest';
import { normalizeDesign } from '../design/normalize.ts';
import { checkedDesign, pgOnlyCheckDesign } from './checks.test-support.ts';
import { generateDdl } from './generate.ts';

describe('checks in the DDL', () => {
  test('PostgreSQL writes a column check on its column and table checks after the keys, named as PostgreSQL would', () => {
    const { sql } = generateDdl(normalizeDesign(checkedDesign()));
    expect(sql).toContain(
      '"price" numeric(10,2) NOT NULL CONSTRAINT "products_price_check" CHECK (price > 0),',
    );
    expect(sql).toContain('CONSTRAINT "discount_below_price" CHECK (discount IS NULL OR discount < price)');
    expect(sql).toContain('CONSTRAINT "products_check" CHECK (length(code) BETWEEN 2 AND 20)');
  });

  test('a generated name steps aside from a name the user gave', () => {
    const design = checkedDesign();
    const products = design.tables[0];
    if (!products) throw new Error('no table');
    products.checks = [
      { id: 'k1', name: 'products_check', expression: 'price < 1000' },
      { id: 'k2', expression: 'price > 1' },
    ];
    const { sql } = generateDdl(normalizeDesign(design));
    expect(sql).toContain('CONSTRAINT "products_check" CHECK (price < 1000)');
    expect(sql).toContain('CONSTRAINT "products_check_1" CHECK (price > 1)');
  });

  test('a column check of an unsigned column steps aside from the name of the type’s own CHECK', () => {
    const design = checkedDesign();
    const price = design.tables[0]?.columns[1];
    if (!price) throw new Error('no column');
    Object.assign(price, {
      dataType: 'INT',
      precision: undefined,
      scale: undefined,
      unsigned: true,
      check: 'price < 1000',
    });
    const { sql } = generateDdl(normalizeDesign(design));
    expect(sql).toContain('CONSTRAINT "products_price_check" CHECK ("price" BETWEEN 0 AND 4294967295)');
    expect(sql).toContain('CONSTRAINT "products_price_check_1" CHECK (price < 1000)');
  });

  test('MySQL writes every check as a named table constraint, rewritten for MySQL', () => {
    const { sql, warnings } = generateDdl(normalizeDesign(checkedDesign()), { dialect: 'mysql' });
    expect(sql).toContain('CONSTRAINT `products_price_check` CHECK ((`price` > 0))');
    expect(sql).toContain('CONSTRAINT `discount_below_price` CHECK (');
    expect(sql).toContain('CONSTRAINT `products_check` CHECK ((CHAR_LENGTH(`code`) BETWEEN 2 AND 20))');
    expect(warnings).toEqual([]);
  });

  test('SQLite writes a column check on its column and table checks at the end', () => {
    const { sql, warnings } = generateDdl(normalizeDesign(checkedDesign()), { dialect: 'sqlite' });
    expect(sql).toContain(
      '"price" NUMERIC(10,2) NOT NULL CONSTRAINT "products_price_check" CHECK (("price" > 0)),',
    );
    expect(sql).toContain('CONSTRAINT "products_check" CHECK (');
    expect(warnings).toEqual([]);
  });

  test.each(['mysql', 'sqlite'] as const)(
    '%s leaves out a check it has no form of, with a warning at the check and a comment in the SQL',
    (dialect) => {
      const { sql, warnings } = generateDdl(normalizeDesign(pgOnlyCheckDesign()), { dialect });
      expect(warnings).toEqual([
        expect.objectContaining({ code: 'EXPRESSION_NOT_PORTABLE', path: 'tables[0].checks[2].expression' }),
      ]);
      expect(sql).toContain('-- EXPRESSION_NOT_PORTABLE: ');
      expect(sql).not.toMatch(/CHECK \([^\n]*~/);
    },
  );

  test('MySQL allows no check on its AUTO_INCREMENT column: left out, with a warning', () => {
    const design = checkedDesign();
    design.tables[0]?.checks?.push({ id: 'k3', expression: 'id > 0' });
    const { sql, warnings } = generateDdl(normalizeDesign(design), { dialect: 'mysql' });
    expect(warnings).toEqual([
      expect.objectContaining({
        code: 'EXPRESSION_NOT_PORTABLE',
        path: 'tables[0].checks[2].expression',
        message: expect.stringContaining('AUTO_INCREMENT column id'),
      }),
    ]);
    expect(sql).not.toContain('CHECK ((`id` > 0))');
  });

  test('a column check MySQL cannot have is reported at the column', () => {
    const design = checkedDesign();
    const price = design.tables[0]?.columns[1];
    if (!price) throw new Error('no column');
    price.check = "price::text ~ '^[0-9]'";
    const { warnings } = generateDdl(normalizeDesign(design), { dialect: 'mysql' });
    expect(warnings).toEqual([
      expect.objectContaining({ code: 'EXPRESSION_NOT_PORTABLE', path: 'tables[0].columns[1].check' }),
    ]);
  });
});

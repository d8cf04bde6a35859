import type { DesignDocument } from '@schema-builder/schema-model/design';
import { column, designDocument, intKey, table } from '@schema-builder/testing/design-builders';

/**
 * A design with a column's own check, a named table check over two columns and an unnamed one,
 * all portable to MySQL and SQLite; `withPgOnlyCheck` adds one only PostgreSQL has (a regular
 * expression match).
 */
export function checkedDesign(): DesignDocument {
  return designDocument([
    table(
      't1',
      'products',
      [
        intKey('c1'),
        column('c2', 'price', 'NUMERIC', { precision: 10, scale: 2, nullable: false, check: 'price > 0' }),
        column('c3', 'discount', 'NUMERIC', { precision: 10, scale: 2 }),
        column('c4', 'code', 'VARCHAR', { length: 20 }),
      ],
      {
        checks: [
          { id: 'k1', name: 'discount_below_price', expression: 'discount IS NULL OR discount < price' },
          { id: 'k2', expression: 'length(code) BETWEEN 2 AND 20' },
        ],
      },
    ),
  ]);
}

export function withPgOnlyCheck(design: DesignDocument): DesignDocument {
  const [products, ...rest] = design.tables;
  if (!products) return design;
  const checks = [...(products.checks ?? []), { id: 'k3', expression: "code ~ '^[A-Z]+$'" }];
  return { ...design, tables: [{ ...products, checks }, ...rest] };
}

/** Rows as [price, discount, code]: one every check accepts, then one violating each check in turn. */
export const GOOD_ROW = [10, 5, 'AB'] as const;
export const VIOLATING_ROWS = [
  { check: 'products_price_check', row: [0, null, 'AB'] },
  { check: 'discount_below_price', row: [10, 20, 'AB'] },
  { check: 'products_check', row: [10, null, 'A'] },
] as const;

import { column, designDocument, intKey, table } from '@schema-builder/testing/design-builders';
import type { DesignDocument } from '../design/document.ts';

/**
 * A design with every kind of check: a column's own (`price > 0`), a named table check over two
 * columns, an unnamed one, and a check only PostgreSQL can have (a regular expression match).
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

/** `checkedDesign` plus a check MySQL and SQLite have no form of. */
export function pgOnlyCheckDesign(): DesignDocument {
  const design = checkedDesign();
  const products = design.tables[0];
  if (products) products.checks = [...(products.checks ?? []), { id: 'k3', expression: "code ~ '^[A-Z]+$'" }];
  return design;
}

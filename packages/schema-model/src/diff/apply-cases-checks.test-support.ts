import { checkedDesign } from '../ddl/checks.test-support.ts';
import type { ApplyCase } from './apply-cases.test-support.ts';
import type { RefusalCase } from './apply-refusals.test-support.ts';
import { edit } from './design-helpers.test-support.ts';

/** Checks added, changed, renamed and dropped over rows; and one the rows refuse. */

const products = checkedDesign();
const rows = {
  products: [
    { price: 10, discount: 1, code: 'AB' },
    { price: 50, discount: null, code: 'XYZ' },
  ],
};

export const checkApplyCases: ApplyCase[] = [
  {
    name: 'a table check and a column check are added over rows that hold them',
    v1: edit(products, (d) => {
      d.table('t1').checks = [];
      d.column('t1', 'c2').check = null;
    }),
    v2: products,
    rows,
    expected: { products: rows.products.map((row, i) => ({ id: i + 1, ...row })) },
  },
  {
    name: 'a check changes its expression, another is renamed, and the table with its generated names',
    v1: products,
    v2: edit(products, (d) => {
      d.table('t1').name = 'items';
      d.column('t1', 'c2').check = 'price >= 1';
      const first = d.table('t1').checks?.[0];
      if (first) first.name = 'discount_under_price';
    }),
    rows,
    expected: { items: rows.products.map((row, i) => ({ id: i + 1, ...row })) },
  },
  {
    name: 'checks are dropped, and a column a check read is dropped with it',
    v1: products,
    v2: edit(products, (d) => {
      d.dropColumn('t1', 'c3');
      d.table('t1').checks = [];
    }),
    rows,
    expected: { products: rows.products.map(({ price, code }, i) => ({ id: i + 1, price, code })) },
  },
];

export const checkRefusalCases: RefusalCase[] = [
  {
    name: 'a CHECK that existing rows violate',
    v1: products,
    v2: edit(products, (d) => {
      d.table('t1').checks?.push({ id: 'k3', name: 'cheap', expression: 'price < 20' });
    }),
    rows,
    findings: [{ step: 'add_check:t1:k3', kind: 'violates', rows: 1 }],
    error: /is violated by some row/,
  },
];

import { expect, test } from 'vitest';
import { canonicalJson, sameDesign } from './canonical.ts';

const cases: [unknown, unknown][] = [
  [
    { a: 1, b: [1, { c: 'x' }] },
    { b: [1, { c: 'x' }], a: 1 },
  ],
  [{ a: 1, b: undefined }, { a: 1 }],
  [{ a: 1 }, { a: 2 }],
  [{ a: [1, 2] }, { a: [2, 1] }],
  [{ a: [undefined] }, { a: [null] }],
  [{ a: null }, { a: undefined }],
  [{ a: {} }, { a: [] }],
  [{ a: '1' }, { a: 1 }],
  [{ tables: [{ id: 't1', columns: [] }] }, { tables: [{ id: 't1', columns: [], position: undefined }] }],
];

test.each(cases)('sameDesign answers what comparing canonical JSON answers (%j, %j)', (a, b) => {
  expect(sameDesign(a, b)).toBe(canonicalJson(a) === canonicalJson(b));
});

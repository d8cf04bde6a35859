import { expect, test } from 'vitest';
import {
  actionForKey,
  type CatalogNode,
  type ChildrenState,
  flattenTree,
  keyOf,
  ROOT_KEY,
  typeaheadIndex,
} from './tree-model.ts';

const node = (name: string, kind = 'table'): CatalogNode => ({
  name,
  kind,
  details: {},
  firstSeenAt: '2026-01-01T00:00:00.000Z',
  changedAt: '2026-01-01T00:00:00.000Z',
});

const loaded = (...items: CatalogNode[]): ChildrenState => ({ items, loading: false, error: null });

const CATALOG = new Map<string, ChildrenState>([
  [keyOf([]), loaded(node('shop', 'database'))],
  [keyOf(['shop']), loaded(node('customers'), node('orders'), node('recent_orders', 'view'))],
  [keyOf(['shop', 'orders']), loaded(node('id', 'column'), node('total', 'column'))],
]);

const rowsWith = (...expanded: string[][]) =>
  flattenTree({
    connectionName: 'prod',
    expanded: new Set(expanded.map(keyOf)),
    childrenOf: (names) => CATALOG.get(keyOf(names)),
  });

test('only expanded nodes show their children, each row with its level, position and set size', () => {
  const rows = rowsWith([], ['shop'], ['shop', 'orders']);
  expect(rows.map((row) => [row.label, row.kind, row.level, row.posInSet, row.setSize])).toEqual([
    ['prod', 'connection', 1, 1, 1],
    ['shop', 'database', 2, 1, 1],
    ['customers', 'table', 3, 1, 3],
    ['orders', 'table', 3, 2, 3],
    ['id', 'column', 4, 1, 2],
    ['total', 'column', 4, 2, 2],
    ['recent_orders', 'view', 3, 3, 3],
  ]);
  expect(rowsWith([]).map((row) => row.label)).toEqual(['prod', 'shop']);
});

test('views and columns are leaves; an expanded node whose children have not arrived is busy', () => {
  const rows = flattenTree({
    connectionName: 'prod',
    expanded: new Set([ROOT_KEY, keyOf(['shop']), keyOf(['shop', 'customers'])]),
    childrenOf: (names) => CATALOG.get(keyOf(names)),
  });
  const byLabel = new Map(rows.map((row) => [row.label, row]));
  expect(byLabel.get('recent_orders')?.expandable).toBe(false);
  expect(byLabel.get('customers')?.busy).toBe(true);
  expect(byLabel.get('orders')?.busy).toBe(false);
});

test('arrow keys move, open and close the way the WAI-ARIA tree pattern says', () => {
  const collapsed = rowsWith([], ['shop']);
  const orders = collapsed.findIndex((row) => row.label === 'orders');
  expect(actionForKey(collapsed, orders, 'ArrowRight')).toEqual({
    type: 'expand',
    key: keyOf(['shop', 'orders']),
  });
  expect(actionForKey(collapsed, orders, 'ArrowLeft')).toEqual({ type: 'focus', index: 1 });
  expect(actionForKey(collapsed, orders, 'Home')).toEqual({ type: 'focus', index: 0 });
  expect(actionForKey(collapsed, orders, 'End')).toEqual({ type: 'focus', index: collapsed.length - 1 });
  expect(actionForKey(collapsed, 0, 'ArrowUp')).toEqual({ type: 'focus', index: 0 });

  const open = rowsWith([], ['shop'], ['shop', 'orders']);
  const openOrders = open.findIndex((row) => row.label === 'orders');
  // Right on an open node goes to its first child; Left on an open node closes it.
  expect(actionForKey(open, openOrders, 'ArrowRight')).toEqual({ type: 'focus', index: openOrders + 1 });
  expect(actionForKey(open, openOrders, 'ArrowLeft')).toEqual({
    type: 'collapse',
    key: keyOf(['shop', 'orders']),
  });
  expect(actionForKey(open, openOrders + 1, 'ArrowRight')).toEqual({ type: 'none' });
});

test('Space ticks a table for import, and nothing else (a view is not imported)', () => {
  const rows = rowsWith([], ['shop'], ['shop', 'orders']);
  const at = (label: string) => rows.findIndex((row) => row.label === label);
  expect(actionForKey(rows, at('orders'), ' ')).toMatchObject({ type: 'check' });
  expect(actionForKey(rows, at('recent_orders'), ' ')).toEqual({ type: 'none' });
  expect(actionForKey(rows, at('total'), ' ')).toEqual({ type: 'none' });
  expect(actionForKey(rows, at('shop'), ' ')).toEqual({ type: 'none' });
});

test('names with slashes stay apart from nested names', () => {
  expect(keyOf(['a/b'])).not.toBe(keyOf(['a', 'b']));
});

test('typing a name moves to the next row that starts with it, wrapping around', () => {
  const rows = rowsWith([], ['shop'], ['shop', 'orders']);
  const at = (label: string) => rows.findIndex((row) => row.label === label);
  expect(typeaheadIndex(rows, 0, 'o')).toBe(at('orders'));
  expect(typeaheadIndex(rows, at('orders'), 'C')).toBe(at('customers'));
  expect(typeaheadIndex(rows, at('recent_orders'), 'p')).toBe(at('prod'));
  expect(typeaheadIndex(rows, 0, 'zzz')).toBe(-1);
});

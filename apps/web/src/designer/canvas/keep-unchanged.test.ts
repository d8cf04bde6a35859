import type { Edge, Node } from '@xyflow/react';
import { expect, test } from 'vitest';
import { keepUnchanged, sameEdge, sameNode } from './keep-unchanged.ts';

const table = { id: 't1', name: 'items', columns: [] };
const node = (x: number, columns: string[]): Node => ({
  id: 't1',
  type: 'table',
  position: { x, y: 0 },
  data: { table, problemCount: 0, columnProblems: new Set(columns) },
});

test('a node rebuilt the same (sets with the same members) is the previous object; a moved one is new', () => {
  const before = node(0, ['c1']);
  const previous = new Map([[before.id, before]]);
  expect(keepUnchanged(previous, [node(0, ['c1'])], sameNode)[0]).toBe(before);
  const moved = node(10, ['c1']);
  expect(keepUnchanged(previous, [moved], sameNode)[0]).toBe(moved);
  const marked = node(0, ['c1', 'c2']);
  expect(keepUnchanged(previous, [marked], sameNode)[0]).toBe(marked);
});

test('an edge keeps its object until its ends or label change', () => {
  const edge = (label: string): Edge => ({ id: 'f1', source: 't1', target: 't2', label });
  const before = edge('n:1');
  const previous = new Map([[before.id, before]]);
  expect(keepUnchanged(previous, [edge('n:1')], sameEdge)[0]).toBe(before);
  expect(keepUnchanged(previous, [edge('1:1')], sameEdge)[0]).not.toBe(before);
});

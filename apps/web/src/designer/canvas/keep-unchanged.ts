import type { Edge, Node } from '@xyflow/react';

/**
 * `next`, with every node or edge that draws the same as its previous version replaced by that
 * version. The canvas rebuilds its nodes from the design on each edit; React Flow keeps its
 * internal state (and skips the redraw) only for the objects it has seen, so on a large design an
 * edit redraws the tables it changed, not all of them.
 */
export function keepUnchanged<T extends Node | Edge>(
  previous: ReadonlyMap<string, T>,
  next: readonly T[],
  same: (a: T, b: T) => boolean,
): T[] {
  return next.map((item) => {
    const before = previous.get(item.id);
    return before && same(before, item) ? before : item;
  });
}

export function sameNode(a: Node, b: Node): boolean {
  return (
    a.type === b.type &&
    a.position.x === b.position.x &&
    a.position.y === b.position.y &&
    a.selected === b.selected &&
    a.ariaLabel === b.ariaLabel &&
    a.zIndex === b.zIndex &&
    a.measured?.width === b.measured?.width &&
    a.measured?.height === b.measured?.height &&
    sameData(a.data, b.data)
  );
}

export function sameEdge(a: Edge, b: Edge): boolean {
  return (
    a.source === b.source &&
    a.target === b.target &&
    a.sourceHandle === b.sourceHandle &&
    a.targetHandle === b.targetHandle &&
    a.label === b.label &&
    a.ariaLabel === b.ariaLabel
  );
}

/** Shallow, with sets compared by what they hold (they are rebuilt on every edit). */
function sameData(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((key) => {
    const x = a[key];
    const y = b[key];
    if (x instanceof Set && y instanceof Set)
      return x.size === y.size && [...x].every((value) => y.has(value));
    return x === y;
  });
}

import { relationsReferenced } from '../sql-expression/references.ts';

/** What the view graph needs of a view: its name and its SELECT. */
export interface ViewLike {
  name: string;
  definition: string;
}

/**
 * Which views read which relations, by name, for a list of views. A view reads what its query's
 * FROM and JOIN items (in subqueries too) name; names are compared exactly as PostgreSQL's parser
 * gives them (unquoted names folded to lower case). `public.x` is the design's `x`; names in other
 * schemas (`pg_catalog.pg_class`) are kept apart.
 */
export interface ViewGraph {
  /** Per view position: the unqualified relation names it reads (tables or views), in order. */
  reads: string[][];
  /** Per view position: the schema-qualified relations it reads (`pg_catalog.pg_class`). */
  qualified: { schema: string; name: string }[][];
  /** Per view position: the positions of the views it reads (itself excluded). */
  viewDependencies: number[][];
  /**
   * View positions in an order that creates every view after the views it reads (stable: the
   * document order wherever the dependencies allow). Views on a cycle are left out.
   */
  order: number[];
  /** Positions of views on a cycle (a view reading itself counts), each cycle in reading order. */
  cycles: number[][];
}

/** The schema a design's relations are in until schemas are modelled: `public.x` is `x`. */
const DEFAULT_SCHEMA = 'public';

export function viewGraph(views: readonly ViewLike[]): ViewGraph {
  const position = new Map<string, number>();
  views.forEach((view, i) => {
    if (!position.has(view.name)) position.set(view.name, i);
  });
  const reads: string[][] = [];
  const qualified: { schema: string; name: string }[][] = [];
  const viewDependencies: number[][] = [];
  const selfReading = new Set<number>();
  views.forEach((view, i) => {
    const relations = relationsReferenced(view.definition);
    const own = (r: { schema?: string }) => r.schema === undefined || r.schema === DEFAULT_SCHEMA;
    reads.push([...new Set(relations.filter(own).map((r) => r.name))]);
    qualified.push(relations.flatMap((r) => (own(r) ? [] : [{ schema: r.schema ?? '', name: r.name }])));
    const dependencies = new Set<number>();
    for (const name of reads[i] ?? []) {
      const target = position.get(name);
      if (target === i) selfReading.add(i);
      else if (target !== undefined) dependencies.add(target);
    }
    viewDependencies.push([...dependencies].sort((a, b) => a - b));
  });
  const { order, cycles } = topologicalOrder(views.length, viewDependencies);
  for (const i of selfReading) if (!cycles.some((cycle) => cycle.includes(i))) cycles.push([i]);
  return { reads, qualified, viewDependencies, order: order.filter((i) => !selfReading.has(i)), cycles };
}

/**
 * Depth-first: each node after its dependencies, nodes taken in position order. A dependency met
 * again while still being visited closes a cycle; the nodes on it are reported and left out.
 */
function topologicalOrder(
  count: number,
  dependencies: readonly number[][],
): { order: number[]; cycles: number[][] } {
  const state: ('new' | 'visiting' | 'done')[] = new Array(count).fill('new');
  const onCycle = new Set<number>();
  const order: number[] = [];
  const cycles: number[][] = [];
  for (let root = 0; root < count; root++) {
    if (state[root] !== 'new') continue;
    const path: number[] = [root];
    const next: number[] = [0];
    state[root] = 'visiting';
    while (path.length > 0) {
      const top = path.length - 1;
      const node = path[top] as number;
      const edges = dependencies[node] ?? [];
      const edge = next[top] ?? 0;
      if (edge < edges.length) {
        next[top] = edge + 1;
        const target = edges[edge] as number;
        if (state[target] === 'new') {
          state[target] = 'visiting';
          path.push(target);
          next.push(0);
        } else if (state[target] === 'visiting') {
          const cycle = path.slice(path.indexOf(target));
          for (const member of cycle) onCycle.add(member);
          cycles.push(cycle);
        }
        continue;
      }
      state[node] = 'done';
      path.pop();
      next.pop();
      order.push(node);
    }
  }
  // A view reading a view on a cycle cannot be created either: its dependency never is.
  const blocked = new Set(onCycle);
  for (let changed = true; changed; ) {
    changed = false;
    for (let i = 0; i < count; i++) {
      if (!blocked.has(i) && (dependencies[i] ?? []).some((d) => blocked.has(d))) {
        blocked.add(i);
        changed = true;
      }
    }
  }
  return { order: order.filter((i) => !blocked.has(i)), cycles };
}

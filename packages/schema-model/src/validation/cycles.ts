import type { ValidationContext } from './context.ts';

/** A foreign key as an edge between tables, by their positions in the document. */
export interface TableEdge {
  from: number;
  to: number;
  /** Position of the foreign key in the document. */
  foreignKey: number;
}

export interface TableCycle {
  /** Table positions along one cycle, starting and ending with the same table. */
  tables: number[];
  /** The foreign key leaving the first table of `tables`. */
  foreignKey: number;
  /** How many tables the strongly connected group has (≥ the cycle's distinct tables). */
  groupSize: number;
}

/**
 * One representative cycle per group of tables that reference each other in a loop (Tarjan's
 * strongly connected components, iterative so 1,000-table chains cannot overflow the stack).
 * Self-references are ignored: they never block inserts of other tables.
 */
export function findTableCycles(tableCount: number, edges: readonly TableEdge[]): TableCycle[] {
  const outgoing: TableEdge[][] = Array.from({ length: tableCount }, () => []);
  for (const edge of edges) if (edge.from !== edge.to) outgoing[edge.from]?.push(edge);

  const order: number[] = new Array(tableCount).fill(-1);
  const low: number[] = new Array(tableCount).fill(0);
  const onStack: boolean[] = new Array(tableCount).fill(false);
  const component: number[] = new Array(tableCount).fill(-1);
  const stack: number[] = [];
  const groups: number[][] = [];
  let counter = 0;
  const visit = (node: number) => {
    order[node] = counter;
    low[node] = counter;
    counter += 1;
    stack.push(node);
    onStack[node] = true;
  };

  for (let root = 0; root < tableCount; root++) {
    if (at(order, root) !== -1) continue;
    visit(root);
    const work: Array<{ node: number; next: number }> = [{ node: root, next: 0 }];
    for (let frame = work.at(-1); frame; frame = work.at(-1)) {
      const { node } = frame;
      const edge = outgoing[node]?.[frame.next];
      if (edge) {
        frame.next += 1;
        if (at(order, edge.to) === -1) {
          visit(edge.to);
          work.push({ node: edge.to, next: 0 });
        } else if (onStack[edge.to]) {
          low[node] = Math.min(at(low, node), at(order, edge.to));
        }
        continue;
      }
      work.pop();
      const parent = work.at(-1);
      if (parent) low[parent.node] = Math.min(at(low, parent.node), at(low, node));
      if (at(low, node) !== at(order, node)) continue;
      const group: number[] = [];
      for (let member = stack.pop(); member !== undefined; member = stack.pop()) {
        onStack[member] = false;
        component[member] = groups.length;
        group.push(member);
        if (member === node) break;
      }
      groups.push(group);
    }
  }

  return groups.flatMap((group, id): TableCycle[] => {
    if (group.length < 2) return [];
    const start = Math.min(...group);
    const cycle = shortestCycle(start, outgoing, (node) => component[node] === id);
    return cycle ? [{ ...cycle, groupSize: group.length }] : [];
  });
}

/** Breadth-first search from `start` back to itself, staying inside its component. */
function shortestCycle(
  start: number,
  outgoing: readonly TableEdge[][],
  inGroup: (node: number) => boolean,
): { tables: number[]; foreignKey: number } | undefined {
  const via = new Map<number, TableEdge>();
  const queue = [start];
  for (let head = 0; head < queue.length; head++) {
    const node = at(queue, head);
    for (const edge of outgoing[node] ?? []) {
      if (edge.to === start) {
        const path: TableEdge[] = [edge];
        for (let step = via.get(node); step; step = via.get(step.from)) path.unshift(step);
        const first = path[0] ?? edge;
        return { tables: [start, ...path.map((item) => item.to)], foreignKey: first.foreignKey };
      }
      if (inGroup(edge.to) && !via.has(edge.to)) {
        via.set(edge.to, edge);
        queue.push(edge.to);
      }
    }
  }
  return undefined;
}

function at(values: readonly number[], index: number): number {
  return values[index] ?? 0;
}

/** One warning per group of tables whose foreign keys loop, naming the tables along one loop. */
export function checkCycles(ctx: ValidationContext, edges: readonly TableEdge[]): void {
  const { tables } = ctx.doc;
  const nameOf = (t: number) => {
    const table = tables[t];
    return table && table.name.trim() !== '' ? table.name : `table ${t + 1}`;
  };
  for (const cycle of findTableCycles(tables.length, edges)) {
    const others = cycle.groupSize - (cycle.tables.length - 1);
    const more =
      others > 0
        ? ` ${others} more table${others === 1 ? ' is' : 's are'} caught in loops with these tables.`
        : '';
    ctx.warn(
      'FK_CIRCULAR',
      ['foreignKeys', cycle.foreignKey],
      `Foreign keys form a cycle: ${cycle.tables.map(nameOf).join(' → ')}. Inserting rows needs one of these columns to be nullable or filled later.${more}`,
    );
  }
}

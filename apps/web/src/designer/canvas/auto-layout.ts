import type { Design, Position } from '../state/edits.ts';
import { TABLE_WIDTH, tableHeight } from './geometry.ts';

/**
 * Positions for every table by elkjs's layered algorithm, foreign keys pointing from the
 * referencing table to the referenced one. elkjs is loaded on first use (it is large).
 */
export async function autoLayout(design: Design): Promise<Record<string, Position>> {
  const { default: Elk } = await import('elkjs/lib/elk.bundled.js');
  const elk = new Elk();
  const ids = new Set(design.tables.map((table) => table.id));
  const graph = await elk.layout({
    id: 'design',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'RIGHT',
      'elk.spacing.nodeNode': '48',
      'elk.layered.spacing.nodeNodeBetweenLayers': '96',
      'elk.separateConnectedComponents': 'true',
    },
    children: design.tables.map((table) => ({
      id: table.id,
      width: TABLE_WIDTH,
      height: tableHeight(table),
    })),
    edges: (design.foreignKeys ?? [])
      .filter(
        (key) =>
          ids.has(key.sourceTableId) && ids.has(key.targetTableId) && key.sourceTableId !== key.targetTableId,
      )
      .map((key) => ({ id: key.id, sources: [key.targetTableId], targets: [key.sourceTableId] })),
  });
  const positions: Record<string, Position> = {};
  for (const child of graph.children ?? []) positions[child.id] = { x: child.x ?? 0, y: child.y ?? 0 };
  return positions;
}

/** Whether a design has tables the canvas cannot place from the design (an import, say). */
export function needsLayout(design: Design): boolean {
  return design.tables.some((table) => !table.position);
}

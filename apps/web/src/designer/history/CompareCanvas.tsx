import { Background, Controls, type Edge, MiniMap, ReactFlow, ReactFlowProvider } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { X } from 'lucide-react';
import { useMemo } from 'react';
import { Button } from '../../components/Button.tsx';
import { fallbackPosition } from '../canvas/geometry.ts';
import { CompareTableNode, type CompareTableNodeType, STATUS_STYLES } from './CompareTableNode.tsx';
import { type ChangeStatus, type DesignComparison, STATUS_WORDS } from './compare.ts';

const NODE_TYPES = { 'compare-table': CompareTableNode };
const LEGEND: readonly ChangeStatus[] = ['added', 'removed', 'changed', 'unchanged'];

/**
 * Two versions on one read-only canvas: the newer version's tables where they are drawn, the removed
 * ones where they were, each table and column marked added, removed or changed.
 */
export function CompareCanvas({
  comparison,
  fromVersion,
  toVersion,
  onClose,
}: {
  comparison: DesignComparison;
  fromVersion: number;
  toVersion: number;
  /** Back to editing the design. */
  onClose: () => void;
}) {
  const nodes = useMemo<CompareTableNodeType[]>(
    () =>
      comparison.tables.map((each, index) => ({
        id: each.table.id,
        type: 'compare-table',
        position: each.table.position ?? fallbackPosition(index),
        draggable: false,
        connectable: false,
        ariaLabel: `Table ${each.table.name}, ${STATUS_WORDS[each.status]}`,
        data: { comparison: each },
      })),
    [comparison],
  );
  return (
    <div className="flex h-full flex-col">
      <div className="flex flex-wrap items-center gap-3 border-b border-slate-200 p-2 text-xs dark:border-slate-700">
        <span className="font-semibold">
          Comparing version {fromVersion} with version {toVersion}
        </span>
        <ul aria-label="Legend" className="flex flex-wrap gap-2">
          {LEGEND.map((status) => (
            <li key={status} className={`rounded border-2 px-1.5 ${STATUS_STYLES[status]}`}>
              {STATUS_WORDS[status]}: {comparison.tableCounts[status]} table
              {comparison.tableCounts[status] === 1 ? '' : 's'}, {comparison.columnCounts[status]} column
              {comparison.columnCounts[status] === 1 ? '' : 's'}
            </li>
          ))}
        </ul>
        <Button className="ml-auto" onClick={onClose}>
          <X aria-hidden className="size-4" />
          Back to the design
        </Button>
      </div>
      <div className="min-h-0 flex-1">
        <ReactFlowProvider>
          <ReactFlow<CompareTableNodeType, Edge>
            nodes={nodes}
            edges={[]}
            nodeTypes={NODE_TYPES}
            nodesConnectable={false}
            nodesDraggable={false}
            onlyRenderVisibleElements
            fitView
            fitViewOptions={{ padding: 0.25 }}
            minZoom={0.05}
            deleteKeyCode={null}
            aria-label={`Diagram comparing version ${fromVersion} with version ${toVersion}`}
            proOptions={{ hideAttribution: true }}
          >
            <Background />
            <Controls showInteractive={false} />
            <MiniMap pannable zoomable ariaLabel="Overview of the comparison" />
          </ReactFlow>
        </ReactFlowProvider>
      </div>
    </div>
  );
}

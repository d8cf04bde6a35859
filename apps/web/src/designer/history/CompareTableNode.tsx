import type { Node, NodeProps } from '@xyflow/react';
import { clsx } from 'clsx';
import { memo } from 'react';
import { HEADER_HEIGHT, ROW_HEIGHT, TABLE_WIDTH } from '../canvas/geometry.ts';
import { type ChangeStatus, STATUS_WORDS, type TableComparison } from './compare.ts';

export type CompareTableNodeType = Node<{ comparison: TableComparison }, 'compare-table'>;

/** Border and background of each state; the state is also written out, never shown by colour alone. */
export const STATUS_STYLES: Record<ChangeStatus, string> = {
  added: 'border-emerald-600 bg-emerald-50 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-100',
  removed:
    'border-red-600 bg-red-50 text-red-900 line-through decoration-red-700/60 dark:bg-red-950 dark:text-red-100',
  changed: 'border-amber-600 bg-amber-50 text-amber-900 dark:bg-amber-950 dark:text-amber-100',
  unchanged:
    'border-slate-300 bg-white text-slate-900 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100',
};

/** A table in compare mode: its state and each column's, in words (e.g. "removed") and colour. */
export const CompareTableNode = memo(function CompareTableNode({ data }: NodeProps<CompareTableNodeType>) {
  const { table, status, columns, previousName } = data.comparison;
  return (
    <div
      style={{ width: TABLE_WIDTH }}
      className={clsx('rounded-md border-2 text-xs shadow-sm', STATUS_STYLES[status])}
    >
      <div
        style={{ minHeight: HEADER_HEIGHT }}
        className="flex items-center justify-between gap-2 px-2 font-semibold"
      >
        <span className="truncate">
          {table.name}
          {previousName && <span className="font-normal"> (was {previousName})</span>}
        </span>
        {status !== 'unchanged' && <span className="no-underline">{STATUS_WORDS[status]}</span>}
      </div>
      <ul className="bg-white/60 py-1 dark:bg-slate-900/60">
        {columns.map(({ column, status: columnStatus, changes }) => (
          <li
            key={column.id}
            style={{ minHeight: ROW_HEIGHT }}
            className={clsx('flex items-center gap-2 border-l-4 px-2', STATUS_STYLES[columnStatus])}
          >
            <span className="min-w-0 flex-1 truncate">{column.name}</span>
            <span>
              {column.dataType.toLowerCase()}
              {column.array === true && '[]'}
            </span>
            {columnStatus !== 'unchanged' && (
              <span className="font-semibold">
                {STATUS_WORDS[columnStatus]}
                {changes.length > 0 && `: ${changes.join(', ')}`}
              </span>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
});

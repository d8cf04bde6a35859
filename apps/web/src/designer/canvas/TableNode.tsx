import type { TableDocument } from '@schema-builder/schema-model/design';
import { Handle, type Node, type NodeProps, Position } from '@xyflow/react';
import { clsx } from 'clsx';
import { memo } from 'react';
import { HEADER_HEIGHT, ROW_HEIGHT, TABLE_WIDTH } from './geometry.ts';

export interface TableNodeData extends Record<string, unknown> {
  table: TableDocument;
  /** Ids of the table's columns that reference another table. */
  foreignKeyColumns: ReadonlySet<string>;
  problemCount: number;
  /** Columns with a problem, by id. */
  columnProblems: ReadonlySet<string>;
}

export type TableNodeType = Node<TableNodeData, 'table'>;

/**
 * A table on the canvas: its name and its columns with type and markers. Every column has a
 * handle on each side: drag from a column's right handle to another column's left handle to make
 * a foreign key.
 */
export const TableNode = memo(function TableNode({ data, selected }: NodeProps<TableNodeType>) {
  const { table, foreignKeyColumns, problemCount, columnProblems } = data;
  return (
    <div
      style={{ width: TABLE_WIDTH }}
      className={clsx(
        'rounded-md border bg-white text-xs shadow-sm dark:bg-slate-900',
        selected ? 'border-sky-600 ring-2 ring-sky-600/40' : 'border-slate-300 dark:border-slate-600',
        problemCount > 0 && 'border-red-600',
      )}
    >
      <div
        style={{ height: HEADER_HEIGHT }}
        className="flex items-center justify-between rounded-t-md bg-slate-100 px-2 font-semibold dark:bg-slate-800"
      >
        <span className="truncate">{table.name}</span>
        {problemCount > 0 && (
          <span className="text-red-700 dark:text-red-400">
            {problemCount} problem{problemCount === 1 ? '' : 's'}
          </span>
        )}
      </div>
      <ul className="py-1">
        {table.columns.map((column) => {
          const markers = [
            column.primaryKey && 'PK',
            foreignKeyColumns.has(column.id) && 'FK',
            column.unique && 'UQ',
            (column.nullable === false || column.primaryKey) && 'NN',
            column.autoIncrement && 'ID',
          ].filter(Boolean);
          return (
            <li
              key={column.id}
              style={{ height: ROW_HEIGHT }}
              className={clsx(
                'relative flex items-center gap-2 px-2',
                columnProblems.has(column.id) && 'bg-red-50 text-red-800 dark:bg-red-950 dark:text-red-200',
              )}
            >
              <Handle
                type="target"
                id={`${column.id}-in`}
                position={Position.Left}
                className="!size-2 !bg-slate-400"
              />
              <span className="min-w-0 flex-1 truncate">{column.name}</span>
              {/* On a problem's red the type keeps the row's colour: grey on red is too faint to read. */}
              <span className={clsx(!columnProblems.has(column.id) && 'text-slate-500 dark:text-slate-400')}>
                {column.dataType.toLowerCase()}
                {column.array === true && '[]'}
              </span>
              {markers.length > 0 && (
                <span className="font-mono text-[10px] text-sky-700 dark:text-sky-400">
                  {markers.join(' ')}
                </span>
              )}
              <Handle
                type="source"
                id={`${column.id}-out`}
                position={Position.Right}
                className="!size-2 !bg-sky-600"
              />
            </li>
          );
        })}
      </ul>
    </div>
  );
});

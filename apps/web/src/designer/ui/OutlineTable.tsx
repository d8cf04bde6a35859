import type { ColumnDocument, TableDocument } from '@schema-builder/schema-model/design';
import type { ValidationIssue } from '@schema-builder/schema-model/validation';
import { clsx } from 'clsx';
import {
  ArrowDown,
  ArrowUp,
  ChevronDown,
  ChevronRight,
  Copy,
  GripVertical,
  KeyRound,
  Link2,
  Plus,
  Settings2,
  Trash2,
} from 'lucide-react';
import { createContext, memo, useContext, useState } from 'react';
import { Button } from '../../components/Button.tsx';
import type { Design, Edit } from '../state/edits.ts';
import { duplicateTable, newColumn } from '../state/factories.ts';
import { ColumnEditor } from './ColumnEditor.tsx';
import { ForeignKeys } from './ForeignKeys.tsx';
import { Indexes } from './Indexes.tsx';

interface OutlineTableProps {
  table: TableDocument;
  apply: (edit: Edit, mergeKey?: string) => void;
  /** The design as it is now, for the actions that read it when used (duplicate). */
  getDesign: () => Design;
  tableProblems: ValidationIssue[];
  /** The problems of the table's columns, by column id. */
  columnProblems: ReadonlyMap<string, ValidationIssue[]>;
  /** Whether the table starts unfolded (not in a large design). */
  defaultOpen: boolean;
  selected: boolean;
  onSelect: (tableId: string) => void;
}

/** The design being edited, read only by unfolded tables: a folded table does not re-render on edits elsewhere. */
export const OutlineDesign = createContext<Design | undefined>(undefined);

const NO_ISSUES: ValidationIssue[] = [];
/** A drag's data type names the column's table: a column moves only within its table. */
const COLUMN_DRAG_TYPE = 'application/x-schema-builder-column';

/** One table of the outline: its name, columns, indexes and foreign keys, all editable by keyboard. */
export const OutlineTable = memo(function OutlineTable({
  table,
  apply,
  getDesign,
  tableProblems,
  columnProblems,
  defaultOpen,
  selected,
  onSelect,
}: OutlineTableProps) {
  const [open, setOpen] = useState(defaultOpen);
  return (
    <li
      id={`outline-table-${table.id}`}
      tabIndex={-1}
      aria-label={`Table ${table.name}`}
      className={clsx(
        'rounded-md border p-2',
        selected ? 'border-sky-600' : 'border-slate-200 dark:border-slate-700',
        tableProblems.length > 0 && 'border-l-4 border-l-red-600',
      )}
      onFocus={() => onSelect(table.id)}
    >
      <div className="flex items-center gap-1">
        <button
          type="button"
          aria-expanded={open}
          aria-label={`${open ? 'Collapse' : 'Expand'} table ${table.name}`}
          onClick={() => setOpen(!open)}
          className="rounded p-1 hover:bg-slate-100 dark:hover:bg-slate-800"
        >
          {open ? (
            <ChevronDown aria-hidden className="size-4" />
          ) : (
            <ChevronRight aria-hidden className="size-4" />
          )}
        </button>
        <input
          aria-label={`Name of table ${table.name}`}
          value={table.name}
          onChange={(event) =>
            apply(
              { kind: 'updateTable', tableId: table.id, patch: { name: event.target.value } },
              `${table.id}:name`,
            )
          }
          className="min-w-0 flex-1 rounded border border-transparent bg-transparent px-1 py-0.5 font-semibold hover:border-slate-300 dark:hover:border-slate-600"
        />
        <Button
          variant="ghost"
          aria-label={`Duplicate table ${table.name}`}
          onClick={() => apply(duplicateTable(getDesign(), table.id))}
        >
          <Copy aria-hidden className="size-4" />
        </Button>
        <Button
          variant="ghost"
          aria-label={`Delete table ${table.name}`}
          onClick={() => apply({ kind: 'deleteTables', tableIds: [table.id] })}
        >
          <Trash2 aria-hidden className="size-4" />
        </Button>
      </div>
      <Issues issues={tableProblems} />
      {open && <OutlineTableBody table={table} apply={apply} columnProblems={columnProblems} />}
    </li>
  );
});

function OutlineTableBody({
  table,
  apply,
  columnProblems,
}: Pick<OutlineTableProps, 'table' | 'apply' | 'columnProblems'>) {
  const design = useContext(OutlineDesign);
  if (!design) return null;
  const referencing = new Set(
    (design.foreignKeys ?? [])
      .filter((key) => key.sourceTableId === table.id)
      .map((key) => key.sourceColumnId),
  );
  return (
    <div className="mt-2 flex flex-col gap-3 pl-2">
      <ul aria-label={`Columns of ${table.name}`} className="flex flex-col gap-1">
        {table.columns.map((column, index) => (
          <ColumnRow
            key={column.id}
            design={design}
            table={table}
            column={column}
            index={index}
            referencing={referencing.has(column.id)}
            issues={columnProblems.get(column.id) ?? NO_ISSUES}
            apply={apply}
          />
        ))}
      </ul>
      <div>
        <Button
          onClick={() => apply({ kind: 'addColumn', tableId: table.id, column: newColumn(table) })}
          aria-label={`Add column to ${table.name}`}
        >
          <Plus aria-hidden className="size-4" />
          Add column
        </Button>
      </div>
      <Indexes design={design} table={table} apply={apply} />
      <ForeignKeys design={design} table={table} apply={apply} />
    </div>
  );
}

interface ColumnRowProps {
  design: Design;
  table: TableDocument;
  column: ColumnDocument;
  index: number;
  referencing: boolean;
  issues: ValidationIssue[];
  apply: (edit: Edit, mergeKey?: string) => void;
}

function ColumnRow({ design, table, column, index, referencing, issues, apply }: ColumnRowProps) {
  const [editing, setEditing] = useState(false);
  const markers = [
    column.primaryKey && 'PK',
    referencing && 'FK',
    column.unique && 'unique',
    (column.nullable === false || column.primaryKey) && 'not null',
    column.autoIncrement && 'identity',
  ].filter(Boolean);
  const [dropTarget, setDropTarget] = useState(false);
  const move = (to: number) => apply({ kind: 'moveColumn', tableId: table.id, columnId: column.id, to });
  // Dragging a column onto another puts it in that column's place (the arrows do it by keyboard).
  const dragType = `${COLUMN_DRAG_TYPE}-${table.id}`;
  return (
    <li
      id={`outline-column-${table.id}-${column.id}`}
      tabIndex={-1}
      aria-label={`Column ${column.name}`}
      className={clsx(
        'rounded px-1 py-1',
        issues.length > 0 && 'bg-red-50 dark:bg-red-950',
        dropTarget && 'outline-2 outline-sky-600',
      )}
      onDragOver={(event) => {
        if (!event.dataTransfer.types.includes(dragType)) return;
        event.preventDefault();
        event.dataTransfer.dropEffect = 'move';
        setDropTarget(true);
      }}
      onDragLeave={() => setDropTarget(false)}
      onDrop={(event) => {
        setDropTarget(false);
        const columnId = event.dataTransfer.getData(dragType);
        if (!columnId || columnId === column.id) return;
        event.preventDefault();
        apply({ kind: 'moveColumn', tableId: table.id, columnId, to: index });
      }}
    >
      <div className="flex flex-wrap items-center gap-1">
        <span
          role="img"
          aria-label={`Drag column ${column.name}`}
          draggable
          onDragStart={(event) => {
            event.dataTransfer.setData(dragType, column.id);
            event.dataTransfer.effectAllowed = 'move';
          }}
          className="cursor-grab text-slate-400 active:cursor-grabbing"
        >
          <GripVertical aria-hidden className="size-3.5" />
        </span>
        {column.primaryKey ? (
          <KeyRound aria-hidden className="size-3.5 text-amber-600" />
        ) : referencing ? (
          <Link2 aria-hidden className="size-3.5 text-sky-600" />
        ) : (
          <span aria-hidden className="inline-block size-3.5" />
        )}
        <input
          aria-label={`Name of column ${column.name} in ${table.name}`}
          value={column.name}
          onChange={(event) =>
            apply(
              {
                kind: 'updateColumn',
                tableId: table.id,
                columnId: column.id,
                patch: { name: event.target.value },
              },
              `${column.id}:name`,
            )
          }
          className="w-32 min-w-0 flex-1 rounded border border-transparent bg-transparent px-1 text-sm hover:border-slate-300 dark:hover:border-slate-600"
        />
        <span className="text-xs text-slate-600 dark:text-slate-400">
          {column.dataType.toLowerCase()}
          {column.array === true && '[]'}
          {markers.length > 0 && ` · ${markers.join(', ')}`}
        </span>
        <span className="ml-auto flex">
          <Button
            variant="ghost"
            aria-label={`Edit column ${column.name}`}
            aria-expanded={editing}
            onClick={() => setEditing(!editing)}
          >
            <Settings2 aria-hidden className="size-3.5" />
          </Button>
          <Button
            variant="ghost"
            aria-label={`Move column ${column.name} up`}
            disabled={index === 0}
            onClick={() => move(index - 1)}
          >
            <ArrowUp aria-hidden className="size-3.5" />
          </Button>
          <Button
            variant="ghost"
            aria-label={`Move column ${column.name} down`}
            disabled={index === table.columns.length - 1}
            onClick={() => move(index + 1)}
          >
            <ArrowDown aria-hidden className="size-3.5" />
          </Button>
          <Button
            variant="ghost"
            aria-label={`Delete column ${column.name}`}
            onClick={() => apply({ kind: 'deleteColumn', tableId: table.id, columnId: column.id })}
          >
            <Trash2 aria-hidden className="size-3.5" />
          </Button>
        </span>
      </div>
      <Issues issues={issues} />
      {editing && <ColumnEditor design={design} table={table} column={column} apply={apply} />}
    </li>
  );
}

function Issues({ issues }: { issues: ValidationIssue[] }) {
  if (issues.length === 0) return null;
  return (
    <ul className="mt-1 flex flex-col gap-0.5">
      {issues.map((issue) => (
        <li
          key={`${issue.code}:${issue.path}`}
          className={clsx(
            'text-xs',
            issue.severity === 'error'
              ? 'text-red-700 dark:text-red-400'
              : 'text-amber-700 dark:text-amber-400',
          )}
        >
          {issue.severity === 'error' ? 'Error' : 'Warning'}: {issue.message}
        </li>
      ))}
    </ul>
  );
}

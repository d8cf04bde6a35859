import type { ValidationIssue } from '@schema-builder/schema-model/validation';
import { useCallback, useDeferredValue, useMemo, useRef, useState } from 'react';
import type { ProblemIndex } from '../problems.ts';
import type { Design, Edit } from '../state/edits.ts';
import { CanvasExtrasEditor } from './CanvasExtrasEditor.tsx';
import { Enums } from './Enums.tsx';
import { OutlineDesign, OutlineTable } from './OutlineTable.tsx';

interface OutlineProps {
  design: Design;
  apply: (edit: Edit, mergeKey?: string) => void;
  problems: ProblemIndex;
  selectedTableIds: ReadonlySet<string>;
  onSelectTable: (tableId: string) => void;
}

const NONE: ValidationIssue[] = [];
const NO_COLUMN_PROBLEMS: ReadonlyMap<string, ValidationIssue[]> = new Map();
/**
 * Above this many tables the outline starts with every table folded, and offers a filter: a
 * thousand open tables are tens of thousands of controls.
 */
export const OPEN_TABLES_UP_TO = 30;

/**
 * The design as an accessible list of tables and their columns: every edit the canvas offers,
 * by keyboard. It is how screen-reader users design, and how the browser tests drive edits.
 */
export function Outline({ design, apply, problems, selectedTableIds, onSelectTable }: OutlineProps) {
  const [filter, setFilter] = useState('');
  const query = useDeferredValue(filter.trim().toLowerCase());
  const current = useRef(design);
  current.current = design;
  const getDesign = useCallback(() => current.current, []);
  // One map per table, the previous one while its lists are the same: an unchanged table keeps its props.
  const lastColumnProblems = useRef(new Map<string, Map<string, ValidationIssue[]>>());
  const columnProblems = useMemo(() => {
    const byTable = new Map<string, Map<string, ValidationIssue[]>>();
    for (const [key, issues] of problems.byColumn) {
      const [tableId = '', columnId = ''] = key.split('/');
      const columns = byTable.get(tableId) ?? new Map<string, ValidationIssue[]>();
      columns.set(columnId, issues);
      byTable.set(tableId, columns);
    }
    for (const [tableId, columns] of byTable) {
      const before = lastColumnProblems.current.get(tableId);
      if (before && sameEntries(before, columns)) byTable.set(tableId, before);
    }
    lastColumnProblems.current = byTable;
    return byTable;
  }, [problems]);
  const large = design.tables.length > OPEN_TABLES_UP_TO;
  const shown = query
    ? design.tables.filter((table) => table.name.toLowerCase().includes(query))
    : design.tables;
  return (
    <div className="flex flex-col gap-4">
      {large && (
        <input
          type="search"
          aria-label="Filter tables"
          placeholder={`Filter ${design.tables.length} tables`}
          value={filter}
          onChange={(event) => setFilter(event.target.value)}
          className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm dark:border-slate-600 dark:bg-slate-900"
        />
      )}
      {design.tables.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">No tables yet: add one.</p>
      ) : shown.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">No table’s name contains “{filter}”.</p>
      ) : (
        <OutlineDesign.Provider value={design}>
          <ul aria-label="Tables" className="flex flex-col gap-2">
            {shown.map((table) => (
              <OutlineTable
                key={table.id}
                table={table}
                apply={apply}
                getDesign={getDesign}
                defaultOpen={!large}
                selected={selectedTableIds.has(table.id)}
                onSelect={onSelectTable}
                tableProblems={problems.byTable.get(table.id) ?? NONE}
                columnProblems={columnProblems.get(table.id) ?? NO_COLUMN_PROBLEMS}
              />
            ))}
          </ul>
        </OutlineDesign.Provider>
      )}
      <Enums design={design} apply={apply} />
      <CanvasExtrasEditor design={design} apply={apply} />
    </div>
  );
}

function sameEntries<K, V>(a: ReadonlyMap<K, V>, b: ReadonlyMap<K, V>): boolean {
  if (a.size !== b.size) return false;
  for (const [key, value] of a) if (b.get(key) !== value) return false;
  return true;
}

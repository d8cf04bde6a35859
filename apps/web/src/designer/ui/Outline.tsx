import type { ValidationIssue } from '@schema-builder/schema-model/validation';
import type { ProblemIndex } from '../problems.ts';
import type { Design, Edit } from '../state/edits.ts';
import { Enums } from './Enums.tsx';
import { OutlineTable } from './OutlineTable.tsx';

interface OutlineProps {
  design: Design;
  apply: (edit: Edit, mergeKey?: string) => void;
  problems: ProblemIndex;
  selectedTableIds: ReadonlySet<string>;
  onSelectTable: (tableId: string) => void;
}

const NONE: ValidationIssue[] = [];

/**
 * The design as an accessible list of tables and their columns: every edit the canvas offers,
 * by keyboard. It is how screen-reader users design, and how the browser tests drive edits.
 */
export function Outline({ design, apply, problems, selectedTableIds, onSelectTable }: OutlineProps) {
  return (
    <div className="flex flex-col gap-4">
      {design.tables.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">No tables yet: add one.</p>
      ) : (
        <ul aria-label="Tables" className="flex flex-col gap-2">
          {design.tables.map((table) => (
            <OutlineTable
              key={table.id}
              design={design}
              table={table}
              apply={apply}
              selected={selectedTableIds.has(table.id)}
              onSelect={() => onSelectTable(table.id)}
              problems={{
                table: problems.byTable.get(table.id) ?? NONE,
                column: (columnId) => problems.byColumn.get(`${table.id}/${columnId}`) ?? NONE,
              }}
            />
          ))}
        </ul>
      )}
      <Enums design={design} apply={apply} />
    </div>
  );
}

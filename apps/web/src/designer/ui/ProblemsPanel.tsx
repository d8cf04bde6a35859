import type { ValidationReport } from '@schema-builder/schema-model/validation';
import { clsx } from 'clsx';
import { elementIdOf, targetOf } from '../problems.ts';
import type { Design } from '../state/edits.ts';

/** Every error and warning of the design; choosing one focuses the element it concerns. */
export function ProblemsPanel({ design, report }: { design: Design; report: ValidationReport }) {
  const issues = [...report.errors, ...report.warnings];
  if (issues.length === 0) return <p className="p-2 text-sm">No problems: the design is valid.</p>;
  return (
    <ul aria-label="Problems" className="flex flex-col gap-1 p-1">
      {issues.map((issue) => {
        const target = targetOf(design, issue);
        const elementId = elementIdOf(target);
        // A folded table (large designs start folded) shows no columns: its row is focused instead.
        const tableElementId = elementIdOf({ tableId: target.tableId });
        return (
          <li key={`${issue.severity}:${issue.code}:${issue.path}`}>
            <button
              type="button"
              className="w-full rounded p-2 text-left text-sm hover:bg-slate-100 dark:hover:bg-slate-800"
              onClick={() => {
                if (!elementId) return;
                const element =
                  document.getElementById(elementId) ??
                  (tableElementId ? document.getElementById(tableElementId) : null);
                element?.scrollIntoView({ block: 'center' });
                element?.focus();
              }}
            >
              <span
                className={clsx(
                  'mr-2 font-semibold',
                  issue.severity === 'error'
                    ? 'text-red-700 dark:text-red-400'
                    : 'text-amber-700 dark:text-amber-400',
                )}
              >
                {issue.severity === 'error' ? 'Error' : 'Warning'}
              </span>
              {issue.message}
              <span className="block text-xs text-slate-600 dark:text-slate-400">{issue.path}</span>
            </button>
          </li>
        );
      })}
    </ul>
  );
}

import type { RouterOutputs } from '@schema-builder/client';
import { AlertTriangle } from 'lucide-react';

export type MigrationPlan = RouterOutputs['schemas']['diff'];

/** What each hazard means, in words (docs/migrations.md's table, shortened). */
export const HAZARD_WORDS: Record<string, string> = {
  DESTRUCTIVE: 'deletes data',
  DATA_DEPENDENT: 'can fail on existing rows (checked against the live data)',
  REWRITES_TABLE: 'rewrites every row under an exclusive lock',
  LOCKS_TABLE: 'blocks writes to the table while it runs',
  BREAKS_CLIENTS: 'a name clients may use changes or disappears',
};

/** All the SQL of a plan, as it would run: the preamble, then each step's statements. */
export function planSql(plan: MigrationPlan): string {
  return [...plan.preamble, ...plan.steps.flatMap((step) => step.sql)].join('\n');
}

/** A migration plan: its summary, each step with its hazards, and its SQL. */
export function PlanView({ plan, label }: { plan: MigrationPlan; label: string }) {
  const hazards = Object.entries(plan.hazardCounts);
  if (plan.steps.length === 0)
    return <p className="text-sm">No changes: the two versions build the same database.</p>;
  return (
    <div className="flex flex-col gap-2 text-sm">
      {hazards.length > 0 && (
        <ul aria-label={`Hazards of ${label}`} className="flex flex-col gap-1">
          {hazards.map(([code, count]) => (
            <li key={code} className="flex items-start gap-1.5 text-amber-900 dark:text-amber-200">
              <AlertTriangle aria-hidden className="mt-0.5 size-4 shrink-0" />
              <span>
                <span className="font-mono font-semibold">{code}</span> ({count} step{count === 1 ? '' : 's'}
                ): {HAZARD_WORDS[code] ?? code}
              </span>
            </li>
          ))}
        </ul>
      )}
      <ol aria-label={`Steps of ${label}`} className="flex list-decimal flex-col gap-1 pl-5">
        {plan.steps.map((step) => (
          <li key={step.id}>
            {step.description}
            {step.hazards.map((hazard) => (
              <span key={hazard.code} className="block text-xs text-amber-900 dark:text-amber-200">
                <span className="font-mono">{hazard.code}</span>: {hazard.message}
              </span>
            ))}
          </li>
        ))}
      </ol>
      <textarea
        readOnly
        aria-label={`SQL of ${label}`}
        value={planSql(plan)}
        rows={Math.min(16, 2 + plan.steps.length * 2)}
        spellCheck={false}
        className="w-full rounded bg-slate-100 p-2 font-mono text-xs dark:bg-slate-900"
      />
    </div>
  );
}

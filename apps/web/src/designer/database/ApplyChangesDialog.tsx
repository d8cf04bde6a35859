import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Play } from 'lucide-react';
import { useEffect, useState } from 'react';
import { trpc } from '../../api/trpc.ts';
import { Button } from '../../components/Button.tsx';
import { Dialog } from '../../components/Dialog.tsx';
import { LoadingState } from '../../components/States.tsx';
import { progressOf } from '../../pages/database/database-status.ts';
import { HAZARD_WORDS, PlanView } from '../history/PlanView.tsx';
import { type ConsentHazard, hazardsNeedingConsent } from './consent.ts';
import { Refusal } from './Refusal.tsx';

/**
 * "Apply changes": the plan from the database's version to the design's, checked against the live
 * rows first (a dry run), consent asked for each hazard class the service refuses without it, then
 * the migration run and followed to its outcome. A refusal shows the service's reasons.
 */
export function ApplyChangesDialog({
  designId,
  open,
  onOpenChange,
}: {
  designId: string;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  return (
    <Dialog
      open={open}
      onOpenChange={onOpenChange}
      title="Apply changes to the database"
      description="The plan is checked against the rows in the database before anything runs."
    >
      {open && <ApplyChanges designId={designId} onDone={() => onOpenChange(false)} />}
    </Dialog>
  );
}

function ApplyChanges({ designId, onDone }: { designId: string; onDone: () => void }) {
  const queryClient = useQueryClient();
  const [consent, setConsent] = useState<ReadonlySet<ConsentHazard>>(new Set());
  const check = useMutation(trpc.databases.migrate.mutationOptions());
  const run = useMutation(
    trpc.databases.migrate.mutationOptions({
      onSuccess: (report) => {
        queryClient.setQueryData(trpc.databases.status.queryKey({ id: designId }), report.database);
      },
    }),
  );
  const status = useQuery({
    ...trpc.databases.status.queryOptions({ id: designId }),
    enabled: run.isSuccess,
  });
  const checkNow = check.mutate;
  useEffect(() => checkNow({ id: designId, dryRun: true }), [checkNow, designId]);

  if (check.isPending) return <LoadingState label="Checking the plan against the live data…" />;
  if (check.isError)
    return (
      <div className="flex flex-col gap-3">
        <Refusal error={check.error} />
        <div>
          <Button onClick={() => checkNow({ id: designId, dryRun: true })}>Check again</Button>
        </div>
      </div>
    );
  if (!check.data) return null;
  const report = check.data;
  const plan = `version ${report.fromVersion} to ${report.toVersion}`;

  if (run.isSuccess) {
    const database = status.data ?? run.data.database;
    const progress = progressOf(database);
    const applied = !database.busy && database.status === 'ready' && database.version === report.toVersion;
    const failed = !database.busy && database.status === 'migration_failed';
    return (
      <div className="flex flex-col gap-3 text-sm">
        {!run.data.queued ? (
          <p role="status">Nothing to apply: the database already holds version {report.toVersion}.</p>
        ) : progress ? (
          <div role="status" aria-live="polite">
            <span className="font-medium">{progress.title}:</span> {progress.step}
          </div>
        ) : applied ? (
          <p role="status" className="font-medium">
            Applied: the database now holds version {report.toVersion}, its rows kept.
          </p>
        ) : failed ? (
          <p role="alert" className="text-red-700 dark:text-red-400">
            The migration failed and was rolled back; nothing changed
            {database.lastError ? `: ${database.lastError}` : '.'}
          </p>
        ) : (
          <p role="status">The database is {database.status}.</p>
        )}
        <div>
          <Button onClick={onDone}>Close</Button>
        </div>
      </div>
    );
  }

  const needed = hazardsNeedingConsent(report.hazardCounts);
  const findings = report.findings.filter((finding) => finding.count > 0);
  return (
    <div className="flex flex-col gap-3">
      <p className="text-sm">
        From version {report.fromVersion} (in the database) to version {report.toVersion} (the design).
      </p>
      <PlanView plan={report} label={plan} />
      <section aria-label="Data checks" className="text-sm">
        <h3 className="font-semibold">Data checks</h3>
        {report.findings.length === 0 ? (
          <p>No step depends on the rows in the database.</p>
        ) : findings.length === 0 ? (
          <p>Every step that depends on the rows was checked: no row stands in the way.</p>
        ) : (
          <ul className="list-disc pl-5 text-red-800 dark:text-red-300">
            {findings.map((finding) => (
              <li key={`${finding.stepId}:${finding.kind}`}>
                {finding.count} row(s) of {finding.table}: {finding.description}
              </li>
            ))}
          </ul>
        )}
      </section>
      {needed.length > 0 && (
        <fieldset className="flex flex-col gap-1 text-sm">
          <legend className="font-semibold">Consent</legend>
          {needed.map((code) => (
            <label key={code} className="flex items-start gap-2">
              <input
                type="checkbox"
                className="mt-1"
                checked={consent.has(code)}
                onChange={(event) => {
                  const next = new Set(consent);
                  if (event.target.checked) next.add(code);
                  else next.delete(code);
                  setConsent(next);
                }}
              />
              <span>
                I accept {code}: {HAZARD_WORDS[code]} ({report.hazardCounts[code]} step
                {report.hazardCounts[code] === 1 ? '' : 's'})
              </span>
            </label>
          ))}
        </fieldset>
      )}
      {run.isError && <Refusal error={run.error} />}
      <div className="flex flex-wrap gap-2">
        <Button
          variant={needed.length > 0 ? 'danger' : 'primary'}
          pending={run.isPending}
          onClick={() =>
            run.mutate({ id: designId, toVersion: report.toVersion, allowHazards: [...consent] })
          }
        >
          <Play aria-hidden className="size-4" />
          Run migration
        </Button>
        <Button onClick={onDone}>Cancel</Button>
      </div>
    </div>
  );
}

import { RotateCcw } from 'lucide-react';
import { Button } from '../../components/Button.tsx';
import { StatusDot } from '../../components/StatusDot.tsx';
import { formatDateTime } from '../designs/format.ts';
import { type DatabaseResource, progressOf, statusOf } from './database-status.ts';

/** The database's state: status, the job in flight and its step, the last error, what it holds. */
export function StatusPanel({
  database,
  onRetry,
  retrying,
}: {
  database: DatabaseResource;
  onRetry: () => void;
  retrying: boolean;
}) {
  const status = statusOf(database.status);
  const progress = progressOf(database);
  const failed = database.status === 'failed' || database.status === 'migration_failed';
  return (
    <section
      aria-labelledby="status-heading"
      className="flex flex-col gap-3 rounded-lg border border-slate-200 p-4 dark:border-slate-800"
    >
      <h2 id="status-heading" className="text-lg font-semibold">
        Status
      </h2>
      <p className="text-base" data-testid="database-status">
        <StatusDot tone={status.tone} label={status.label} />
      </p>
      {progress && (
        <div role="status" aria-live="polite" className="flex flex-col gap-1 text-sm">
          <p>
            <span className="font-medium">{progress.title}:</span> {progress.step}
          </p>
          {progress.done && (
            <progress
              aria-label={`${progress.title}: step ${progress.done.value} of ${progress.done.of}`}
              value={progress.done.value}
              max={progress.done.of}
              className="h-2 w-full max-w-md"
            />
          )}
        </div>
      )}
      {failed && (
        <div
          role="alert"
          className="flex flex-col gap-2 rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100"
        >
          <p>
            The last job ({database.operation}) failed{database.lastError ? `: ${database.lastError}` : '.'}
          </p>
          <div>
            <Button onClick={onRetry} pending={retrying}>
              <RotateCcw aria-hidden className="size-4" />
              Retry
            </Button>
          </div>
        </div>
      )}
      <dl className="grid grid-cols-[max-content_minmax(0,1fr)] gap-x-4 gap-y-1 text-sm">
        <dt className="text-slate-600 dark:text-slate-300">Database</dt>
        <dd className="font-mono break-all">{database.database}</dd>
        <dt className="text-slate-600 dark:text-slate-300">Role</dt>
        <dd className="font-mono break-all">{database.role}</dd>
        <dt className="text-slate-600 dark:text-slate-300">Server</dt>
        <dd>{database.server}</dd>
        <dt className="text-slate-600 dark:text-slate-300">Design version</dt>
        <dd>
          {database.version === null ? 'not built yet' : `holds version ${database.version}`}
          {database.latestVersion !== null && ` · the design is at version ${database.latestVersion}`}
          {database.behindDesign &&
            ` · behind the design${database.pendingSteps ? ` (${database.pendingSteps} changes not applied)` : ''}`}
        </dd>
        {database.readyAt && (
          <>
            <dt className="text-slate-600 dark:text-slate-300">Ready since</dt>
            <dd>{formatDateTime(database.readyAt)}</dd>
          </>
        )}
      </dl>
    </section>
  );
}

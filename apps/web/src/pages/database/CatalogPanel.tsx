import { RefreshCw } from 'lucide-react';
import { Button } from '../../components/Button.tsx';
import { StatusDot } from '../../components/StatusDot.tsx';
import { formatBytes, formatDateTime } from '../designs/format.ts';
import type { DatabaseResource } from './database-status.ts';

/**
 * What the server's catalog says right now: whether the database exists, its size, open sessions,
 * and whether its tables and columns still match the version it was built from.
 */
export function CatalogPanel({
  database,
  checking,
  onCheck,
}: {
  database: DatabaseResource;
  checking: boolean;
  onCheck: () => void;
}) {
  const catalog = database.catalog;
  return (
    <section
      aria-labelledby="catalog-heading"
      className="flex flex-col gap-3 rounded-lg border border-slate-200 p-4 dark:border-slate-800"
    >
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="catalog-heading" className="text-lg font-semibold">
          Catalog check
        </h2>
        <Button onClick={onCheck} pending={checking} disabled={database.busy}>
          <RefreshCw aria-hidden className="size-4" />
          Check again
        </Button>
      </div>
      {!catalog ? (
        <p className="text-sm text-slate-600 dark:text-slate-300">
          {database.busy
            ? 'Checked once the job in flight has finished.'
            : 'Nothing to check: the database is not built.'}
        </p>
      ) : !catalog.reachable ? (
        <p role="alert" className="text-sm">
          <StatusDot tone="bad" label="The server could not be reached" />
          {catalog.error && <span className="block">{catalog.error}</span>}
        </p>
      ) : (
        <>
          <p className="text-sm">
            {catalog.exists === false ? (
              <StatusDot tone="bad" label="The database is missing on its server" />
            ) : catalog.matchesDesign === false ? (
              <StatusDot tone="bad" label="Differs from the design version it was built from" />
            ) : (
              <StatusDot tone="good" label="Matches the design version it was built from" />
            )}
          </p>
          {catalog.mismatches.length > 0 && (
            <ul aria-label="Differences" className="list-disc pl-5 text-sm">
              {catalog.mismatches.map((mismatch) => (
                <li key={`${mismatch.code}:${mismatch.table}:${mismatch.column ?? ''}`}>
                  {mismatch.message}
                </li>
              ))}
            </ul>
          )}
          <dl className="grid grid-cols-[max-content_minmax(0,1fr)] gap-x-4 gap-y-1 text-sm">
            <dt className="text-slate-600 dark:text-slate-300">Size</dt>
            <dd>{catalog.sizeBytes === null ? 'unknown' : formatBytes(catalog.sizeBytes)}</dd>
            <dt className="text-slate-600 dark:text-slate-300">Open connections</dt>
            <dd>{catalog.connections ?? 'unknown'}</dd>
            <dt className="text-slate-600 dark:text-slate-300">Checked</dt>
            <dd>{formatDateTime(catalog.checkedAt)}</dd>
          </dl>
        </>
      )}
    </section>
  );
}

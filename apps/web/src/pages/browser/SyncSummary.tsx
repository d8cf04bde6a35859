import type { RouterOutputs } from '@schema-builder/client';
import { namesOfPath } from './tree-model.ts';

export type SyncResult = RouterOutputs['catalog']['sync'];

/** How many paths each list shows before "and N more": a first sync of 2,000 tables is long. */
const SHOWN = 25;

/** What a sync found changed since the one before: added, removed and changed objects, by path. */
export function SyncSummary({ result, firstSync }: { result: SyncResult; firstSync: boolean }) {
  const total = result.added.length + result.removed.length + result.changed.length;
  return (
    <section
      aria-labelledby="sync-summary-heading"
      className="rounded-lg border border-slate-200 p-4 text-sm dark:border-slate-700"
    >
      <h2 id="sync-summary-heading" className="mb-2 text-base font-semibold">
        {firstSync ? 'First sync' : 'Changes since the last sync'}
      </h2>
      <p className="mb-2">
        {firstSync
          ? `Read ${result.added.length} objects (databases, tables, views and columns).`
          : total === 0
            ? 'Nothing changed since the last sync.'
            : `${result.added.length} added, ${result.removed.length} removed, ${result.changed.length} changed.`}{' '}
        <span className="text-slate-600 dark:text-slate-400">
          Finished {new Date(result.finishedAt).toLocaleTimeString()}.
        </span>
      </p>
      {!firstSync && total > 0 && (
        <div className="grid gap-3 sm:grid-cols-3">
          <ChangeList title="Added" items={result.added.map((change) => ({ ...change, note: undefined }))} />
          <ChangeList
            title="Removed"
            items={result.removed.map((change) => ({ ...change, note: undefined }))}
          />
          <ChangeList
            title="Changed"
            items={result.changed.map((change) => ({ ...change, note: change.fields.join(', ') }))}
          />
        </div>
      )}
    </section>
  );
}

function ChangeList({
  title,
  items,
}: {
  title: string;
  items: { path: string; kind: string; note: string | undefined }[];
}) {
  return (
    <div>
      <h3 className="font-medium">
        {title} ({items.length})
      </h3>
      {items.length > 0 && (
        <ul aria-label={title} className="mt-1 flex flex-col gap-0.5">
          {items.slice(0, SHOWN).map((item) => (
            <li key={item.path} className="break-all">
              <span className="text-slate-600 dark:text-slate-400">{item.kind}</span>{' '}
              {namesOfPath(item.path).join('.')}
              {item.note && <span className="text-slate-600 dark:text-slate-400"> ({item.note})</span>}
            </li>
          ))}
          {items.length > SHOWN && <li>and {items.length - SHOWN} more</li>}
        </ul>
      )}
    </div>
  );
}

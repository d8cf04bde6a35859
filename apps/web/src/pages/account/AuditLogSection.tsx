import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { trpc } from '../../api/trpc.ts';
import { Button } from '../../components/Button.tsx';
import { EmptyState, ErrorState, LoadingState } from '../../components/States.tsx';
import { actionLabelOf, subjectOf, timeOf } from './audit-events.ts';

const PAGE_SIZE = 20;

/** What was done with the account, newest first, a page at a time. */
export function AuditLogSection() {
  const headingId = useId();
  // The cursors of the pages before this one: "Newer" goes back one.
  const [cursors, setCursors] = useState<(string | undefined)[]>([]);
  const [cursor, setCursor] = useState<string>();
  const events = useQuery({
    ...trpc.audit.list.queryOptions({ limit: PAGE_SIZE, ...(cursor ? { cursor } : {}) }),
    placeholderData: keepPreviousData,
  });
  const page = cursors.length + 1;

  return (
    <section aria-labelledby={headingId} className="flex flex-col gap-4">
      <div>
        <h2 id={headingId} className="text-xl font-semibold">
          Audit log
        </h2>
        <p className="text-sm text-slate-600 dark:text-slate-300">
          Sign-ins, API keys, designs and databases: what was done, when, and from where.
        </p>
      </div>
      {events.isPending ? (
        <LoadingState label="Loading the audit log…" />
      ) : events.isError ? (
        <ErrorState error={events.error} onRetry={() => events.refetch()} />
      ) : events.data.items.length === 0 ? (
        <EmptyState title="Nothing recorded yet" />
      ) : (
        <>
          {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard */}
          <section aria-label="Audit log table" tabIndex={0} className="relative overflow-x-auto">
            <table className="w-full min-w-[40rem] text-left text-sm" aria-busy={events.isFetching}>
              <thead className="border-b border-slate-200 dark:border-slate-700">
                <tr>
                  <th scope="col" className="py-2 pr-3 font-medium">
                    When
                  </th>
                  <th scope="col" className="py-2 pr-3 font-medium">
                    Event
                  </th>
                  <th scope="col" className="py-2 pr-3 font-medium">
                    Concerning
                  </th>
                  <th scope="col" className="py-2 pr-3 font-medium">
                    From
                  </th>
                  <th scope="col" className="py-2 font-medium">
                    Request
                  </th>
                </tr>
              </thead>
              <tbody>
                {events.data.items.map((event) => (
                  <tr key={event.id} className="border-b border-slate-100 dark:border-slate-800">
                    <td className="py-2 pr-3 whitespace-nowrap">{timeOf(event.createdAt)}</td>
                    <td className="py-2 pr-3">
                      {actionLabelOf(event.action)}
                      <span className="block font-mono text-xs text-slate-600 dark:text-slate-400">
                        {event.action}
                      </span>
                    </td>
                    <td className="py-2 pr-3">{subjectOf(event)}</td>
                    <td className="py-2 pr-3 font-mono text-xs">{event.ip ?? '—'}</td>
                    <td className="py-2 font-mono text-xs">{event.requestId ?? '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
          <nav aria-label="Audit log pages" className="flex items-center gap-3">
            <Button
              disabled={page === 1}
              onClick={() => {
                setCursor(cursors.at(-1));
                setCursors(cursors.slice(0, -1));
              }}
            >
              Newer
            </Button>
            <span className="text-sm">Page {page}</span>
            <Button
              disabled={events.data.nextCursor === null}
              pending={events.isPlaceholderData}
              onClick={() => {
                const next = events.data.nextCursor;
                if (next === null) return;
                setCursors([...cursors, cursor]);
                setCursor(next);
              }}
            >
              Older
            </Button>
          </nav>
        </>
      )}
    </section>
  );
}

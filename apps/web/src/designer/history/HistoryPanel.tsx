import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { GitCompare, X } from 'lucide-react';
import { useEffect, useState } from 'react';
import { trpc } from '../../api/trpc.ts';
import { Button } from '../../components/Button.tsx';
import { ErrorState, LoadingState } from '../../components/States.tsx';
import { formatDateTime } from '../../pages/designs/format.ts';
import { SmallSelect } from '../ui/fields.tsx';
import { compareDesigns, type DesignComparison } from './compare.ts';
import { PlanView } from './PlanView.tsx';

export interface ShownComparison {
  fromVersion: number;
  toVersion: number;
  comparison: DesignComparison;
}

/**
 * The design's versions with their notes and authors, newest first; two of them compared on the
 * canvas (through `onCompare`) and as the migration plan between them.
 */
export function HistoryPanel({
  designId,
  onCompare,
}: {
  designId: string;
  onCompare: (shown: ShownComparison | undefined) => void;
}) {
  const me = useQuery(trpc.auth.me.queryOptions());
  const versions = useInfiniteQuery(
    trpc.schemas.versions.infiniteQueryOptions(
      { id: designId, limit: 20 },
      { getNextPageParam: (page) => page.nextCursor ?? undefined },
    ),
  );
  const items = versions.data?.pages.flatMap((page) => page.items) ?? [];
  const [picked, setPicked] = useState<{ from?: number; to?: number }>({});
  const to = picked.to ?? items[0]?.version;
  const from = picked.from ?? items[1]?.version ?? items[0]?.version;
  const [asked, setAsked] = useState<{ from: number; to: number }>();

  const older = useQuery({
    ...trpc.schemas.version.queryOptions({ id: designId, version: asked?.from ?? 1 }),
    enabled: asked !== undefined,
  });
  const newer = useQuery({
    ...trpc.schemas.version.queryOptions({ id: designId, version: asked?.to ?? 1 }),
    enabled: asked !== undefined,
  });
  const plan = useQuery({
    ...trpc.schemas.diff.queryOptions({ id: designId, from: asked?.from ?? 1, to: asked?.to ?? 1 }),
    enabled: asked !== undefined,
    retry: false,
  });

  useEffect(() => {
    if (!asked || !older.data || !newer.data) return;
    onCompare({
      fromVersion: asked.from,
      toVersion: asked.to,
      comparison: compareDesigns(older.data.definition, newer.data.definition),
    });
  }, [asked, older.data, newer.data, onCompare]);

  const authorOf = (createdBy: string) =>
    createdBy === me.data?.id ? 'you' : `user ${createdBy.slice(0, 8)}`;

  if (versions.isPending) return <LoadingState label="Loading versions…" />;
  if (versions.isError) return <ErrorState error={versions.error} onRetry={() => void versions.refetch()} />;
  return (
    <div className="flex flex-col gap-3 p-2">
      <section aria-labelledby="history-compare-heading" className="flex flex-col gap-2">
        <h3 id="history-compare-heading" className="font-semibold">
          Compare two versions
        </h3>
        <div className="flex flex-wrap items-end gap-2">
          <SmallSelect
            label="From version"
            value={from ?? ''}
            onChange={(event) => setPicked({ from: Number(event.target.value), to })}
          >
            {items.map((item) => (
              <option key={item.version} value={item.version}>
                {item.version}
              </option>
            ))}
          </SmallSelect>
          <SmallSelect
            label="To version"
            value={to ?? ''}
            onChange={(event) => setPicked({ from, to: Number(event.target.value) })}
          >
            {items.map((item) => (
              <option key={item.version} value={item.version}>
                {item.version}
              </option>
            ))}
          </SmallSelect>
          <Button
            disabled={from === undefined || to === undefined || from === to}
            pending={asked !== undefined && (older.isFetching || newer.isFetching || plan.isFetching)}
            onClick={() => from !== undefined && to !== undefined && setAsked({ from, to })}
          >
            <GitCompare aria-hidden className="size-4" />
            Compare
          </Button>
          {asked && (
            <Button
              onClick={() => {
                setAsked(undefined);
                onCompare(undefined);
              }}
            >
              <X aria-hidden className="size-4" />
              Stop comparing
            </Button>
          )}
        </div>
        {items.length < 2 && (
          <p className="text-sm">Once the design has two versions, they can be compared.</p>
        )}
        {asked && (older.isError || newer.isError) && <ErrorState error={older.error ?? newer.error} />}
        {asked && plan.isError && <ErrorState error={plan.error} />}
        {asked && plan.data && (
          <section
            aria-label={`Migration plan from version ${asked.from} to ${asked.to}`}
            className="flex flex-col gap-1"
          >
            <h4 className="text-sm font-semibold">
              Migration plan from version {asked.from} to {asked.to}
            </h4>
            <PlanView plan={plan.data} label={`version ${asked.from} to ${asked.to}`} />
          </section>
        )}
      </section>
      <section aria-labelledby="history-versions-heading" className="flex flex-col gap-2">
        <h3 id="history-versions-heading" className="font-semibold">
          Versions
        </h3>
        <ol aria-label="Versions of the design" className="flex flex-col gap-2 text-sm">
          {items.map((item) => (
            <li key={item.version} className="rounded border border-slate-200 p-2 dark:border-slate-700">
              <p>
                <span className="font-semibold">Version {item.version}</span> ·{' '}
                {formatDateTime(item.createdAt)} · by {authorOf(item.createdBy)}
              </p>
              <p className="text-slate-600 dark:text-slate-300">{item.changeNote ?? 'No change note'}</p>
            </li>
          ))}
        </ol>
        {versions.hasNextPage && (
          <div>
            <Button pending={versions.isFetchingNextPage} onClick={() => void versions.fetchNextPage()}>
              Show older versions
            </Button>
          </div>
        )}
      </section>
    </div>
  );
}

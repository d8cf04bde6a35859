import { useInfiniteQuery } from '@tanstack/react-query';
import { trpc } from '../../api/trpc.ts';
import { Button } from '../../components/Button.tsx';
import { ErrorState, LoadingState } from '../../components/States.tsx';
import { formatDateTime } from './format.ts';

/** The saved versions, newest first, a page at a time. */
export function VersionsSection({ designId, current }: { designId: string; current: number }) {
  const versions = useInfiniteQuery(
    trpc.schemas.versions.infiniteQueryOptions(
      { id: designId, limit: 10 },
      { getNextPageParam: (page) => page.nextCursor ?? undefined },
    ),
  );
  return (
    <section aria-labelledby="versions-heading" className="flex flex-col gap-2">
      <h2 id="versions-heading" className="text-lg font-semibold">
        Versions
      </h2>
      {versions.isPending ? (
        <LoadingState label="Loading versions…" />
      ) : versions.isError ? (
        <ErrorState error={versions.error} onRetry={() => void versions.refetch()} />
      ) : (
        <>
          <ol aria-label="Versions" className="flex flex-col gap-1 text-sm">
            {versions.data.pages
              .flatMap((page) => page.items)
              .map((version) => (
                <li key={version.version}>
                  <span className="font-semibold">Version {version.version}</span>
                  {version.version === current && ' (current)'} · {formatDateTime(version.createdAt)}
                  {version.changeNote && (
                    <span className="text-slate-600 dark:text-slate-300"> · {version.changeNote}</span>
                  )}
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
        </>
      )}
    </section>
  );
}

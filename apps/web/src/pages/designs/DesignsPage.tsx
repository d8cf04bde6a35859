import type { RouterOutputs } from '@schema-builder/client';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { ChevronLeft, ChevronRight, Plus, Trash2 } from 'lucide-react';
import { useCallback, useState } from 'react';
import { trpc } from '../../api/trpc.ts';
import { Button } from '../../components/Button.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { EmptyState, ErrorState, LoadingState } from '../../components/States.tsx';
import { CreateDesignDialog } from './CreateDesignDialog.tsx';
import { DeleteDesignDialog } from './DeleteDesignDialog.tsx';
import { DesignsToolbar } from './DesignsToolbar.tsx';
import { formatDateTime } from './format.ts';
import { designsRoute } from './routes.ts';

export const DESIGNS_PAGE_SIZE = 20;
type DesignSummary = RouterOutputs['schemas']['list']['items'][number];

/** Your designs: searched, sorted and paged by the server; created and deleted from here. */
export function DesignsPage() {
  const { q, sort = '-updatedAt', cursor } = designsRoute.useSearch();
  const navigate = designsRoute.useNavigate();
  const [creating, setCreating] = useState(false);
  const [deleting, setDeleting] = useState<DesignSummary | undefined>();
  // Keyset pages only know the next one: the cursors of the pages before this one, to go back.
  const [previous, setPrevious] = useState<(string | undefined)[]>([]);

  const list = useQuery({
    ...trpc.schemas.list.queryOptions({
      limit: DESIGNS_PAGE_SIZE,
      sort,
      ...(q ? { search: q } : {}),
      ...(cursor ? { cursor } : {}),
    }),
    placeholderData: keepPreviousData,
  });

  // Stable: the toolbar's typing delay restarts whenever this changes.
  const search = useCallback(
    (value: string) => {
      setPrevious([]);
      void navigate({
        search: (prev) => ({ ...prev, q: value || undefined, cursor: undefined }),
        replace: true,
      });
    },
    [navigate],
  );

  const goTo = (next: string | undefined) => navigate({ search: (prev) => ({ ...prev, cursor: next }) });

  return (
    <>
      <PageHeader
        title="Designs"
        actions={
          <Button variant="primary" onClick={() => setCreating(true)}>
            <Plus aria-hidden className="size-4" />
            New design
          </Button>
        }
      />
      <DesignsToolbar
        search={q ?? ''}
        sort={sort}
        onSearch={search}
        onSort={(value) => {
          setPrevious([]);
          void navigate({ search: (prev) => ({ ...prev, sort: value, cursor: undefined }) });
        }}
      />
      {list.isPending ? (
        <LoadingState label="Loading designs…" />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.items.length === 0 ? (
        cursor ? (
          // A later page emptied by deletions since it was linked.
          <EmptyState title="This page has no designs any more.">
            <Button
              onClick={() => {
                setPrevious([]);
                void goTo(undefined);
              }}
            >
              Go to the first page
            </Button>
          </EmptyState>
        ) : q ? (
          <EmptyState title={`No design matches “${q}”.`}>
            <Button
              onClick={() =>
                void navigate({ search: (prev) => ({ ...prev, q: undefined, cursor: undefined }) })
              }
            >
              Clear the search
            </Button>
          </EmptyState>
        ) : (
          <EmptyState title="You have no designs yet.">
            <p className="text-sm text-slate-600 dark:text-slate-300">
              Start a blank one, or import a live database from the database browser.
            </p>
            <Button variant="primary" onClick={() => setCreating(true)}>
              <Plus aria-hidden className="size-4" />
              New design
            </Button>
          </EmptyState>
        )
      ) : (
        <>
          <DesignsList items={list.data.items} busy={list.isFetching} onDelete={setDeleting} />
          <nav aria-label="Pages" className="mt-4 flex flex-wrap items-center justify-between gap-2">
            <Button
              disabled={!cursor}
              onClick={() => {
                const back = previous.at(-1);
                setPrevious(previous.slice(0, -1));
                void goTo(back);
              }}
            >
              <ChevronLeft aria-hidden className="size-4" />
              {previous.length > 0 || !cursor ? 'Previous page' : 'First page'}
            </Button>
            <p className="text-sm text-slate-600 dark:text-slate-300">
              Page {previous.length + 1}
              {cursor || list.data.nextCursor ? '' : ' of 1'}
            </p>
            <Button
              disabled={!list.data.nextCursor}
              pending={list.isPlaceholderData && list.isFetching}
              onClick={() => {
                setPrevious([...previous, cursor]);
                void goTo(list.data.nextCursor ?? undefined);
              }}
            >
              Next page
              <ChevronRight aria-hidden className="size-4" />
            </Button>
          </nav>
        </>
      )}
      <CreateDesignDialog open={creating} onOpenChange={setCreating} />
      {deleting && <DeleteDesignDialog design={deleting} onClose={() => setDeleting(undefined)} />}
    </>
  );
}

function DesignsList({
  items,
  busy,
  onDelete,
}: {
  items: DesignSummary[];
  busy: boolean;
  onDelete: (design: DesignSummary) => void;
}) {
  return (
    <ul
      aria-label="Designs"
      aria-busy={busy || undefined}
      className="divide-y divide-slate-200 rounded-lg border border-slate-200 dark:divide-slate-800 dark:border-slate-800"
    >
      {items.map((design) => (
        <li key={design.id} className="flex flex-wrap items-center gap-x-4 gap-y-1 p-3">
          <div className="min-w-0 flex-1">
            <Link
              to="/designs/$designId"
              params={{ designId: design.id }}
              className="font-medium text-sky-700 underline-offset-2 hover:underline dark:text-sky-400"
            >
              {design.name}
            </Link>
            {design.description && (
              <p className="truncate text-sm text-slate-600 dark:text-slate-300">{design.description}</p>
            )}
          </div>
          <p className="text-sm text-slate-600 dark:text-slate-300">
            {design.tableCount === 1 ? '1 table' : `${design.tableCount} tables`} · version {design.version} ·
            updated {formatDateTime(design.updatedAt)}
          </p>
          <Button variant="ghost" aria-label={`Delete ${design.name}`} onClick={() => onDelete(design)}>
            <Trash2 aria-hidden className="size-4" />
          </Button>
        </li>
      ))}
    </ul>
  );
}

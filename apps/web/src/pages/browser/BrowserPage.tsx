import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { trpc } from '../../api/trpc.ts';
import { InlineError } from '../../components/InlineError.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { EmptyState, ErrorState, LoadingState } from '../../components/States.tsx';
import { CatalogBrowser } from './CatalogBrowser.tsx';
import { ConnectionPicker } from './ConnectionPicker.tsx';
import { browserRoute } from './route.ts';

/** The database browser: pick a saved connection, then walk its catalog down to a column. */
export function BrowserPage() {
  const { connection: connectionId } = browserRoute.useSearch();
  const navigate = useNavigate({ from: browserRoute.fullPath });
  const connections = useQuery(trpc.connections.list.queryOptions({ limit: 100 }));
  const current = connections.data?.items.find((connection) => connection.id === connectionId);
  return (
    <>
      <PageHeader title="Database browser" />
      {connections.isPending ? (
        <LoadingState label="Loading your connections…" />
      ) : connections.isError ? (
        <ErrorState error={connections.error} onRetry={() => connections.refetch()} />
      ) : connections.data.items.length === 0 ? (
        <EmptyState title="No saved connections yet">
          <p className="text-sm">Save a connection to a database, then browse it here.</p>
          <Link to="/connections" className="text-sky-700 underline dark:text-sky-400">
            Go to connections
          </Link>
        </EmptyState>
      ) : (
        <div className="flex flex-col gap-4">
          <ConnectionPicker
            connections={connections.data.items}
            value={current?.id}
            onChange={(id) => navigate({ search: { connection: id } })}
          />
          {connectionId === undefined ? (
            <EmptyState title="Pick a connection to browse its databases" />
          ) : current === undefined ? (
            <InlineError>You have no connection with the id in this address. Pick one above.</InlineError>
          ) : (
            <CatalogBrowser key={current.id} connection={current} />
          )}
        </div>
      )}
    </>
  );
}

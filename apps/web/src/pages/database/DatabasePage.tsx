import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useSubscription } from '@trpc/tanstack-react-query';
import { ArrowLeft, DatabaseZap } from 'lucide-react';
import { apiErrorOf, messageOf } from '../../api/errors.ts';
import { trpc } from '../../api/trpc.ts';
import { Button } from '../../components/Button.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { EmptyState, ErrorState, LoadingState } from '../../components/States.tsx';
import { toast } from '../../components/Toasts.tsx';
import { CatalogPanel } from './CatalogPanel.tsx';
import { CredentialsPanel } from './CredentialsPanel.tsx';
import { DatabaseActions } from './DatabaseActions.tsx';
import { databaseRoute } from './route.ts';
import { StatusPanel } from './StatusPanel.tsx';

/** While a job runs and no event arrives (a dropped stream), the status is asked again this often. */
const BUSY_POLL_MS = 3000;

/** A design's PostgreSQL database: its state live while a job runs, its connection, its changes. */
export function DatabasePage() {
  const { designId } = databaseRoute.useParams();
  const queryClient = useQueryClient();
  const design = useQuery(trpc.schemas.get.queryOptions({ id: designId }));
  const statusKey = trpc.databases.status.queryKey({ id: designId });
  const status = useQuery({
    ...trpc.databases.status.queryOptions({ id: designId }),
    refetchInterval: (query) => (query.state.data?.busy ? BUSY_POLL_MS : false),
  });
  // Every status change and job step as it happens (server-sent events): read the full status anew.
  useSubscription(
    trpc.databases.events.subscriptionOptions(
      { id: designId },
      {
        // Only for a design that is there: a missing one is the design query's error to show.
        enabled: design.isSuccess,
        onData: () => void queryClient.invalidateQueries({ queryKey: statusKey }),
      },
    ),
  );
  const provision = useMutation(
    trpc.databases.create.mutationOptions({
      onSuccess: async (database) => {
        queryClient.setQueryData(statusKey, database);
        toast('Provisioning started');
        await queryClient.invalidateQueries({ queryKey: trpc.databases.pathKey() });
      },
      // Refused (e.g. it got a database meanwhile): the page was out of date, so read it again.
      onError: () => void queryClient.invalidateQueries({ queryKey: statusKey }),
    }),
  );
  const retry = useMutation(
    trpc.databases.retry.mutationOptions({
      onSuccess: (database) => queryClient.setQueryData(statusKey, database),
    }),
  );

  const name = design.data?.name ?? 'this design';
  const header = (
    <>
      <PageHeader
        title={design.data ? `Database of ${design.data.name}` : 'Database'}
        actions={
          <Link
            to="/designs/$designId"
            params={{ designId }}
            className="inline-flex items-center gap-2 rounded-md px-3 py-2 text-sm text-sky-700 underline dark:text-sky-400"
          >
            <ArrowLeft aria-hidden className="size-4" />
            Back to the design
          </Link>
        }
      />
      {provision.isError && (
        <p role="alert" className="mb-4 text-sm text-red-700 dark:text-red-400">
          {messageOf(provision.error)}
        </p>
      )}
    </>
  );
  const provisionButton = (label: string) => (
    <div className="flex flex-col items-center gap-2">
      <Button
        variant="primary"
        pending={provision.isPending}
        onClick={() => provision.mutate({ id: designId })}
      >
        <DatabaseZap aria-hidden className="size-4" />
        {label}
      </Button>
    </div>
  );

  if (design.isError) {
    return (
      <>
        {header}
        <ErrorState error={design.error} onRetry={() => void design.refetch()} />
      </>
    );
  }
  if (status.isPending) {
    return (
      <>
        {header}
        <LoadingState label="Loading the database…" />
      </>
    );
  }
  if (status.isError) {
    return (
      <>
        {header}
        {apiErrorOf(status.error)?.code === 'DATABASE_NOT_FOUND' ? (
          <EmptyState title={`${name} has no database yet.`}>
            <p className="text-sm text-slate-600 dark:text-slate-300">
              Provisioning creates a PostgreSQL database and its own login role from the design's current
              version.
            </p>
            {provisionButton('Provision database')}
          </EmptyState>
        ) : (
          <ErrorState error={status.error} onRetry={() => void status.refetch()} />
        )}
      </>
    );
  }

  const database = status.data;
  return (
    <>
      {header}
      {database.status === 'dropped' && (
        <div className="mb-6">
          <EmptyState title="This database was dropped.">
            {provisionButton('Provision a new database')}
          </EmptyState>
        </div>
      )}
      <div className="grid gap-6 lg:grid-cols-2">
        <StatusPanel
          database={database}
          retrying={retry.isPending}
          onRetry={() => retry.mutate({ id: designId })}
        />
        {database.status !== 'dropped' && (
          <>
            <CredentialsPanel
              key={`${database.id}:${database.updatedAt}`}
              designId={designId}
              database={database}
            />
            <CatalogPanel
              database={database}
              checking={status.isFetching}
              onCheck={() => void status.refetch()}
            />
            <DatabaseActions designId={designId} designName={name} database={database} />
          </>
        )}
      </div>
      {retry.isError && (
        <p role="alert" className="mt-4 text-sm text-red-700 dark:text-red-400">
          {messageOf(retry.error)}
        </p>
      )}
    </>
  );
}

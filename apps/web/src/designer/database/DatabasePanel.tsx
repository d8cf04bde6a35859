import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useSubscription } from '@trpc/tanstack-react-query';
import { DatabaseZap, ExternalLink, GitPullRequestArrow } from 'lucide-react';
import { useEffect, useState } from 'react';
import { apiErrorOf } from '../../api/errors.ts';
import { trpc } from '../../api/trpc.ts';
import { Button } from '../../components/Button.tsx';
import { ErrorState, LoadingState } from '../../components/States.tsx';
import { toast } from '../../components/Toasts.tsx';
import { StatusPanel } from '../../pages/database/StatusPanel.tsx';
import type { SaveStatus } from '../save/editor.ts';
import { ApplyChangesDialog } from './ApplyChangesDialog.tsx';
import { Refusal } from './Refusal.tsx';

/** While a job runs and no event arrives (a dropped stream), the status is asked again this often. */
const BUSY_POLL_MS = 3000;

/**
 * The design's database from the designer: provision it, follow its status live, and apply the
 * design's changes to it when the design is ahead. The database page has the rest.
 */
export function DatabasePanel({
  designId,
  savedVersion,
  saveStatus,
}: {
  designId: string;
  /** The version the editor last saved: the database's "behind" is read again for each. */
  savedVersion: number;
  saveStatus: SaveStatus;
}) {
  const queryClient = useQueryClient();
  const statusKey = trpc.databases.status.queryKey({ id: designId });
  const status = useQuery({
    ...trpc.databases.status.queryOptions({ id: designId }),
    refetchInterval: (query) => (query.state.data?.busy ? BUSY_POLL_MS : false),
    retry: (count, error) => apiErrorOf(error)?.code !== 'DATABASE_NOT_FOUND' && count < 2,
  });
  useSubscription(
    trpc.databases.events.subscriptionOptions(
      { id: designId },
      { onData: () => void queryClient.invalidateQueries({ queryKey: statusKey }) },
    ),
  );
  // biome-ignore lint/correctness/useExhaustiveDependencies: each saved version may put the design ahead of its database
  useEffect(() => {
    void queryClient.invalidateQueries({ queryKey: statusKey });
  }, [savedVersion]);

  const provision = useMutation(
    trpc.databases.create.mutationOptions({
      onSuccess: (database) => {
        queryClient.setQueryData(statusKey, database);
        toast('Provisioning started');
      },
      onError: () => void queryClient.invalidateQueries({ queryKey: statusKey }),
    }),
  );
  const retry = useMutation(
    trpc.databases.retry.mutationOptions({
      onSuccess: (database) => queryClient.setQueryData(statusKey, database),
    }),
  );
  const [applying, setApplying] = useState(false);

  const pageLink = (
    <Link
      to="/designs/$designId/database"
      params={{ designId }}
      className="inline-flex items-center gap-1 text-sm text-sky-700 underline dark:text-sky-400"
    >
      <ExternalLink aria-hidden className="size-4" />
      Open the database page
    </Link>
  );
  const provisionButton = (label: string) => (
    <div>
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

  if (status.isPending) return <LoadingState label="Loading the database…" />;
  if (status.isError) {
    if (apiErrorOf(status.error)?.code !== 'DATABASE_NOT_FOUND')
      return <ErrorState error={status.error} onRetry={() => void status.refetch()} />;
    return (
      <div className="flex flex-col gap-3 p-2 text-sm">
        <p>
          This design has no database yet. Provisioning creates a PostgreSQL database from its saved version.
        </p>
        {provisionButton('Provision database')}
        {provision.isError && <Refusal error={provision.error} />}
        {pageLink}
      </div>
    );
  }

  const database = status.data;
  const canApply = database.behindDesign && !database.busy && database.status !== 'dropped';
  return (
    <div className="flex flex-col gap-3 p-2">
      {database.status === 'dropped' && provisionButton('Provision a new database')}
      {provision.isError && <Refusal error={provision.error} />}
      <StatusPanel
        database={database}
        retrying={retry.isPending}
        onRetry={() => retry.mutate({ id: designId })}
      />
      {retry.isError && <Refusal error={retry.error} />}
      {database.behindDesign && database.status !== 'dropped' && (
        <section aria-label="Changes not applied" className="flex flex-col gap-2 text-sm">
          <p>
            The design is ahead of its database
            {database.pendingSteps
              ? ` by ${database.pendingSteps} change${database.pendingSteps === 1 ? '' : 's'}`
              : ''}
            .
          </p>
          {saveStatus !== 'saved' && <p>Your latest edits are not saved yet; changes apply once they are.</p>}
          <div>
            <Button
              variant="primary"
              disabled={!canApply || saveStatus !== 'saved'}
              onClick={() => setApplying(true)}
            >
              <GitPullRequestArrow aria-hidden className="size-4" />
              Apply changes
            </Button>
          </div>
        </section>
      )}
      {pageLink}
      <ApplyChangesDialog designId={designId} open={applying} onOpenChange={setApplying} />
    </div>
  );
}

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { FolderTree, Plug, Plus } from 'lucide-react';
import { messageOf } from '../../api/errors.ts';
import { trpc } from '../../api/trpc.ts';
import { Button } from '../../components/Button.tsx';
import { InlineError } from '../../components/InlineError.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ErrorState, LoadingState } from '../../components/States.tsx';
import { AttentionList, RecentConnections, RecentDesigns } from './DashboardLists.tsx';
import { createBlankDesign } from './new-design.ts';
import { StatCards } from './StatCards.tsx';

const LINK_BUTTON =
  'inline-flex items-center justify-center gap-2 rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-medium text-slate-900 hover:bg-slate-50 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100 dark:hover:bg-slate-800';

/** Everything at a glance: counts, what changed lately, what needs attention, and where to start. */
export function DashboardPage() {
  const summary = useQuery(trpc.dashboard.summary.queryOptions());
  return (
    <>
      <PageHeader title="Dashboard" actions={<QuickActions />} />
      {summary.isPending ? (
        <LoadingState label="Loading your dashboard…" />
      ) : summary.isError ? (
        <ErrorState error={summary.error} onRetry={() => void summary.refetch()} />
      ) : (
        <div className="flex flex-col gap-6">
          <StatCards summary={summary.data} />
          {summary.data.attention.length > 0 && <AttentionList databases={summary.data.attention} />}
          <div className="grid gap-6 lg:grid-cols-2">
            <RecentDesigns designs={summary.data.recentDesigns} />
            <RecentConnections connections={summary.data.recentConnections} />
          </div>
        </div>
      )}
    </>
  );
}

function QuickActions() {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const newDesign = useMutation({
    mutationFn: createBlankDesign,
    onSuccess: async ({ id }) => {
      await queryClient.invalidateQueries({ queryKey: trpc.dashboard.pathKey() });
      await queryClient.invalidateQueries({ queryKey: trpc.schemas.pathKey() });
      await navigate({ to: '/designs/$designId', params: { designId: id } });
    },
  });
  return (
    <div className="flex flex-col items-end gap-2">
      <div className="flex flex-wrap gap-2">
        <Button variant="primary" pending={newDesign.isPending} onClick={() => newDesign.mutate()}>
          <Plus aria-hidden className="size-4" />
          New design
        </Button>
        <Link to="/connections" className={LINK_BUTTON}>
          <Plug aria-hidden className="size-4" />
          New connection
        </Link>
        <Link to="/browse" className={LINK_BUTTON}>
          <FolderTree aria-hidden className="size-4" />
          Import a database
        </Link>
      </div>
      {newDesign.isError && (
        <InlineError>Could not create a design: {messageOf(newDesign.error)}</InlineError>
      )}
    </div>
  );
}

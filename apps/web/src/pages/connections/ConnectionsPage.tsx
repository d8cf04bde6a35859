import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { Plus } from 'lucide-react';
import { useState } from 'react';
import { messageOf } from '../../api/errors.ts';
import { trpc } from '../../api/trpc.ts';
import { Button } from '../../components/Button.tsx';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { Dialog } from '../../components/Dialog.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { EmptyState, ErrorState, LoadingState } from '../../components/States.tsx';
import { toast } from '../../components/Toasts.tsx';
import { ConnectionCard } from './ConnectionCard.tsx';
import { ConnectionForm } from './ConnectionForm.tsx';
import type { Connection } from './connection-form.ts';

const PAGE_SIZE = 24;

/** What the form dialog shows: nothing, a new connection, or one being edited. */
type Editing = { kind: 'closed' } | { kind: 'new' } | { kind: 'edit'; connection: Connection };

/** The user's saved connections as cards: add, edit, test, switch off and delete them. */
export function ConnectionsPage() {
  const queryClient = useQueryClient();
  const list = useInfiniteQuery(
    trpc.connections.list.infiniteQueryOptions(
      { limit: PAGE_SIZE },
      { getNextPageParam: (page) => page.nextCursor ?? undefined },
    ),
  );
  const [editing, setEditing] = useState<Editing>({ kind: 'closed' });
  const [deleting, setDeleting] = useState<Connection>();
  const remove = useMutation(
    trpc.connections.delete.mutationOptions({
      onSuccess: async () => {
        toast(`Deleted ${deleting?.name ?? 'the connection'}`);
        setDeleting(undefined);
        await queryClient.invalidateQueries({ queryKey: trpc.connections.pathKey() });
      },
      onError: (error) => toast('Could not delete it', { description: messageOf(error), tone: 'error' }),
    }),
  );
  const connections = list.data?.pages.flatMap((page) => page.items) ?? [];
  const addButton = (
    <Button variant="primary" onClick={() => setEditing({ kind: 'new' })}>
      <Plus aria-hidden className="size-4" />
      Add connection
    </Button>
  );

  return (
    <>
      <PageHeader title="Connections" actions={addButton} />
      {list.isPending ? (
        <LoadingState label="Loading your connections…" />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => list.refetch()} />
      ) : connections.length === 0 ? (
        <EmptyState title="No connections yet">
          <p className="max-w-md text-sm text-slate-600 dark:text-slate-300">
            Save a connection to a PostgreSQL, MySQL/MariaDB, SQLite or MongoDB database to browse its
            structure and import it as a design.
          </p>
          {addButton}
        </EmptyState>
      ) : (
        <>
          <ul aria-label="Saved connections" className="grid gap-4 sm:grid-cols-2 xl:grid-cols-3">
            {connections.map((connection) => (
              <li key={connection.id} className="flex flex-col [&>article]:flex-1">
                <ConnectionCard
                  connection={connection}
                  onEdit={() => setEditing({ kind: 'edit', connection })}
                  onDelete={() => setDeleting(connection)}
                />
              </li>
            ))}
          </ul>
          {list.hasNextPage && (
            <div className="mt-4 flex justify-center">
              <Button pending={list.isFetchingNextPage} onClick={() => list.fetchNextPage()}>
                Show more
              </Button>
            </div>
          )}
        </>
      )}

      <Dialog
        open={editing.kind !== 'closed'}
        onOpenChange={(open) => {
          if (!open) setEditing({ kind: 'closed' });
        }}
        title={editing.kind === 'edit' ? `Edit ${editing.connection.name}` : 'New connection'}
        description="Where the database is and how to sign in. Test it before you save."
      >
        <ConnectionForm
          key={editing.kind === 'edit' ? editing.connection.id : 'new'}
          connection={editing.kind === 'edit' ? editing.connection : undefined}
          onDone={() => setEditing({ kind: 'closed' })}
        />
      </Dialog>

      <ConfirmDialog
        open={deleting !== undefined}
        onOpenChange={(open) => {
          if (!open) setDeleting(undefined);
        }}
        title={`Delete ${deleting?.name ?? 'this connection'}?`}
        description="Its saved password and what its syncs found are deleted with it. Designs imported through it stay."
        confirmLabel="Delete connection"
        pending={remove.isPending}
        onConfirm={() => {
          if (deleting) remove.mutate({ id: deleting.id });
        }}
      />
    </>
  );
}

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { KeyRound, RefreshCcw, Trash2 } from 'lucide-react';
import { useState } from 'react';
import { messageOf } from '../../api/errors.ts';
import { trpc } from '../../api/trpc.ts';
import { Button } from '../../components/Button.tsx';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { InlineError } from '../../components/InlineError.tsx';
import { toast } from '../../components/Toasts.tsx';
import type { DatabaseResource } from './database-status.ts';

/**
 * The changes a user can ask of a database: a new password, a rebuild (typed confirmation: every
 * row is lost), a drop. Each is a job; the page follows it. A refusal says why, beside the buttons.
 */
export function DatabaseActions({
  designId,
  designName,
  database,
}: {
  designId: string;
  designName: string;
  database: DatabaseResource;
}) {
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState<'regenerate' | 'drop' | undefined>();
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.databases.pathKey() });
  const started = (message: string) => async () => {
    setConfirming(undefined);
    toast(message);
    await refresh();
  };
  const rotate = useMutation(
    trpc.databases.rotateCredentials.mutationOptions({ onSuccess: started('A new password is being set') }),
  );
  const regenerate = useMutation(
    trpc.databases.regenerate.mutationOptions({ onSuccess: started('The database is being rebuilt') }),
  );
  const drop = useMutation(
    trpc.databases.drop.mutationOptions({ onSuccess: started('The database is being dropped') }),
  );
  const refusal = [rotate, regenerate, drop].find((action) => action.isError)?.error;
  const built = database.version !== null && database.status !== 'dropped';

  return (
    <section
      aria-labelledby="actions-heading"
      className="flex flex-col gap-3 rounded-lg border border-slate-200 p-4 dark:border-slate-800"
    >
      <h2 id="actions-heading" className="text-lg font-semibold">
        Actions
      </h2>
      {database.busy && (
        <p className="text-sm text-slate-600 dark:text-slate-300">
          These wait until the job in flight has finished.
        </p>
      )}
      <div className="flex flex-wrap gap-2">
        <Button
          disabled={database.busy || !built}
          pending={rotate.isPending}
          onClick={() => {
            resetAll();
            rotate.mutate({ id: designId });
          }}
        >
          <KeyRound aria-hidden className="size-4" />
          Rotate password
        </Button>
        <Button disabled={database.busy || !built} onClick={() => open('regenerate')}>
          <RefreshCcw aria-hidden className="size-4" />
          Regenerate
        </Button>
        <Button variant="danger" disabled={database.busy} onClick={() => open('drop')}>
          <Trash2 aria-hidden className="size-4" />
          Drop database
        </Button>
      </div>
      {refusal && !confirming && <InlineError>{messageOf(refusal)}</InlineError>}
      <ConfirmDialog
        open={confirming === 'regenerate'}
        onOpenChange={(next) => !next && setConfirming(undefined)}
        title="Regenerate the database?"
        description={
          <p>
            It is dropped and built again, empty, from the design's current version. Every row in it is lost;
            its role and password stay.
          </p>
        }
        confirmLabel="Regenerate database"
        typedConfirmation={designName}
        pending={regenerate.isPending}
        onConfirm={() => regenerate.mutate({ id: designId, confirm: true })}
      >
        {regenerate.isError && <DialogRefusal error={regenerate.error} />}
      </ConfirmDialog>
      <ConfirmDialog
        open={confirming === 'drop'}
        onOpenChange={(next) => !next && setConfirming(undefined)}
        title="Drop the database?"
        description={<p>The database and its role are removed from the server. Every row in it is lost.</p>}
        confirmLabel="Drop database"
        pending={drop.isPending}
        onConfirm={() => drop.mutate({ databaseId: database.id })}
      >
        {drop.isError && <DialogRefusal error={drop.error} />}
      </ConfirmDialog>
    </section>
  );

  function resetAll() {
    rotate.reset();
    regenerate.reset();
    drop.reset();
  }

  function open(action: 'regenerate' | 'drop') {
    resetAll();
    setConfirming(action);
  }
}

function DialogRefusal({ error }: { error: unknown }) {
  return (
    <p role="alert" className="mb-4 text-sm text-red-700 dark:text-red-400">
      {messageOf(error)}
    </p>
  );
}

import type { RouterOutputs } from '@schema-builder/client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { apiErrorOf, messageOf } from '../../api/errors.ts';
import { trpc } from '../../api/trpc.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { toast } from '../../components/Toasts.tsx';

type DesignSummary = Pick<RouterOutputs['schemas']['list']['items'][number], 'id' | 'name'>;

/**
 * Deletes a design after asking. Its database, when it has one, is kept (detached, still listed
 * under your databases) unless the user ticks the option to drop it too.
 */
export function DeleteDesignDialog({
  design,
  onClose,
  onDeleted,
}: {
  design: DesignSummary;
  onClose: () => void;
  onDeleted?: () => void;
}) {
  const queryClient = useQueryClient();
  const checkboxId = useId();
  const [dropDatabase, setDropDatabase] = useState(false);
  const database = useQuery(trpc.databases.status.queryOptions({ id: design.id }));
  const hasDatabase =
    database.data !== undefined && database.data.status !== 'dropped' && database.data.status !== 'dropping';
  const noDatabase = database.isError && apiErrorOf(database.error)?.code === 'DATABASE_NOT_FOUND';

  const remove = useMutation(
    trpc.schemas.delete.mutationOptions({
      onSuccess: async (result) => {
        // Leave a page of the deleted design before its queries are asked again (they would 404).
        onDeleted?.();
        onClose();
        await queryClient.invalidateQueries({ queryKey: trpc.schemas.pathKey() });
        await queryClient.invalidateQueries({ queryKey: trpc.databases.pathKey() });
        toast(`Deleted ${design.name}`, {
          description: result.database
            ? result.database.detached
              ? 'Its database was kept, detached from the design.'
              : 'Its database is being dropped.'
            : undefined,
        });
      },
    }),
  );

  return (
    <ConfirmDialog
      open
      onOpenChange={(open) => {
        if (!open) onClose();
      }}
      title={`Delete ${design.name}?`}
      description="The design and its versions disappear from your lists."
      confirmLabel="Delete design"
      pending={remove.isPending}
      onConfirm={() => remove.mutate({ id: design.id, dropDatabase: dropDatabase ? 'true' : 'false' })}
    >
      <div className="mb-4 text-sm">
        {database.isPending ? (
          <p role="status">Looking for its database…</p>
        ) : hasDatabase ? (
          <div className="flex items-start gap-2">
            <input
              id={checkboxId}
              type="checkbox"
              checked={dropDatabase}
              onChange={(event) => setDropDatabase(event.target.checked)}
              className="mt-1 size-4"
            />
            <label htmlFor={checkboxId}>
              Also drop its database <span className="font-mono">{database.data.database}</span> (every row in
              it is lost). Otherwise the database is kept, detached from the design.
            </label>
          </div>
        ) : noDatabase || database.data ? (
          <p>It has no database.</p>
        ) : (
          <p>Whether it has a database could not be checked: {messageOf(database.error)}</p>
        )}
      </div>
      {remove.isError && (
        <p role="alert" className="mb-4 text-sm text-red-700 dark:text-red-400">
          {messageOf(remove.error)}
        </p>
      )}
    </ConfirmDialog>
  );
}

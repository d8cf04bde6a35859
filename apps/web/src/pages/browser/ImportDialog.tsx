import { zodResolver } from '@hookform/resolvers/zod';
import { type ImportDesignName, ImportDesignNameSchema } from '@schema-builder/contracts/imports';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { applyServerErrors } from '../../api/forms.ts';
import { trpc } from '../../api/trpc.ts';
import { Button } from '../../components/Button.tsx';
import { Dialog } from '../../components/Dialog.tsx';
import { InlineError } from '../../components/InlineError.tsx';
import { TextField } from '../../components/TextField.tsx';
import { toast } from '../../components/Toasts.tsx';
import { ElapsedProgress } from './ElapsedProgress.tsx';

export interface ImportRequest {
  database: string;
  /** Undefined: the whole database. */
  tables: string[] | undefined;
}

/**
 * Imports a database (or some of its tables) as a new design: asks its name, shows progress while
 * the API reads the live structure, then opens the new design.
 */
export function ImportDialog({
  connectionId,
  request,
  onClose,
}: {
  connectionId: string;
  request: ImportRequest | undefined;
  onClose: () => void;
}) {
  return (
    <Dialog
      open={request !== undefined}
      onOpenChange={(open) => {
        if (!open) onClose();
      }}
      title="Import as a design"
      description={
        request
          ? request.tables
            ? `${request.tables.length} ${request.tables.length === 1 ? 'table' : 'tables'} of ${request.database}: ${request.tables.join(', ')}`
            : `Every table of ${request.database}.`
          : undefined
      }
    >
      {request && <ImportForm connectionId={connectionId} request={request} />}
    </Dialog>
  );
}

function ImportForm({ connectionId, request }: { connectionId: string; request: ImportRequest }) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string>();
  const form = useForm<ImportDesignName>({
    resolver: zodResolver(ImportDesignNameSchema),
    defaultValues: { name: `${request.database} (imported)` },
  });
  const importing = useMutation(
    trpc.schemas.import.mutationOptions({
      onSuccess: async ({ schema, warnings }) => {
        await queryClient.invalidateQueries({ queryKey: trpc.schemas.pathKey() });
        toast(`Imported ${schema.name}`, {
          description: warnings.length > 0 ? `${warnings.length} warnings: see the design.` : undefined,
        });
        await navigate({ to: '/designs/$designId', params: { designId: schema.id } });
      },
      onError: (error) => setFormError(applyServerErrors(error, form.setError, ['name'])),
    }),
  );
  const onSubmit = form.handleSubmit(({ name }) => {
    setFormError(undefined);
    importing.mutate({ connectionId, database: request.database, tables: request.tables, name });
  });
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      <TextField label="Design name" error={form.formState.errors.name?.message} {...form.register('name')} />
      {formError && <InlineError>{formError}</InlineError>}
      {importing.isPending && <ElapsedProgress label={`Importing from ${request.database}`} />}
      <div className="flex justify-end">
        <Button type="submit" variant="primary" pending={importing.isPending}>
          Import
        </Button>
      </div>
    </form>
  );
}

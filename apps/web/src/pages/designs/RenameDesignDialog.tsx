import { zodResolver } from '@hookform/resolvers/zod';
import type { RouterOutputs } from '@schema-builder/client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { applyServerErrors } from '../../api/forms.ts';
import { trpc } from '../../api/trpc.ts';
import { Button } from '../../components/Button.tsx';
import { Dialog } from '../../components/Dialog.tsx';
import { InlineError } from '../../components/InlineError.tsx';
import { TextField } from '../../components/TextField.tsx';
import { toast } from '../../components/Toasts.tsx';
import { DESIGN_NAME_FIELDS, DesignNameSchema } from './design-form.ts';

type Design = RouterOutputs['schemas']['get'];

/**
 * Renames a design (and edits its description): saves a new version of the same document, against
 * the version on screen, so a save made meanwhile elsewhere is refused rather than overwritten.
 */
export function RenameDesignDialog({
  design,
  open,
  onOpenChange,
}: {
  design: Design;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | undefined>();
  const defaults = { name: design.name, description: design.description };
  const form = useForm({ resolver: zodResolver(DesignNameSchema), values: defaults });
  const update = useMutation(
    trpc.schemas.update.mutationOptions({
      onSuccess: async (saved) => {
        queryClient.setQueryData(trpc.schemas.get.queryKey({ id: saved.id }), saved);
        await queryClient.invalidateQueries({ queryKey: trpc.schemas.pathKey() });
        toast(`Saved as version ${saved.version}`);
        close(false);
      },
      onError: (error) => setFormError(applyServerErrors(error, form.setError, DESIGN_NAME_FIELDS)),
    }),
  );

  function close(next: boolean) {
    if (!next) {
      form.reset(defaults);
      setFormError(undefined);
    }
    onOpenChange(next);
  }

  return (
    <Dialog open={open} onOpenChange={close} title="Rename design" description="Saved as a new version.">
      <form
        noValidate
        className="flex flex-col gap-4"
        onSubmit={form.handleSubmit((values) => {
          setFormError(undefined);
          update.mutate({
            ...design.definition,
            id: design.id,
            expectedVersion: design.version,
            name: values.name,
            description: values.description ? values.description : null,
            changeNote: 'Renamed',
          });
        })}
      >
        <TextField
          label="Name"
          autoComplete="off"
          error={form.formState.errors.name?.message}
          {...form.register('name')}
        />
        <TextField
          label="Description (optional)"
          autoComplete="off"
          error={form.formState.errors.description?.message}
          {...form.register('description')}
        />
        {formError && <InlineError>{formError}</InlineError>}
        <div className="flex justify-end gap-2">
          <Button onClick={() => close(false)}>Cancel</Button>
          <Button type="submit" variant="primary" pending={update.isPending}>
            Save
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

import { zodResolver } from '@hookform/resolvers/zod';
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
import { DESIGN_NAME_FIELDS, DesignNameSchema } from './design-form.ts';

/** A blank design: a name (unique among yours) and an optional description; opens it once saved. */
export function CreateDesignDialog({
  open,
  onOpenChange,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [formError, setFormError] = useState<string | undefined>();
  const form = useForm({
    resolver: zodResolver(DesignNameSchema),
    defaultValues: { name: '', description: '' },
  });
  const create = useMutation(
    trpc.schemas.create.mutationOptions({
      onSuccess: async (design) => {
        await queryClient.invalidateQueries({ queryKey: trpc.schemas.pathKey() });
        close(false);
        await navigate({ to: '/designs/$designId', params: { designId: design.id } });
      },
      onError: (error) => setFormError(applyServerErrors(error, form.setError, DESIGN_NAME_FIELDS)),
    }),
  );

  function close(next: boolean) {
    if (!next) {
      form.reset();
      setFormError(undefined);
    }
    onOpenChange(next);
  }

  return (
    <Dialog
      open={open}
      onOpenChange={close}
      title="New design"
      description="A blank design; you add its tables in the designer."
    >
      <form
        noValidate
        className="flex flex-col gap-4"
        onSubmit={form.handleSubmit((values) => {
          setFormError(undefined);
          create.mutate({
            name: values.name,
            ...(values.description ? { description: values.description } : {}),
            tables: [],
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
          <Button type="submit" variant="primary" pending={create.isPending}>
            Create design
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

import { zodResolver } from '@hookform/resolvers/zod';
import type { ConnectionInput } from '@schema-builder/contracts/connections';
import { CONNECTION_TYPES } from '@schema-builder/contracts/connections';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Tabs } from 'radix-ui';
import { useState } from 'react';
import { Controller, type Path, useForm } from 'react-hook-form';
import { applyServerErrors } from '../../api/forms.ts';
import { trpc } from '../../api/trpc.ts';
import { Button } from '../../components/Button.tsx';
import { InlineError } from '../../components/InlineError.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { StatusDot } from '../../components/StatusDot.tsx';
import { TextAreaField } from '../../components/TextAreaField.tsx';
import { TextField } from '../../components/TextField.tsx';
import { toast } from '../../components/Toasts.tsx';
import {
  type Connection,
  ConnectionFormSchema,
  type ConnectionFormValues,
  type ConnectionMode,
  type ConnectionType,
  DEFAULT_PORTS,
  formValuesOf,
  SSL_MODE_CHOICES,
  SSL_MODE_LABELS,
  TYPE_LABELS,
  toConnectionPatch,
  toTestInput,
} from './connection-form.ts';
import { fieldOfFailure, type Outcome, outcomeOf } from './test-results.ts';

type Field = Path<ConnectionFormValues>;

/** The fields on screen for a type and mode: a server problem elsewhere is told at the form. */
function visibleFields(type: ConnectionType, mode: ConnectionMode): Field[] {
  const common: Field[] = ['name', 'description', 'type', 'color'];
  if (type === 'sqlite') return [...common, 'database'];
  const tls: Field[] = type === 'postgresql' ? ['sslMode', 'sslRootCert'] : [];
  const target: Field[] =
    mode === 'string' ? ['connectionString'] : ['host', 'port', 'database', 'username', 'password'];
  return [...common, ...target, ...tls];
}

export interface ConnectionFormProps {
  /** The connection to edit; a new one is created without it. */
  connection?: Connection | undefined;
  onDone: () => void;
}

/**
 * Create or edit a connection: by fields or by connection string, "Test" before saving, the
 * API's own rules on every field. Secrets are write-only: a blank one keeps what is saved.
 */
export function ConnectionForm({ connection, onDone }: ConnectionFormProps) {
  const queryClient = useQueryClient();
  const {
    register,
    control,
    handleSubmit,
    setError,
    clearErrors,
    getValues,
    watch,
    formState: { errors },
  } = useForm<ConnectionFormValues, unknown, ConnectionInput>({
    resolver: zodResolver(ConnectionFormSchema),
    defaultValues: formValuesOf(connection),
  });
  const type = watch('type');
  const mode = watch('mode');
  const [formError, setFormError] = useState<string>();
  const [testOutcome, setTestOutcome] = useState<Outcome>();
  const create = useMutation(trpc.connections.create.mutationOptions());
  const update = useMutation(trpc.connections.update.mutationOptions());
  const tryInput = useMutation(trpc.connections.testInput.mutationOptions());
  const editing = connection !== undefined;
  // The API changes where a string-saved connection points only through a new string.
  const fieldsLocked = editing && connection.usesConnectionString;

  const save = handleSubmit(async (input) => {
    setFormError(undefined);
    try {
      if (connection) {
        await update.mutateAsync({ id: connection.id, ...toConnectionPatch(input, connection) });
      } else {
        await create.mutateAsync(input);
      }
      await queryClient.invalidateQueries({ queryKey: trpc.connections.pathKey() });
      toast(editing ? `Saved ${input.name}` : `Added ${input.name}`);
      onDone();
    } catch (error) {
      setFormError(applyServerErrors(error, setError, visibleFields(type, mode)));
    }
  });

  async function test() {
    setTestOutcome(undefined);
    setFormError(undefined);
    clearErrors();
    const values = getValues();
    const visible = visibleFields(values.type, values.mode);
    // A test needs no name yet: only where to connect is checked.
    const parsed = ConnectionFormSchema.safeParse({ ...values, name: values.name.trim() || 'unsaved' });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = visible.find((name) => name === issue.path[0]);
        if (field) setError(field, { type: 'validate', message: issue.message });
      }
      return;
    }
    try {
      const result = await tryInput.mutateAsync(toTestInput(parsed.data, connection?.id));
      const outcome = outcomeOf(result);
      setTestOutcome(outcome);
      const field = result.code ? fieldOfFailure(result.code, values.type, values.mode) : undefined;
      if (field) setError(field, { type: 'server', message: outcome.label });
    } catch (error) {
      setFormError(applyServerErrors(error, setError, visible));
    }
  }

  const secretHint = editing ? 'Never shown. Leave blank to keep the saved one.' : undefined;

  return (
    <form noValidate onSubmit={save} className="flex flex-col gap-4">
      <div className="grid gap-4 sm:grid-cols-[1fr_auto]">
        <TextField label="Name" autoComplete="off" error={errors.name?.message} {...register('name')} />
        <div className="flex flex-col gap-1">
          <label htmlFor="connection-color" className="text-sm font-medium">
            Colour
          </label>
          <input
            id="connection-color"
            type="color"
            className="h-9 w-16 cursor-pointer rounded-md border border-slate-300 bg-white p-1 dark:border-slate-600 dark:bg-slate-900"
            aria-invalid={errors.color ? true : undefined}
            {...register('color')}
          />
          {errors.color && <p className="text-sm text-red-700 dark:text-red-400">{errors.color.message}</p>}
        </div>
      </div>
      <Controller
        control={control}
        name="type"
        render={({ field }) => (
          <SelectField
            label="Type"
            value={field.value}
            options={CONNECTION_TYPES}
            labels={TYPE_LABELS}
            onChange={field.onChange}
            error={errors.type?.message}
          />
        )}
      />

      {type === 'sqlite' ? (
        <TextField
          label="File path"
          hint="A SQLite file inside the directory the service is configured for."
          autoComplete="off"
          error={errors.database?.message}
          {...register('database')}
        />
      ) : (
        <Controller
          control={control}
          name="mode"
          render={({ field }) => (
            <Tabs.Root
              value={field.value}
              onValueChange={(next) => field.onChange(next === 'string' ? 'string' : 'fields')}
            >
              <Tabs.List
                aria-label="Describe the connection by"
                className="mb-3 inline-flex rounded-md border border-slate-300 p-0.5 dark:border-slate-600"
              >
                <Tabs.Trigger
                  value="fields"
                  disabled={fieldsLocked}
                  className="rounded px-3 py-1.5 text-sm disabled:cursor-not-allowed disabled:opacity-60 data-[state=active]:bg-sky-700 data-[state=active]:text-white"
                >
                  Individual fields
                </Tabs.Trigger>
                <Tabs.Trigger
                  value="string"
                  className="rounded px-3 py-1.5 text-sm data-[state=active]:bg-sky-700 data-[state=active]:text-white"
                >
                  Connection string
                </Tabs.Trigger>
              </Tabs.List>
              <Tabs.Content value="fields" className="grid gap-4 sm:grid-cols-[1fr_8rem]">
                <TextField
                  label="Host"
                  autoComplete="off"
                  error={errors.host?.message}
                  {...register('host')}
                />
                <TextField
                  label="Port"
                  inputMode="numeric"
                  autoComplete="off"
                  placeholder={String(DEFAULT_PORTS[type] ?? '')}
                  error={errors.port?.message}
                  {...register('port')}
                />
                <TextField
                  label="Database"
                  autoComplete="off"
                  error={errors.database?.message}
                  className="sm:col-span-2"
                  {...register('database')}
                />
                <TextField
                  label="Username"
                  autoComplete="off"
                  error={errors.username?.message}
                  {...register('username')}
                />
                <TextField
                  label="Password"
                  type="password"
                  autoComplete="new-password"
                  hint={secretHint}
                  error={errors.password?.message}
                  className="sm:col-span-2"
                  {...register('password')}
                />
              </Tabs.Content>
              <Tabs.Content value="string">
                <TextField
                  label="Connection string"
                  autoComplete="off"
                  spellCheck={false}
                  placeholder={`${type === 'mysql' ? 'mysql' : type === 'mongodb' ? 'mongodb' : 'postgres'}://user:password@host:port/database`}
                  hint={
                    fieldsLocked
                      ? 'This connection is saved as a connection string: it is never shown. Leave blank to keep it, or give a new one to change where it points.'
                      : secretHint
                  }
                  error={errors.connectionString?.message}
                  {...register('connectionString')}
                />
              </Tabs.Content>
            </Tabs.Root>
          )}
        />
      )}

      {type === 'postgresql' && (
        <fieldset className="flex flex-col gap-3 rounded-md border border-slate-200 p-3 dark:border-slate-700">
          <legend className="px-1 text-sm font-medium">TLS</legend>
          <Controller
            control={control}
            name="sslMode"
            render={({ field }) => (
              <SelectField
                label="SSL mode"
                value={field.value}
                options={SSL_MODE_CHOICES}
                labels={SSL_MODE_LABELS}
                onChange={field.onChange}
                error={errors.sslMode?.message}
              />
            )}
          />
          <TextAreaField
            label="Trusted root certificates (PEM)"
            rows={3}
            spellCheck={false}
            hint="For verify-ca or verify-full with a private CA, e.g. your cloud provider's bundle."
            error={errors.sslRootCert?.message}
            {...register('sslRootCert')}
          />
        </fieldset>
      )}

      <TextField
        label="Description (optional)"
        autoComplete="off"
        error={errors.description?.message}
        {...register('description')}
      />

      <div role="status" className="min-h-6">
        {tryInput.isPending && <span className="text-sm">Testing the connection…</span>}
        {testOutcome && <StatusDot tone={testOutcome.tone} label={testOutcome.label} />}
      </div>
      {formError && <InlineError>{formError}</InlineError>}
      <div className="flex flex-wrap justify-end gap-2">
        <Button onClick={test} pending={tryInput.isPending}>
          Test
        </Button>
        <Button onClick={onDone}>Cancel</Button>
        <Button type="submit" variant="primary" pending={create.isPending || update.isPending}>
          {editing ? 'Save changes' : 'Save connection'}
        </Button>
      </div>
    </form>
  );
}

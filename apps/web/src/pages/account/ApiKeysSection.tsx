import { zodResolver } from '@hookform/resolvers/zod';
import type { RouterOutputs } from '@schema-builder/client';
import { ApiKeyInputSchema } from '@schema-builder/contracts/api-keys';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { KeyRound } from 'lucide-react';
import { useId, useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { apiErrorOf, messageOf } from '../../api/errors.ts';
import { applyServerErrors } from '../../api/forms.ts';
import { trpc } from '../../api/trpc.ts';
import { Button } from '../../components/Button.tsx';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { EmptyState, ErrorState, LoadingState } from '../../components/States.tsx';
import { TextField } from '../../components/TextField.tsx';
import { toast } from '../../components/Toasts.tsx';
import { timeOf } from './audit-events.ts';
import { NewKeyDialog } from './NewKeyDialog.tsx';

type ApiKey = RouterOutputs['apiKeys']['list']['items'][number];

/** The form: a name and an optional last day (a date input); the API's schema checks both. */
interface KeyFormValues {
  name: string;
  expiresOn: string;
}

/** A key expires at the end of the chosen day, in UTC. */
const KeyFormSchema = z
  .custom<KeyFormValues>()
  .transform(({ name, expiresOn }) => ({
    name,
    ...(expiresOn ? { expiresAt: `${expiresOn}T23:59:59Z` } : {}),
  }))
  .pipe(ApiKeyInputSchema);

function statusOf(key: ApiKey): string {
  if (key.revokedAt) return `Revoked ${timeOf(key.revokedAt)}`;
  if (key.expiresAt && Date.parse(key.expiresAt) <= Date.now()) return 'Expired';
  return 'Active';
}

/** Create (the key shown once), list and revoke the user's API keys. */
export function ApiKeysSection() {
  const headingId = useId();
  const queryClient = useQueryClient();
  const keys = useInfiniteQuery(
    trpc.apiKeys.list.infiniteQueryOptions(
      { limit: 20 },
      { getNextPageParam: (page) => page.nextCursor ?? undefined },
    ),
  );
  const [created, setCreated] = useState<string>();
  const [revoking, setRevoking] = useState<ApiKey>();
  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: trpc.apiKeys.pathKey() });
    await queryClient.invalidateQueries({ queryKey: trpc.audit.pathKey() });
  };
  const {
    register,
    handleSubmit,
    reset,
    setError,
    formState: { errors },
  } = useForm<KeyFormValues, unknown, z.output<typeof KeyFormSchema>>({
    resolver: zodResolver(KeyFormSchema),
    defaultValues: { name: '', expiresOn: '' },
  });
  const [formError, setFormError] = useState<string>();
  const create = useMutation(trpc.apiKeys.create.mutationOptions());
  const revoke = useMutation(
    trpc.apiKeys.revoke.mutationOptions({
      onSuccess: async (key) => {
        toast(`Revoked ${key.name}`);
        setRevoking(undefined);
        await refresh();
      },
      onError: (error) => toast('Could not revoke it', { description: messageOf(error), tone: 'error' }),
    }),
  );
  const submit = handleSubmit(async (input) => {
    setFormError(undefined);
    try {
      const answer = await create.mutateAsync(input);
      setCreated(answer.key);
      reset();
      await refresh();
    } catch (error) {
      // An expiry the server refuses belongs to the date field.
      const expiry = apiErrorOf(error)?.details.find((detail) => detail.path === 'expiresAt');
      if (expiry) setError('expiresOn', { type: 'server', message: expiry.message });
      else setFormError(applyServerErrors(error, setError, ['name']));
    }
  });
  const items = keys.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <section aria-labelledby={headingId} className="flex flex-col gap-4">
      <div>
        <h2 id={headingId} className="text-xl font-semibold">
          API keys
        </h2>
        <p className="text-sm text-slate-600 dark:text-slate-300">
          For scripts and CI: send a key as <code>Authorization: Bearer &lt;key&gt;</code>. A key acts as you
          until it is revoked or expires.
        </p>
      </div>
      <form
        noValidate
        onSubmit={submit}
        aria-label="Create an API key"
        className="flex flex-wrap items-start gap-3"
      >
        <TextField
          label="Key name"
          autoComplete="off"
          className="min-w-56 flex-1"
          error={errors.name?.message}
          {...register('name')}
        />
        <TextField
          label="Expires on (optional)"
          type="date"
          error={errors.expiresOn?.message}
          {...register('expiresOn')}
        />
        <Button type="submit" variant="primary" pending={create.isPending} className="sm:mt-6">
          <KeyRound aria-hidden className="size-4" />
          Create key
        </Button>
        {formError && (
          <p role="alert" className="w-full text-sm text-red-700 dark:text-red-400">
            {formError}
          </p>
        )}
      </form>

      {keys.isPending ? (
        <LoadingState label="Loading your API keys…" />
      ) : keys.isError ? (
        <ErrorState error={keys.error} onRetry={() => keys.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState title="No API keys yet" />
      ) : (
        <>
          {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard */}
          <section aria-label="API keys table" tabIndex={0} className="relative overflow-x-auto">
            <table className="w-full min-w-[40rem] text-left text-sm">
              <thead className="border-b border-slate-200 dark:border-slate-700">
                <tr>
                  <th scope="col" className="py-2 pr-3 font-medium">
                    Name
                  </th>
                  <th scope="col" className="py-2 pr-3 font-medium">
                    Key
                  </th>
                  <th scope="col" className="py-2 pr-3 font-medium">
                    Created
                  </th>
                  <th scope="col" className="py-2 pr-3 font-medium">
                    Last used
                  </th>
                  <th scope="col" className="py-2 pr-3 font-medium">
                    Expires
                  </th>
                  <th scope="col" className="py-2 pr-3 font-medium">
                    Status
                  </th>
                  <th scope="col" className="py-2 font-medium">
                    <span className="sr-only">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {items.map((key) => (
                  <tr key={key.id} className="border-b border-slate-100 dark:border-slate-800">
                    <th scope="row" className="py-2 pr-3 font-medium">
                      {key.name}
                    </th>
                    <td className="py-2 pr-3 font-mono text-xs">{key.prefix}…</td>
                    <td className="py-2 pr-3">{timeOf(key.createdAt)}</td>
                    <td className="py-2 pr-3">{key.lastUsedAt ? timeOf(key.lastUsedAt) : 'Never'}</td>
                    <td className="py-2 pr-3">{key.expiresAt ? timeOf(key.expiresAt) : 'Never'}</td>
                    <td className="py-2 pr-3">{statusOf(key)}</td>
                    <td className="py-2 text-right">
                      {!key.revokedAt && (
                        <Button
                          variant="ghost"
                          aria-label={`Revoke ${key.name}`}
                          onClick={() => setRevoking(key)}
                        >
                          Revoke
                        </Button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
          {keys.hasNextPage && (
            <div>
              <Button pending={keys.isFetchingNextPage} onClick={() => keys.fetchNextPage()}>
                Show more keys
              </Button>
            </div>
          )}
        </>
      )}

      <NewKeyDialog apiKey={created} onClose={() => setCreated(undefined)} />
      <ConfirmDialog
        open={revoking !== undefined}
        onOpenChange={(open) => {
          if (!open) setRevoking(undefined);
        }}
        title={`Revoke ${revoking?.name ?? 'this key'}?`}
        description="Scripts using it are refused from now on. This cannot be undone."
        confirmLabel="Revoke key"
        pending={revoke.isPending}
        onConfirm={() => {
          if (revoking) revoke.mutate({ id: revoking.id });
        }}
      />
    </section>
  );
}

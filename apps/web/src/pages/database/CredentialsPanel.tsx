import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Copy, Eye, EyeOff } from 'lucide-react';
import { messageOf } from '../../api/errors.ts';
import { trpc } from '../../api/trpc.ts';
import { Button } from '../../components/Button.tsx';
import { InlineError } from '../../components/InlineError.tsx';
import { toast } from '../../components/Toasts.tsx';
import { canConnect, type DatabaseResource } from './database-status.ts';

/**
 * The connection string. The password leaves the service only on an explicit click — to show it
 * or to copy it — and is never kept in the query cache afterwards.
 */
export function CredentialsPanel({ designId, database }: { designId: string; database: DatabaseResource }) {
  const queryClient = useQueryClient();
  const fetchCredentials = () =>
    queryClient.fetchQuery({
      ...trpc.databases.credentials.queryOptions({ id: designId }),
      staleTime: 0,
      gcTime: 0,
    });
  const reveal = useMutation({ mutationFn: fetchCredentials });
  const copy = useMutation({
    mutationFn: async () => {
      const { url } = await fetchCredentials();
      await navigator.clipboard.writeText(url);
    },
    onSuccess: () => toast('Connection string copied'),
  });
  const available = canConnect(database) && !database.rotatingCredentials;
  const failure = reveal.error ?? copy.error;

  return (
    <section
      aria-labelledby="credentials-heading"
      className="flex flex-col gap-3 rounded-lg border border-slate-200 p-4 dark:border-slate-800"
    >
      <h2 id="credentials-heading" className="text-lg font-semibold">
        Connection
      </h2>
      {!available ? (
        <p className="text-sm text-slate-600 dark:text-slate-300">
          {database.rotatingCredentials
            ? 'A new password is being set; the connection string is available again in a moment.'
            : 'The connection string is available once the database is ready.'}
        </p>
      ) : (
        <>
          {reveal.data ? (
            <dl className="grid grid-cols-[max-content_minmax(0,1fr)] gap-x-4 gap-y-1 text-sm">
              <dt className="text-slate-600 dark:text-slate-300">Connection string</dt>
              <dd className="font-mono break-all">{reveal.data.url}</dd>
              <dt className="text-slate-600 dark:text-slate-300">Host and port</dt>
              <dd className="font-mono">
                {reveal.data.host}:{reveal.data.port}
              </dd>
              <dt className="text-slate-600 dark:text-slate-300">User</dt>
              <dd className="font-mono break-all">{reveal.data.user}</dd>
              <dt className="text-slate-600 dark:text-slate-300">Password</dt>
              <dd className="font-mono break-all">{reveal.data.password}</dd>
            </dl>
          ) : (
            <p className="text-sm">
              User <span className="font-mono break-all">{database.role}</span>; the password is hidden.
            </p>
          )}
          <div className="flex flex-wrap gap-2">
            {reveal.data ? (
              <Button onClick={() => reveal.reset()}>
                <EyeOff aria-hidden className="size-4" />
                Hide connection string
              </Button>
            ) : (
              <Button pending={reveal.isPending} onClick={() => reveal.mutate()}>
                <Eye aria-hidden className="size-4" />
                Reveal connection string
              </Button>
            )}
            <Button pending={copy.isPending} onClick={() => copy.mutate()}>
              <Copy aria-hidden className="size-4" />
              Copy connection string
            </Button>
          </div>
        </>
      )}
      {failure && <InlineError>{messageOf(failure)}</InlineError>}
    </section>
  );
}

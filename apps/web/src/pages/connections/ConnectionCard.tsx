import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Database, FileBox, Leaf, Pencil, PlugZap, Server, Trash2 } from 'lucide-react';
import { Switch } from 'radix-ui';
import { type ReactNode, useId, useState } from 'react';
import { messageOf } from '../../api/errors.ts';
import { trpc } from '../../api/trpc.ts';
import { Button } from '../../components/Button.tsx';
import { StatusDot } from '../../components/StatusDot.tsx';
import { toast } from '../../components/Toasts.tsx';
import { type Connection, type ConnectionType, DEFAULT_COLOR, TYPE_LABELS } from './connection-form.ts';
import { type Outcome, outcomeOf, storedOutcomeOf } from './test-results.ts';

const TYPE_ICONS: Record<ConnectionType, ReactNode> = {
  postgresql: <Database aria-hidden className="size-5" />,
  mysql: <Server aria-hidden className="size-5" />,
  sqlite: <FileBox aria-hidden className="size-5" />,
  mongodb: <Leaf aria-hidden className="size-5" />,
};

/** Where it points, in one line: host:port/database, or the SQLite file. */
function whereOf(connection: Connection): string {
  if (connection.type === 'sqlite') return connection.database ?? '';
  const port = connection.port === null ? '' : `:${connection.port}`;
  const database = connection.database ? `/${connection.database}` : '';
  return `${connection.host ?? '?'}${port}${database}`;
}

export interface ConnectionCardProps {
  connection: Connection;
  onEdit: () => void;
  onDelete: () => void;
}

/** One saved connection: what and where, active or not, its last test, and what to do with it. */
export function ConnectionCard({ connection, onEdit, onDelete }: ConnectionCardProps) {
  const headingId = useId();
  const switchId = useId();
  const queryClient = useQueryClient();
  const [justTested, setJustTested] = useState<Outcome>();
  const invalidate = () => queryClient.invalidateQueries({ queryKey: trpc.connections.pathKey() });
  const test = useMutation(
    trpc.connections.test.mutationOptions({
      onSuccess: async (result) => {
        setJustTested(outcomeOf(result));
        await invalidate();
      },
      onError: (error) => setJustTested({ tone: 'bad', label: messageOf(error) }),
    }),
  );
  const toggle = useMutation(
    trpc.connections.update.mutationOptions({
      onSuccess: async (updated) => {
        toast(`${updated.name} is now ${updated.active ? 'active' : 'inactive'}`);
        await invalidate();
      },
      onError: (error) => toast('Could not change it', { description: messageOf(error), tone: 'error' }),
    }),
  );
  const outcome = justTested ?? storedOutcomeOf(connection);
  const active = toggle.isPending ? (toggle.variables.active ?? connection.active) : connection.active;

  return (
    <article
      aria-labelledby={headingId}
      className="flex flex-col gap-3 rounded-lg border border-t-4 border-slate-200 bg-white p-4 shadow-sm dark:border-slate-700 dark:bg-slate-900"
      style={{ borderTopColor: connection.color ?? DEFAULT_COLOR }}
    >
      <div className="flex items-start gap-3">
        <span className="rounded-md bg-slate-100 p-2 text-slate-700 dark:bg-slate-800 dark:text-slate-200">
          {TYPE_ICONS[connection.type]}
        </span>
        <div className="min-w-0 flex-1">
          <h2 id={headingId} className="truncate font-semibold" title={connection.name}>
            {connection.name}
          </h2>
          <p className="text-sm text-slate-600 dark:text-slate-300">{TYPE_LABELS[connection.type]}</p>
        </div>
      </div>
      <p
        className="truncate font-mono text-xs text-slate-700 dark:text-slate-300"
        title={whereOf(connection)}
      >
        {whereOf(connection)}
      </p>
      {connection.description && (
        <p className="text-sm text-slate-700 dark:text-slate-300">{connection.description}</p>
      )}
      <div className="flex flex-wrap items-center justify-between gap-2">
        <div className="flex items-center gap-2">
          <Switch.Root
            id={switchId}
            checked={active}
            disabled={toggle.isPending}
            onCheckedChange={(checked) => toggle.mutate({ id: connection.id, active: checked })}
            className="relative h-6 w-11 shrink-0 rounded-full bg-slate-400 transition-colors data-[state=checked]:bg-emerald-600 disabled:opacity-60"
          >
            <Switch.Thumb className="block size-5 translate-x-0.5 rounded-full bg-white shadow transition-transform data-[state=checked]:translate-x-[1.375rem]" />
          </Switch.Root>
          <label htmlFor={switchId} className="text-sm">
            Active
          </label>
        </div>
        <div role="status" aria-live="polite" className="min-w-0">
          {test.isPending ? (
            <StatusDot tone="busy" label="Testing…" />
          ) : (
            <StatusDot tone={outcome.tone} label={outcome.label} />
          )}
        </div>
      </div>
      <div className="mt-auto flex flex-wrap gap-2 border-t border-slate-100 pt-3 dark:border-slate-800">
        <Button pending={test.isPending} onClick={() => test.mutate({ id: connection.id })}>
          <PlugZap aria-hidden className="size-4" />
          Test
        </Button>
        <Button onClick={onEdit}>
          <Pencil aria-hidden className="size-4" />
          Edit
        </Button>
        <Button variant="ghost" onClick={onDelete} className="ml-auto">
          <Trash2 aria-hidden className="size-4" />
          Delete
        </Button>
      </div>
    </article>
  );
}

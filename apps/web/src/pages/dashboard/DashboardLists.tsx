import type { RouterOutputs } from '@schema-builder/client';
import { Link } from '@tanstack/react-router';
import { AlertTriangle } from 'lucide-react';
import type { ReactNode } from 'react';
import { EmptyState } from '../../components/States.tsx';
import { StatusDot } from '../../components/StatusDot.tsx';
import { connectionState, statusOf } from './status-labels.ts';

type Summary = RouterOutputs['dashboard']['summary'];

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="rounded-lg border border-slate-200 p-4 dark:border-slate-800">
      <h2 id={id} className="mb-3 text-lg font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}

export function RecentDesigns({ designs }: { designs: Summary['recentDesigns'] }) {
  return (
    <Section id="recent-designs" title="Recent designs">
      {designs.length === 0 ? (
        <EmptyState title="No designs yet">
          <p className="text-sm">Start one with “New design”, or import a database.</p>
        </EmptyState>
      ) : (
        <ul className="divide-y divide-slate-200 dark:divide-slate-800">
          {designs.map((design) => (
            <li key={design.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
              <div className="flex flex-col">
                <Link
                  to="/designs/$designId"
                  params={{ designId: design.id }}
                  className="font-medium text-sky-700 underline dark:text-sky-400"
                >
                  {design.name}
                </Link>
                <span className="text-xs text-slate-600 dark:text-slate-400">
                  Changed {dateFormat.format(new Date(design.updatedAt))}
                </span>
              </div>
              {design.databaseStatus === null ? (
                <StatusDot tone="idle" label="No database" />
              ) : (
                <StatusDot
                  tone={statusOf(design.databaseStatus).tone}
                  label={`Database: ${statusOf(design.databaseStatus).label.toLowerCase()}`}
                />
              )}
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}

export function RecentConnections({ connections }: { connections: Summary['recentConnections'] }) {
  return (
    <Section id="recent-connections" title="Recent connections">
      {connections.length === 0 ? (
        <EmptyState title="No connections yet">
          <p className="text-sm">Add one with “New connection” to browse and import a database.</p>
        </EmptyState>
      ) : (
        <ul className="divide-y divide-slate-200 dark:divide-slate-800">
          {connections.map((connection) => {
            const state = connectionState(connection);
            return (
              <li key={connection.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                <div className="flex flex-col">
                  <span className="font-medium">{connection.name}</span>
                  <span className="text-xs text-slate-600 dark:text-slate-400">
                    {connection.type}
                    {connection.host ? ` · ${connection.host}` : ''}
                  </span>
                </div>
                <StatusDot tone={state.tone} label={state.label} />
              </li>
            );
          })}
        </ul>
      )}
    </Section>
  );
}

export function AttentionList({ databases }: { databases: Summary['attention'] }) {
  return (
    <Section id="attention" title="Needs attention">
      <ul className="divide-y divide-slate-200 dark:divide-slate-800">
        {databases.map((database) => (
          <li key={database.id} className="flex flex-wrap items-start justify-between gap-2 py-2">
            <div className="flex items-start gap-2">
              <AlertTriangle aria-hidden className="mt-0.5 size-4 text-amber-600" />
              <div className="flex flex-col">
                <Link
                  to="/designs/$designId/database"
                  params={{ designId: database.schemaId }}
                  className="font-medium text-sky-700 underline dark:text-sky-400"
                >
                  {database.designName}
                </Link>
                <span className="text-sm text-slate-700 dark:text-slate-300">
                  {database.reason === 'failed'
                    ? (database.lastError ?? 'The last job failed.')
                    : `Holds version ${database.version ?? '–'}; the design is at version ${database.latestVersion ?? '–'}.`}
                </span>
              </div>
            </div>
            {database.reason === 'failed' ? (
              <StatusDot tone="bad" label={statusOf(database.status).label} />
            ) : (
              <StatusDot tone="busy" label="Behind its design" />
            )}
          </li>
        ))}
      </ul>
    </Section>
  );
}

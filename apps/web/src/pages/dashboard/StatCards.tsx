import type { RouterOutputs } from '@schema-builder/client';
import { Link } from '@tanstack/react-router';
import { Database, Plug, Workflow } from 'lucide-react';
import type { ReactNode } from 'react';
import { StatusDot } from '../../components/StatusDot.tsx';
import { DATABASE_STATUS_ORDER, statusOf } from './status-labels.ts';

type Summary = RouterOutputs['dashboard']['summary'];

/** The three counts: designs, databases by status, connections active and inactive. */
export function StatCards({ summary }: { summary: Summary }) {
  const { designs, databases, connections } = summary;
  const statuses = DATABASE_STATUS_ORDER.filter((status) => databases.byStatus[status] > 0);
  return (
    <section aria-labelledby="counts-heading">
      <h2 id="counts-heading" className="sr-only">
        Counts
      </h2>
      <ul className="grid gap-4 sm:grid-cols-3">
        <StatCard
          icon={<Workflow aria-hidden className="size-5" />}
          label="Designs"
          count={designs.total}
          link={
            <Link to="/designs" className="text-sky-700 underline dark:text-sky-400">
              All designs
            </Link>
          }
        />
        <StatCard
          icon={<Database aria-hidden className="size-5" />}
          label="Databases"
          count={databases.total}
        >
          {statuses.length === 0 ? (
            <p className="text-sm text-slate-600 dark:text-slate-300">None provisioned yet.</p>
          ) : (
            <ul aria-label="Databases by status" className="flex flex-col gap-1">
              {statuses.map((status) => (
                <li key={status}>
                  <StatusDot
                    tone={statusOf(status).tone}
                    label={`${databases.byStatus[status]} ${statusOf(status).label.toLowerCase()}`}
                  />
                </li>
              ))}
            </ul>
          )}
        </StatCard>
        <StatCard
          icon={<Plug aria-hidden className="size-5" />}
          label="Connections"
          count={connections.total}
          link={
            <Link to="/connections" className="text-sky-700 underline dark:text-sky-400">
              All connections
            </Link>
          }
        >
          <ul aria-label="Connections by state" className="flex flex-col gap-1">
            <li>
              <StatusDot tone="good" label={`${connections.active} active`} />
            </li>
            <li>
              <StatusDot tone="idle" label={`${connections.inactive} inactive`} />
            </li>
          </ul>
        </StatCard>
      </ul>
    </section>
  );
}

function StatCard({
  icon,
  label,
  count,
  link,
  children,
}: {
  icon: ReactNode;
  label: string;
  count: number;
  link?: ReactNode;
  children?: ReactNode;
}) {
  return (
    <li className="flex flex-col gap-2 rounded-lg border border-slate-200 p-4 dark:border-slate-800">
      <p className="flex items-center gap-2 text-sm font-medium text-slate-700 dark:text-slate-300">
        {icon}
        {label}
      </p>
      {/* Read as one text, e.g. "Designs: 3", so a count is never heard without its name. */}
      <p className="text-3xl font-semibold">
        <span className="sr-only">{label}: </span>
        {count}
      </p>
      {children}
      {link && <p className="mt-auto text-sm">{link}</p>}
    </li>
  );
}

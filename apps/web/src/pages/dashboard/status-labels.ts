import type { RouterOutputs } from '@schema-builder/client';
import type { Tone } from '../../components/StatusDot.tsx';

type Summary = RouterOutputs['dashboard']['summary'];
export type DatabaseStatus = keyof Summary['databases']['byStatus'];

/** Every status in words and a tone; the words are always shown beside the dot. */
export const DATABASE_STATUS: Record<DatabaseStatus, { label: string; tone: Tone }> = {
  ready: { label: 'Ready', tone: 'good' },
  pending: { label: 'Queued', tone: 'busy' },
  provisioning: { label: 'Provisioning', tone: 'busy' },
  migrating: { label: 'Migrating', tone: 'busy' },
  dropping: { label: 'Dropping', tone: 'busy' },
  failed: { label: 'Failed', tone: 'bad' },
  migration_failed: { label: 'Migration failed', tone: 'bad' },
};

export const DATABASE_STATUS_ORDER: DatabaseStatus[] = [
  'ready',
  'pending',
  'provisioning',
  'migrating',
  'dropping',
  'failed',
  'migration_failed',
];

type RecentConnection = Summary['recentConnections'][number];

/** A connection's state: inactive first (it refuses work), then its last test. */
export function connectionState(connection: RecentConnection): { label: string; tone: Tone } {
  if (!connection.active) return { label: 'Inactive', tone: 'idle' };
  if (connection.lastTestResult === null) return { label: 'Active · never tested', tone: 'idle' };
  if (connection.lastTestResult === 'OK') return { label: 'Active · last test OK', tone: 'good' };
  return { label: `Active · last test failed (${connection.lastTestResult})`, tone: 'bad' };
}

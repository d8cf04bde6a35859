import type { RouterOutputs } from '@schema-builder/client';
import type { Tone } from '../../components/StatusDot.tsx';

// A status in words and a tone: the database page's own (one map for the whole app).
export { statusOf } from '../database/database-status.ts';

type Summary = RouterOutputs['dashboard']['summary'];
export type DatabaseStatus = keyof Summary['databases']['byStatus'];

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

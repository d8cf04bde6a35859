import type { RouterOutputs } from '@schema-builder/client';
import type { Tone } from '../../components/StatusDot.tsx';

export type DatabaseResource = RouterOutputs['databases']['status'];
type Status = DatabaseResource['status'];
type Operation = DatabaseResource['operation'];

const STATUS: Record<Status, { label: string; tone: Tone }> = {
  pending: { label: 'Queued', tone: 'busy' },
  provisioning: { label: 'Provisioning', tone: 'busy' },
  ready: { label: 'Ready', tone: 'good' },
  failed: { label: 'Failed', tone: 'bad' },
  dropping: { label: 'Dropping', tone: 'busy' },
  dropped: { label: 'Dropped', tone: 'idle' },
  migrating: { label: 'Migrating', tone: 'busy' },
  migration_failed: { label: 'Migration failed', tone: 'bad' },
};

export function statusOf(status: Status): { label: string; tone: Tone } {
  return STATUS[status];
}

const OPERATIONS: Record<Operation, string> = {
  provision: 'Provisioning',
  regenerate: 'Regenerating',
  drop: 'Dropping',
  rotate: 'Setting a new password',
  migrate: 'Migrating',
};

/** The worker's steps of a build (provision, regenerate) in order: what a progress bar counts. */
const BUILD_STEPS: readonly string[] = ['claimed', 'role', 'database', 'restrict', 'schema', 'done'];

const STEP_LABELS: Record<string, string> = {
  claimed: 'A worker took the job',
  role: 'Login role created',
  database: 'Database created',
  restrict: 'Access restricted to its role',
  schema: 'Design applied',
  done: 'Finished',
  dropped: 'Database dropped',
  password: 'Password set',
  migrated: 'Migration applied',
};

export interface JobProgress {
  /** "Provisioning", "Dropping"… */
  title: string;
  /** The last step the worker reported, in words; "Waiting for a worker" before the first. */
  step: string;
  /** Steps done and the steps there are, for a build; undefined when the job has no fixed steps. */
  done?: { value: number; of: number } | undefined;
}

/** Where the job in flight is, in words a person reads; undefined when no job runs. */
export function progressOf(
  database: Pick<DatabaseResource, 'busy' | 'operation' | 'progress'>,
): JobProgress | undefined {
  if (!database.busy) return undefined;
  const step = database.progress
    ? (STEP_LABELS[database.progress] ?? database.progress)
    : 'Waiting for a worker';
  const building = database.operation === 'provision' || database.operation === 'regenerate';
  const index = BUILD_STEPS.indexOf(database.progress ?? '');
  return {
    title: OPERATIONS[database.operation],
    step,
    done: building ? { value: index + 1, of: BUILD_STEPS.length } : undefined,
  };
}

/** A database whose connection string can be asked for (built, not being dropped, not failed). */
export function canConnect(database: DatabaseResource): boolean {
  return database.version !== null && ['ready', 'migrating', 'migration_failed'].includes(database.status);
}

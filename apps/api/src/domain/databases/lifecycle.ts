import type { DatabaseOperation, DatabaseStatus } from '@schema-builder/db';

/**
 * The provisioned database's life, as data: what each status means and, per operation, which
 * status a database has while its job is queued, while it runs, and after it succeeds or fails.
 * Every write of a status takes it from here; both tables name every status and operation (the
 * compiler checks), so a new one cannot be half-added. docs/provisioning.md draws it.
 */

/** What a status says about the database. */
export interface StatusTraits {
  /** A job is queued or running whenever a row has this status (a settled one has none). */
  inFlight: boolean;
  /**
   * What the row's jobs created on its server is gone or to be removed: the reconciler may drop
   * it, and the row takes no room on its server when a new database is placed.
   */
  dead: boolean;
  /** There may be a database on the server to look at (the status route's catalog check). */
  inspectable: boolean;
  /** Its credentials may be handed out (once a version is built). */
  connectable: boolean;
  /** Nothing leaves it: the row is history, and the design may have a new database. */
  final: boolean;
}

export const STATUS_TRAITS = {
  pending: { inFlight: true, dead: false, inspectable: false, connectable: true, final: false },
  provisioning: { inFlight: true, dead: false, inspectable: true, connectable: true, final: false },
  ready: { inFlight: false, dead: false, inspectable: true, connectable: true, final: false },
  failed: { inFlight: false, dead: true, inspectable: true, connectable: false, final: false },
  dropping: { inFlight: true, dead: false, inspectable: true, connectable: false, final: false },
  dropped: { inFlight: false, dead: true, inspectable: false, connectable: false, final: true },
  migrating: { inFlight: true, dead: false, inspectable: true, connectable: true, final: false },
  migration_failed: { inFlight: false, dead: false, inspectable: true, connectable: true, final: false },
} as const satisfies Record<DatabaseStatus, StatusTraits>;

/** The one final status: rows in it are history (the live-row indexes leave them out). */
export const FINAL_STATUS = 'dropped' as const satisfies DatabaseStatus;

/** In an operation's row: the status is left as it was (a rotation does not change it). */
export const UNCHANGED = 'unchanged';
type NextStatus = DatabaseStatus | typeof UNCHANGED;

/** The phases of a job, in order; `succeeded` and `failed` end it. */
export const JOB_PHASES = ['queued', 'running', 'succeeded', 'failed'] as const;
export type JobPhase = (typeof JOB_PHASES)[number];

export interface OperationLifecycle extends Record<JobPhase, NextStatus> {
  /**
   * The statuses of an idle database the operation may start from; `provision` starts with a new
   * row, and `retry` (see retryableStatus) runs a failed operation again from `failed`.
   */
  from: readonly DatabaseStatus[];
}

export const OPERATION_LIFECYCLE = {
  provision: { from: [], queued: 'pending', running: 'provisioning', succeeded: 'ready', failed: 'failed' },
  regenerate: {
    from: ['ready', 'failed', 'migration_failed'],
    queued: 'pending',
    running: 'provisioning',
    succeeded: 'ready',
    failed: 'failed',
  },
  // The migration rolls back on failure: the database is as it was, at its recorded version.
  migrate: {
    from: ['ready', 'migration_failed'],
    queued: 'migrating',
    running: 'migrating',
    succeeded: 'ready',
    failed: 'migration_failed',
  },
  // The old password stays valid until the new one is set: the database stays usable throughout.
  rotate: {
    from: ['ready', 'migration_failed'],
    queued: UNCHANGED,
    running: UNCHANGED,
    succeeded: UNCHANGED,
    failed: UNCHANGED,
  },
  drop: {
    from: ['ready', 'failed', 'migration_failed'],
    queued: 'dropping',
    running: 'dropping',
    succeeded: 'dropped',
    failed: 'failed',
  },
} as const satisfies Record<DatabaseOperation, OperationLifecycle>;

/** The status a failed operation is retried from. */
export const RETRYABLE_STATUS = 'failed' as const satisfies DatabaseStatus;

/** The status of a database whose `operation` has reached `phase`, from the status it has now. */
export function statusAfter(
  operation: DatabaseOperation,
  phase: JobPhase,
  current: DatabaseStatus,
): DatabaseStatus {
  const next: NextStatus = OPERATION_LIFECYCLE[operation][phase];
  return next === UNCHANGED ? current : next;
}

/** Whether `operation` may start on an idle database in `status`. */
export function canStart(operation: DatabaseOperation, status: DatabaseStatus): boolean {
  const from: readonly DatabaseStatus[] = OPERATION_LIFECYCLE[operation].from;
  return from.includes(status);
}

/** The statuses with a trait, e.g. `statusesWhere('dead')` for the reconciler's query. */
export function statusesWhere(trait: keyof StatusTraits): DatabaseStatus[] {
  return (Object.keys(STATUS_TRAITS) as DatabaseStatus[]).filter((status) => STATUS_TRAITS[status][trait]);
}

/** One move between statuses: `from` null is a new row; `via` names the operation or step. */
export interface Transition {
  from: DatabaseStatus | null;
  to: DatabaseStatus;
  via: string;
}

/**
 * Every move the tables allow, derived from them (the tests walk it, docs/provisioning.md draws it): an
 * operation starting (or retried), its job claimed, and its job ending either way — a job can
 * fail before a worker claims it (it could not start, or its workers died).
 */
export function lifecycleTransitions(): Transition[] {
  const transitions: Transition[] = [];
  const operations = Object.keys(OPERATION_LIFECYCLE) as DatabaseOperation[];
  for (const operation of operations) {
    const lifecycle: OperationLifecycle = OPERATION_LIFECYCLE[operation];
    const starts: Array<{ from: DatabaseStatus | null; via: string }> = [
      ...(operation === 'provision' ? [{ from: null, via: 'request' }] : []),
      ...lifecycle.from.map((from) => ({ from, via: operation })),
      ...(lifecycle.failed === RETRYABLE_STATUS
        ? [{ from: RETRYABLE_STATUS, via: `retry ${operation}` }]
        : []),
    ];
    for (const start of starts) {
      const before = start.from ?? OPERATION_LIFECYCLE.provision.queued;
      const queued = statusAfter(operation, 'queued', before);
      const running = statusAfter(operation, 'running', queued);
      transitions.push({ from: start.from, to: queued, via: start.via });
      if (running !== queued) transitions.push({ from: queued, to: running, via: 'claimed' });
      for (const during of new Set([queued, running]))
        transitions.push({
          from: during,
          to: statusAfter(operation, 'failed', during),
          via: `${operation} failed`,
        });
      transitions.push({
        from: running,
        to: statusAfter(operation, 'succeeded', running),
        via: `${operation} done`,
      });
    }
  }
  return transitions;
}

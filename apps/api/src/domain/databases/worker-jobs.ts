import type {
  DatabaseFailureCode,
  DatabaseOperation,
  ProvisionedDatabaseRow,
  Queryable,
} from '@schema-builder/db';
import { provisionedDatabases } from '@schema-builder/db';
import { PROVISIONING_ERROR_CODES } from '@schema-builder/provisioning';
import { eq } from 'drizzle-orm';
import { AppError } from '../../errors/codes.ts';
import type { JobOutcome } from '../../metrics/metrics.ts';
import type { RequestOrigin } from '../audit/record-event.ts';
import { recordEvent } from '../audit/record-event.ts';
import type { DatabaseServices } from './dependencies.ts';
import { buildJobPayload, type ClaimedJob, UnrunnableJobError } from './job-payload.ts';
import { statusAfter } from './lifecycle.ts';
import { DEAD_JOB_QUEUE, type QueuedJob } from './queue.ts';
import { type DatabasePatch, deadDatabaseNames, lockDatabaseOfJob, updateDatabase } from './repository.ts';
import { inJobTransaction } from './transaction.ts';

interface WorkerCall {
  services: Pick<DatabaseServices, 'db' | 'queue' | 'secrets' | 'deployment' | 'metrics'>;
  origin: RequestOrigin;
}

/**
 * What the worker may report a failure as: the engine's codes (the `satisfies` keeps them among
 * the stored failure codes), or one of its own.
 */
export const WORKER_FAILURE_CODES = [
  ...PROVISIONING_ERROR_CODES,
  'WORKER_ERROR',
] as const satisfies readonly DatabaseFailureCode[];

/** Why a job failed, as the status endpoint shows it; `message` carries no server text. */
export interface JobFailure {
  code: DatabaseFailureCode;
  sqlState: string | null;
  message: string;
}

/** Where the API notes a failure whose detail must not reach the client (the request's log). */
interface FailureLog {
  warn(fields: Record<string, unknown>, message: string): void;
}

/** Longest a claim waits for a job before answering "none" (the worker then asks again). */
export const MAX_CLAIM_WAIT_MS = 20_000;
const RECHECK_MS = 2_000;

/**
 * Hands the next job to a worker, waiting up to `waitMs` for one (woken by NOTIFY when a job is
 * queued). First settles jobs whose workers died on every attempt: their databases are marked
 * failed, and the reconciler removes what those attempts left behind.
 */
export async function claimJob({
  services,
  origin,
  waitMs,
  signal,
  log,
}: WorkerCall & {
  waitMs: number;
  signal?: AbortSignal | undefined;
  log: FailureLog;
}): Promise<ClaimedJob | null> {
  const deadline = Date.now() + Math.min(waitMs, MAX_CLAIM_WAIT_MS);
  await settleDeadJobs({ services, origin });
  for (;;) {
    // A worker that went away (killed while waiting) must not be handed a job it cannot run;
    // while this API shuts down, claims answer "none" at once and the jobs stay queued.
    if (signal?.aborted || services.queue.draining) return null;
    const queued = await services.queue.fetch();
    if (queued) {
      const job = await startClaimedJob({ services, origin }, queued, log);
      if (job) return job;
      continue;
    }
    const remaining = deadline - Date.now();
    if (remaining <= 0) return null;
    await services.queue.waitForJob(Math.min(remaining, RECHECK_MS), signal);
  }
}

async function startClaimedJob(
  { services, origin }: WorkerCall,
  queued: QueuedJob,
  log: FailureLog,
): Promise<ClaimedJob | undefined> {
  const outcome = await inJobTransaction(services, async (tx) => {
    const row = await lockDatabaseOfJob(tx.db, queued.data.databaseId, queued.id);
    // The row moved on (the job was settled or superseded): nothing to do.
    if (!row) return undefined;
    try {
      const job = await buildJobPayload({
        db: tx.db,
        secrets: services.secrets,
        identity: services.deployment,
        row,
        jobId: queued.id,
        attempt: queued.retryCount + 1,
      });
      await updateDatabase(tx.db, row.id, {
        status: statusAfter(row.operation, 'running', row.status),
        progress: 'claimed',
      });
      return job;
    } catch (error) {
      // An UnrunnableJobError says why in our words; anything else (a secret that does not
      // open, a query that failed) is for the log, not for the owner of the database.
      const reason = error instanceof UnrunnableJobError ? error.message : 'its inputs could not be prepared';
      log.warn({ err: error, jobId: queued.id, databaseId: row.id }, 'a claimed job could not start');
      await settleFailure(tx.db, origin, row, {
        code: 'JOB_UNSTARTABLE',
        sqlState: null,
        message: `could not start: ${reason}`,
      });
      return undefined;
    }
  });
  if (!outcome) await services.queue.complete(queued.id);
  return outcome;
}

async function settleDeadJobs({ services, origin }: WorkerCall): Promise<void> {
  for (const dead of await services.queue.fetchDead(20)) {
    const settled = await inJobTransaction(services, async (tx) => {
      // The row points at the job that died (`jobId`), not at its dead-letter copy (`id`).
      const row = await lockDatabaseOfJob(tx.db, dead.data.databaseId, dead.jobId);
      if (!row) return undefined;
      await settleFailure(tx.db, origin, row, {
        code: 'WORKER_LOST',
        sqlState: null,
        message: `the worker stopped responding during ${row.operation} on ${dead.attempts} attempts; whatever it created is removed`,
      });
      return row.operation;
    });
    if (settled) services.metrics.databaseJobsAbandoned.inc({ operation: settled });
    await services.queue.complete(dead.id, DEAD_JOB_QUEUE);
  }
}

/** Heartbeat: keeps the job's lease and records the step reached. False: the job is no longer this worker's. */
export async function heartbeatJob({
  services,
  jobId,
  step,
}: {
  services: Pick<DatabaseServices, 'db' | 'queue'>;
  jobId: string;
  step?: string | undefined;
}): Promise<{ active: boolean }> {
  const active = await services.queue.extend(jobId);
  if (active && step)
    await services.db
      .update(provisionedDatabases)
      .set({ progress: step, updatedAt: new Date() })
      .where(eq(provisionedDatabases.jobId, jobId));
  return { active };
}

async function lockJobRow(db: Queryable, jobId: string) {
  const [row] = await db
    .select()
    .from(provisionedDatabases)
    .where(eq(provisionedDatabases.jobId, jobId))
    .for('update');
  if (!row)
    throw new AppError(
      'JOB_NOT_ACTIVE',
      `Job ${jobId} is not waiting for a result (it finished or was settled).`,
      {
        details: [{ path: 'jobId', code: 'JOB_NOT_ACTIVE', message: 'No database waits for this job.' }],
      },
    );
  return row;
}

/** The row after its job succeeded: the status from the lifecycle, and what the operation changed. */
function successPatch(row: ProvisionedDatabaseRow): DatabasePatch {
  const status = statusAfter(row.operation, 'succeeded', row.status);
  const now = new Date();
  switch (row.operation) {
    case 'provision':
    case 'regenerate':
    case 'migrate':
      return { status, version: row.targetVersion, readyAt: now };
    case 'rotate':
      return {
        status,
        passwordSealed: row.nextPasswordSealed ?? row.passwordSealed,
        nextPasswordSealed: null,
      };
    case 'drop':
      return { status, droppedAt: now };
  }
}

const SUCCESS_ACTION = {
  provision: 'database.provisioned',
  regenerate: 'database.regenerated',
  migrate: 'database.migrated',
  rotate: 'database.credentials_rotated',
  drop: 'database.dropped',
} as const satisfies Record<DatabaseOperation, string>;

/** The worker finished the job: record the outcome and release the job. */
export async function completeJob({
  services,
  origin,
  jobId,
}: WorkerCall & { jobId: string }): Promise<{ ok: true }> {
  const operation = await inJobTransaction(services, async (tx) => {
    const row = await lockJobRow(tx.db, jobId);
    await updateDatabase(tx.db, row.id, {
      ...successPatch(row),
      jobId: null,
      progress: 'done',
      lastError: null,
      lastErrorCode: null,
      lastErrorSqlState: null,
    });
    await recordEvent(tx.db, origin, {
      userId: row.ownerId,
      action: SUCCESS_ACTION[row.operation],
      resourceType: 'database',
      resourceId: row.id,
      details: { schemaId: row.schemaId, database: row.databaseName, version: row.targetVersion },
    });
    return row.operation;
  });
  await finishJob(services, jobId, operation, 'succeeded');
  return { ok: true };
}

/** The worker gave up on the job (after cleaning up): the database is marked failed with the reason. */
export async function failJob({
  services,
  origin,
  jobId,
  failure,
}: WorkerCall & { jobId: string; failure: JobFailure }): Promise<{ ok: true }> {
  const operation = await inJobTransaction(services, async (tx) => {
    const row = await lockJobRow(tx.db, jobId);
    await settleFailure(tx.db, origin, row, failure);
    return row.operation;
  });
  await finishJob(services, jobId, operation, 'failed');
  return { ok: true };
}

/** Releases the job, timing it from when it was queued (the wait a client saw, retries included). */
async function finishJob(
  services: Pick<DatabaseServices, 'queue' | 'metrics'>,
  jobId: string,
  operation: DatabaseOperation,
  outcome: JobOutcome,
): Promise<void> {
  const seconds = await services.queue.secondsSinceQueued(jobId);
  await services.queue.complete(jobId);
  if (seconds !== undefined) services.metrics.databaseJobDuration.observe({ operation, outcome }, seconds);
}

/** The row after its job failed: the status from the lifecycle; a rotation forgets the new password. */
function failurePatch(row: ProvisionedDatabaseRow): DatabasePatch {
  const status = statusAfter(row.operation, 'failed', row.status);
  return row.operation === 'rotate' ? { status, nextPasswordSealed: null } : { status };
}

async function settleFailure(
  db: Queryable,
  origin: RequestOrigin,
  row: ProvisionedDatabaseRow,
  failure: JobFailure,
): Promise<void> {
  const lastError = `${row.operation} failed: ${failure.message}`.slice(0, 2000);
  await updateDatabase(db, row.id, {
    ...failurePatch(row),
    jobId: null,
    lastError,
    lastErrorCode: failure.code,
    lastErrorSqlState: failure.sqlState,
  });
  await recordEvent(db, origin, {
    userId: row.ownerId,
    action: 'database.failed',
    resourceType: 'database',
    resourceId: row.id,
    details: {
      schemaId: row.schemaId,
      database: row.databaseName,
      operation: row.operation,
      error: lastError,
      code: failure.code,
      ...(failure.sqlState ? { sqlState: failure.sqlState } : {}),
    },
  });
}

/**
 * For the worker's reconciler: of the database names its markers name on `target`, those this
 * deployment's metadata records as dead (see deadDatabaseNames), the only ones it may drop.
 */
export async function deadDatabases({
  services,
  target,
  names,
}: {
  services: Pick<DatabaseServices, 'db'>;
  target: string;
  names: readonly string[];
}): Promise<{ databases: string[] }> {
  return { databases: await deadDatabaseNames(services.db, target, names) };
}

import type postgres from 'postgres';
import { step } from './errors.ts';
import type { TargetSession } from './session.ts';

/**
 * Serialises, until the end of the current transaction, every step that changes one design's
 * role or database. Two workers running the same job at once (a retried job whose first worker
 * is only slow) would otherwise update the same catalog rows together, which PostgreSQL answers
 * with "tuple concurrently updated" (XX000) on GRANT, ALTER ROLE or COMMENT. Advisory locks are
 * released by the server when the transaction or the connection ends, crashes included.
 */
export async function lockDesignObjects(tx: postgres.TransactionSql, database: string): Promise<void> {
  await tx`SELECT pg_advisory_xact_lock(hashtextextended(${`schema-builder:${database}`}, 0))`;
}

/** How `withAdvisoryLock` takes its lock: waiting for it, or only if it is free. */
type LockMode = 'exclusive' | 'shared' | 'exclusive-if-free';
const LOCK_FUNCTIONS = {
  exclusive: ['pg_advisory_lock', 'pg_advisory_unlock'],
  shared: ['pg_advisory_lock_shared', 'pg_advisory_unlock_shared'],
  'exclusive-if-free': ['pg_try_advisory_lock', 'pg_advisory_unlock'],
} as const satisfies Record<LockMode, readonly [string, string]>;

/**
 * Runs `work` on a reserved admin connection holding the session-level advisory lock `key`,
 * released on any exit (and by the server when the connection dies). The waiting modes give up
 * after `waitAtMost` (lock_timeout, which stays set for the work on that connection);
 * `exclusive-if-free` answers undefined at once when someone holds the lock.
 */
export function withAdvisoryLock<T>(
  session: TargetSession,
  key: string,
  mode: 'exclusive' | 'shared',
  work: (sql: postgres.ReservedSql) => Promise<T>,
): Promise<T>;
export function withAdvisoryLock<T>(
  session: TargetSession,
  key: string,
  mode: 'exclusive-if-free',
  work: (sql: postgres.ReservedSql) => Promise<T>,
): Promise<T | undefined>;
export async function withAdvisoryLock<T>(
  session: TargetSession,
  key: string,
  mode: LockMode,
  work: (sql: postgres.ReservedSql) => Promise<T>,
  waitAtMost = '60s',
): Promise<T | undefined> {
  const [lock, unlock] = LOCK_FUNCTIONS[mode];
  // Steps, so a server that is down or a lock that times out is a ProvisioningError that says so.
  const sql = await step('connect', () => session.admin.reserve());
  try {
    await sql`SELECT set_config('lock_timeout', ${waitAtMost}, false)`;
    try {
      const [row] = await step('take the job lock', () =>
        sql.unsafe<{ locked: unknown }[]>(`SELECT ${lock}(hashtextextended($1, 0)) AS locked`, [key]),
      );
      // Only the try form answers a boolean; the waiting forms return once they hold the lock.
      if (row?.locked === false) return undefined;
      try {
        return await work(sql);
      } finally {
        // A failed unlock means a dead connection, whose locks the server has already released.
        await sql.unsafe(`SELECT ${unlock}(hashtextextended($1, 0))`, [key]).catch(() => {});
      }
    } finally {
      await sql`RESET lock_timeout`.catch(() => {});
    }
  } finally {
    sql.release();
  }
}

const jobLockKey = (database: string) => `schema-builder:job:${database}`;

/**
 * Runs a job's `work` while holding the design's job lock in SHARE mode. The reconciler takes the
 * same lock exclusively (`unlessJobRuns`) before it drops anything of the design, so it never
 * removes what a running job is building or has just adopted. Jobs do not block each other; the
 * reconciler holds the lock only while it drops, so a job that waits longer than a minute fails
 * (and is retried) rather than hanging.
 */
export function whileJobRuns<T>(
  session: TargetSession,
  database: string,
  work: () => Promise<T>,
): Promise<T> {
  return withAdvisoryLock(session, jobLockKey(database), 'shared', work);
}

/**
 * Runs `work` holding the design's job lock exclusively, or returns undefined at once when a
 * job holds it: what the reconciler drops, it drops while no job of the design runs.
 */
export function unlessJobRuns<T>(
  session: TargetSession,
  database: string,
  work: () => Promise<T>,
): Promise<T | undefined> {
  return withAdvisoryLock(session, jobLockKey(database), 'exclusive-if-free', work);
}

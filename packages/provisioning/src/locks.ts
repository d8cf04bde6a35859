import type postgres from 'postgres';
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

const jobLockKey = (database: string) => `schema-builder:job:${database}`;
const JOB_LOCK_WAIT = '60s';

/**
 * Runs a job's `work` while holding the design's job lock in SHARE mode on a reserved admin
 * connection. The reconciler takes the same lock exclusively before it drops anything of the
 * design, so it never removes what a running job is building or has just adopted. Jobs do not
 * block each other; the server releases the lock when a killed worker's connection goes.
 */
export async function whileJobRuns<T>(
  session: TargetSession,
  database: string,
  work: () => Promise<T>,
): Promise<T> {
  const sql = await session.admin.reserve();
  try {
    // The reconciler holds the lock only while it drops; a job that waits longer than this fails
    // (and is retried) rather than hanging on a lock nobody will release.
    await sql`SELECT set_config('lock_timeout', ${JOB_LOCK_WAIT}, false)`;
    try {
      await sql`SELECT pg_advisory_lock_shared(hashtextextended(${jobLockKey(database)}, 0))`;
    } finally {
      await sql`RESET lock_timeout`;
    }
    try {
      return await work();
    } finally {
      // A failed unlock means a dead connection, whose locks the server has already released.
      await sql`SELECT pg_advisory_unlock_shared(hashtextextended(${jobLockKey(database)}, 0))`.catch(
        () => {},
      );
    }
  } finally {
    sql.release();
  }
}

/**
 * Runs `work` holding the design's job lock exclusively, or returns undefined at once when a
 * job holds it: what the reconciler drops, it drops while no job of the design runs.
 */
export async function unlessJobRuns<T>(
  session: TargetSession,
  database: string,
  work: () => Promise<T>,
): Promise<T | undefined> {
  const sql = await session.admin.reserve();
  try {
    const [lock] = await sql<{ locked: boolean }[]>`
      SELECT pg_try_advisory_lock(hashtextextended(${jobLockKey(database)}, 0)) AS locked`;
    if (!lock?.locked) return undefined;
    try {
      return await work();
    } finally {
      await sql`SELECT pg_advisory_unlock(hashtextextended(${jobLockKey(database)}, 0))`.catch(() => {});
    }
  } finally {
    sql.release();
  }
}

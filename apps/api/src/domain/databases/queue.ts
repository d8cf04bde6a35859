import type { DatabaseOperation, Queryable } from '@schema-builder/db';
import { sql } from 'drizzle-orm';
import PgBoss from 'pg-boss';
import type { Sql } from 'postgres';

/** Every job of the worker goes through one queue; the database row says what it is about. */
export const JOB_QUEUE = 'database-jobs';
/** Jobs whose worker died on every attempt land here; the API marks their database failed. */
export const DEAD_JOB_QUEUE = 'database-jobs-dead';
const PGBOSS_SCHEMA = 'pgboss';
/** NOTIFY channel: a job was queued, waiting claims may look now instead of at their next poll. */
const JOB_CHANNEL = 'schema_builder_jobs';

export interface JobData {
  databaseId: string;
  operation: DatabaseOperation;
}

export interface QueuedJob {
  id: string;
  data: JobData;
  /** Attempts before this one (a worker died or the job expired). */
  retryCount: number;
}

/**
 * A job that exhausted its retries, as pg-boss copied it into the dead-letter queue. The copy
 * gets an id of its own and starts its retry count afresh, so the original job's id travels in
 * its data (see `enqueue`).
 */
export interface DeadJob {
  /** The copy's id in the dead-letter queue (to complete it there). */
  id: string;
  /** The id of the job that died: the one the database row points at. */
  jobId: string;
  data: JobData;
  /** Attempts the job had: the first and every retry. */
  attempts: number;
}

/** What is stored with a job: its `JobData` and its own id, for when it lands in the dead-letter queue. */
interface StoredJobData extends JobData {
  jobId?: string;
}

/** Jobs of one queue in one state, for metrics. */
export interface QueueBacklog {
  queue: string;
  state: 'created' | 'retry' | 'active';
  count: number;
  /** Since the oldest of them was queued (a retried job keeps its first time). */
  oldestSeconds: number;
}

export interface QueueOptions {
  expireSeconds: number;
  maintenanceSeconds: number;
  retryLimit: number;
}

/** What node-postgres (pg-boss's own driver) would send: objects as JSON, undefined as NULL. */
function asPgValue(value: unknown): unknown {
  if (value === undefined) return null;
  if (value !== null && typeof value === 'object' && !(value instanceof Date) && !Array.isArray(value))
    return JSON.stringify(value);
  return value;
}

/**
 * A Drizzle transaction as pg-boss's `db`, so a job is queued inside the caller's transaction:
 * pg-boss's `$n` placeholders become Drizzle parameters.
 */
function inTransaction(tx: Queryable): PgBoss.Db {
  return {
    executeSql: async (text, values = []) => {
      const chunks = text
        .split(/\$(\d+)/)
        .map((part, index) =>
          index % 2 === 0 ? sql.raw(part) : sql.param(asPgValue(values[Number(part) - 1])),
        );
      return { rows: [...(await tx.execute<Record<string, unknown>>(sql.join(chunks)))] };
    },
  };
}

/**
 * The job queue (pg-boss 10 in the metadata database). Jobs are only fetched and finished here;
 * workers reach them through the API's worker procedures. A job whose worker stops
 * heartbeating expires after `expireSeconds` and is retried up to `retryLimit` times.
 */
export class JobQueue {
  private readonly boss: PgBoss;
  private readonly waiters = new Set<() => void>();
  private unlisten: (() => Promise<void>) | undefined;
  private drained = false;

  /**
   * `url` is the metadata database: pg-boss keeps a small pool of its own there (its schema
   * migrations run multi-statement transactions that postgres.js pools refuse); `sql` is the
   * app's pool, used for LISTEN and the heartbeat.
   */
  constructor(
    url: string,
    private readonly sql: Sql,
    private readonly options: QueueOptions,
  ) {
    this.boss = new PgBoss({
      connectionString: url,
      max: 4,
      application_name: 'schema-builder-queue',
      schema: PGBOSS_SCHEMA,
      maintenanceIntervalSeconds: options.maintenanceSeconds,
      schedule: false,
    });
  }

  async start(onError: (error: Error) => void): Promise<void> {
    this.boss.on('error', onError);
    await this.boss.start();
    const policy = {
      retryLimit: this.options.retryLimit,
      retryDelay: 1,
      expireInSeconds: this.options.expireSeconds,
      retentionDays: 7,
    };
    await this.boss.createQueue(DEAD_JOB_QUEUE, { name: DEAD_JOB_QUEUE, ...policy });
    await this.boss.createQueue(JOB_QUEUE, { name: JOB_QUEUE, ...policy, deadLetter: DEAD_JOB_QUEUE });
    const listener = await this.sql.listen(JOB_CHANNEL, () => this.wake());
    this.unlisten = listener.unlisten;
  }

  /**
   * The API is shutting down: claims waiting for a job answer "none" at once, and so do new ones,
   * so workers do not hold the shutdown up for a whole long poll. Jobs stay queued.
   */
  drain(): void {
    this.drained = true;
    this.wake();
  }

  get draining(): boolean {
    return this.drained;
  }

  async stop(): Promise<void> {
    this.wake();
    await this.unlisten?.();
    await this.boss.stop({ graceful: false, wait: true, close: true });
  }

  /**
   * Queues a job inside the caller's transaction (`tx`), so the row that points at the job and
   * the job itself are written together or not at all.
   */
  async enqueue(tx: Queryable, id: string, data: JobData): Promise<void> {
    const stored: StoredJobData = { ...data, jobId: id };
    await this.boss.send(JOB_QUEUE, stored, { id, db: inTransaction(tx) });
    await tx.execute(sql`SELECT pg_notify(${JOB_CHANNEL}, '')`);
  }

  async fetch(): Promise<QueuedJob | undefined> {
    const [job] = await this.boss.fetch<JobData>(JOB_QUEUE, { includeMetadata: true, batchSize: 1 });
    return job ? { id: job.id, data: job.data, retryCount: job.retryCount } : undefined;
  }

  async fetchDead(limit: number): Promise<DeadJob[]> {
    const jobs = await this.boss.fetch<StoredJobData>(DEAD_JOB_QUEUE, {
      includeMetadata: true,
      batchSize: limit,
    });
    // pg-boss copies a job into the dead-letter queue only once its retry count reached its
    // limit, and the copy keeps that limit: the job ran limit + 1 times.
    return jobs.map(({ id, data: { jobId, ...data }, retryLimit }) => ({
      id,
      jobId: jobId ?? id,
      data,
      attempts: retryLimit + 1,
    }));
  }

  complete(id: string, queue: string = JOB_QUEUE): Promise<void> {
    return this.boss.complete(queue, id);
  }

  /**
   * Heartbeat: pushes the job's expiry forward. pg-boss 10 has no heartbeat of its own; it expires
   * an active job once `started_on + expire_in` has passed, so moving `started_on` is the lease.
   * False when the job is no longer active (it expired and went back to the queue, or finished).
   * The one write into pg-boss's own table: its public heartbeat, `touch(name, id)`, arrived in
   * pg-boss 12 (11 has none either); replace this UPDATE with it when the queue is upgraded.
   */
  async extend(id: string): Promise<boolean> {
    const rows = await this.sql.unsafe(
      `UPDATE ${PGBOSS_SCHEMA}.job SET started_on = now() WHERE name = $1 AND id = $2 AND state = 'active' RETURNING id`,
      [JOB_QUEUE, id],
    );
    return rows.length > 0;
  }

  /**
   * Jobs waiting, waiting for a retry or running, per queue and state, with the oldest one's age:
   * one grouped query over pg-boss's unfinished jobs (what its own `getQueueSize` counts).
   */
  async backlog(): Promise<QueueBacklog[]> {
    const rows = await this.sql.unsafe<
      { queue: string; state: QueueBacklog['state']; count: number; oldest_seconds: number }[]
    >(
      `SELECT name AS queue, state::text AS state, count(*)::int AS count,
              EXTRACT(EPOCH FROM now() - min(created_on))::float8 AS oldest_seconds
       FROM ${PGBOSS_SCHEMA}.job
       WHERE name = ANY($1) AND state IN ('created', 'retry', 'active')
       GROUP BY name, state`,
      [[JOB_QUEUE, DEAD_JOB_QUEUE]],
    );
    return rows.map((row) => ({
      queue: row.queue,
      state: row.state,
      count: row.count,
      oldestSeconds: row.oldest_seconds,
    }));
  }

  /** Seconds since a job was first queued (its retries keep the time); undefined when it is not in the queue. */
  async secondsSinceQueued(id: string): Promise<number | undefined> {
    // Computed by the server: the app's pool returns timestamps as text (Drizzle's parsers).
    const [row] = await this.sql.unsafe<{ seconds: number }[]>(
      `SELECT EXTRACT(EPOCH FROM now() - created_on)::float8 AS seconds FROM ${PGBOSS_SCHEMA}.job WHERE name = $1 AND id = $2`,
      [JOB_QUEUE, id],
    );
    return row?.seconds;
  }

  /** Resolves when a job may have been queued (NOTIFY), after `ms`, or on `signal`, whichever comes first. */
  waitForJob(ms: number, signal?: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', done);
        this.waiters.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      signal?.addEventListener('abort', done, { once: true });
      this.waiters.add(done);
    });
  }

  private wake(): void {
    for (const waiter of [...this.waiters]) waiter();
  }
}

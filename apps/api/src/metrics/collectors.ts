import { listPoolDatabases } from '@schema-builder/provisioning';
import type { Sql } from 'postgres';
import { Gauge } from 'prom-client';
import type { JobQueue } from '../domain/databases/queue.ts';
import type { TargetRegistry } from '../domain/databases/targets.ts';
import { withTimeout } from '../domain/health/with-timeout.ts';
import type { Metrics } from './metrics.ts';

export interface CollectorSources {
  sql: Sql;
  queue: JobQueue;
  targets: TargetRegistry;
  /** DATABASE_POOL_SIZE: the most connections this process opens to the metadata database. */
  poolSize: number;
}

/** A scrape waits at most this long for any one source; what did not answer is left out. */
const COLLECT_TIMEOUT_MS = 2000;
/** The application names the API's two pools give their connections (db/client.ts, queue.ts). */
const POOL_OF_APPLICATION: Readonly<Record<string, string>> = {
  'schema-builder': 'app',
  'schema-builder-queue': 'queue',
};

/** A source that fails or hangs is left out of that scrape (undefined). */
async function read<T>(source: () => Promise<T>): Promise<T | undefined> {
  try {
    return await withTimeout(source(), COLLECT_TIMEOUT_MS);
  } catch {
    return undefined;
  }
}

/**
 * One read for the gauges of a scrape: the registry collects them all at once, so the first to
 * ask starts the read and the others share it until it settles; the next scrape reads afresh.
 */
function whileInFlight<T>(source: () => Promise<T>): () => Promise<T> {
  let inFlight: Promise<T> | undefined;
  return () => {
    inFlight ??= source().finally(() => {
      inFlight = undefined;
    });
    return inFlight;
  };
}

/**
 * The gauges read at scrape time, with cheap, bounded queries: the job queue's backlog (one
 * grouped query), the metadata pools' connections (pg_stat_activity) and each target's warm pool.
 * A source that fails or hangs leaves its gauges empty for that scrape, and
 * `schema_builder_metadata_database_up` says whether the metadata database answered.
 */
export function registerCollectors(metrics: Metrics, sources: CollectorSources): void {
  const registers = [metrics.registry];
  const backlog = whileInFlight(() => read(() => sources.queue.backlog()));

  new Gauge({
    name: 'schema_builder_metadata_database_up',
    help: 'Whether the metadata database answered this scrape (1) or not (0).',
    registers,
    async collect() {
      this.set((await backlog()) ? 1 : 0);
    },
  });

  new Gauge({
    name: 'schema_builder_jobs',
    help: 'Database jobs waiting (created), waiting for a retry (retry) or running (active), per queue.',
    labelNames: ['queue', 'state'] as const,
    registers,
    async collect() {
      this.reset();
      for (const row of (await backlog()) ?? []) this.set({ queue: row.queue, state: row.state }, row.count);
    },
  });

  new Gauge({
    name: 'schema_builder_job_oldest_age_seconds',
    help: 'Age of the oldest job in each queue and state, from when it was first queued.',
    labelNames: ['queue', 'state'] as const,
    registers,
    async collect() {
      this.reset();
      for (const row of (await backlog()) ?? [])
        this.set({ queue: row.queue, state: row.state }, row.oldestSeconds);
    },
  });

  new Gauge({
    name: 'schema_builder_metadata_pool_size',
    help: 'Most connections one API process opens to the metadata database (DATABASE_POOL_SIZE).',
    registers,
    collect() {
      this.set(sources.poolSize);
    },
  });

  const connections = () => sources.sql<{ application: string; state: string; count: number }[]>`
      SELECT application_name AS application, coalesce(state, 'unknown') AS state, count(*)::int AS count
      FROM pg_stat_activity
      WHERE datname = current_database() AND application_name = ANY(${Object.keys(POOL_OF_APPLICATION)})
      GROUP BY 1, 2`;
  new Gauge({
    name: 'schema_builder_metadata_pool_connections',
    help: "Connections of the API's pools (app, queue) to the metadata database by state (active, idle, …), all API processes together.",
    labelNames: ['pool', 'state'] as const,
    registers,
    async collect() {
      this.reset();
      const rows = (await read(connections)) ?? [];
      for (const row of rows)
        this.set({ pool: POOL_OF_APPLICATION[row.application] ?? 'other', state: row.state }, row.count);
    },
  });

  new Gauge({
    name: 'schema_builder_warm_pool_databases',
    help: 'Empty databases ready to be claimed by a provision job, per target server.',
    labelNames: ['target'] as const,
    registers,
    async collect() {
      this.reset();
      const counts = await Promise.all(
        sources.targets.targets.map(async ({ name }) => {
          const session = sources.targets.session(name);
          if (!session) return undefined;
          try {
            return {
              name,
              count: (await withTimeout(listPoolDatabases(session), COLLECT_TIMEOUT_MS)).length,
            };
          } catch {
            return undefined;
          }
        }),
      );
      for (const entry of counts) if (entry) this.set({ target: entry.name }, entry.count);
    },
  });
}

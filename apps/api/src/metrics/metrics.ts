import { Counter, collectDefaultMetrics, Histogram, Registry } from 'prom-client';

/** Seconds: from a cached read to a long poll (claims wait up to 20 s). */
const HTTP_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 25];
/** Seconds: a warm-pool provision to a migration of a large design. */
const JOB_BUCKETS = [0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600, 1800];

export type JobOutcome = 'succeeded' | 'failed';

/**
 * The API's Prometheus metrics, in a registry of their own (a test's servers never share one).
 * Labels are bounded sets only — route patterns, operations, outcomes, target names — never ids,
 * users or raw URLs. Gauges read from databases are collected at scrape time (see collectors.ts).
 */
export class Metrics {
  readonly registry = new Registry();

  readonly httpRequestDuration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP requests by method, route pattern and status code (the /metrics scrapes excluded).',
    labelNames: ['method', 'route', 'status_code'] as const,
    buckets: HTTP_BUCKETS,
    registers: [this.registry],
  });

  /** Recorded when the worker reports the outcome (worker.complete / worker.fail). */
  readonly databaseJobDuration = new Histogram({
    name: 'schema_builder_database_job_duration_seconds',
    help: 'Database jobs (provision, regenerate, migrate, rotate, drop) from queued to outcome, retries included.',
    labelNames: ['operation', 'outcome'] as const,
    buckets: JOB_BUCKETS,
    registers: [this.registry],
  });

  readonly databaseJobsAbandoned = new Counter({
    name: 'schema_builder_database_jobs_abandoned_total',
    help: 'Database jobs whose worker stopped responding on every attempt (the database is marked failed).',
    labelNames: ['operation'] as const,
    registers: [this.registry],
  });

  constructor() {
    // process_* and nodejs_* (CPU, memory, event loop lag, handles) of this API process.
    collectDefaultMetrics({ register: this.registry });
  }
}

import { randomUUID } from 'node:crypto';
import { blogDesign } from '@schema-builder/testing/fixtures';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createServer } from '../server.ts';
import type { Harness } from '../test/harness.test-support.ts';
import { startHarness } from '../test/harness.test-support.ts';

let h: Harness;
let schemaId: string;
let workerKey: string;

beforeAll(async () => {
  h = await startHarness();
  workerKey = await h.createWorkerKey();
  schemaId = (await h.request('POST', '/api/v1/schemas', { ...blogDesign, name: 'measured' })).json().id;
});
afterAll(() => h.close());

const scrape = (headers: Record<string, string> = {}, remoteAddress?: string) =>
  h.app.inject({ method: 'GET', url: '/metrics', headers, ...(remoteAddress ? { remoteAddress } : {}) });

/** The value of one sample line, e.g. `schema_builder_jobs{queue="database-jobs",state="created"}`. */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((candidate) => candidate.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

const worker = (procedure: string, body: unknown) =>
  h.app.inject({
    method: 'POST',
    url: `/trpc/worker.${procedure}`,
    headers: { authorization: `Bearer ${workerKey}`, 'content-type': 'application/json' },
    payload: JSON.stringify(body),
  });

describe('GET /metrics', () => {
  test('exposes every named family, with route patterns for labels and no ids', async () => {
    await h.request('GET', '/api/v1/schemas');
    await h.request('GET', `/api/v1/schemas/${schemaId}`);
    await h.request('GET', `/api/v1/schemas/${randomUUID()}`);
    await h.request('GET', '/api/v1/no-such-route');
    await h.app.inject({ method: 'GET', url: '/trpc/health.live' });
    await scrape();

    const response = await scrape();
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/plain');
    const text = response.body;
    for (const family of [
      'http_request_duration_seconds',
      'schema_builder_jobs',
      'schema_builder_job_oldest_age_seconds',
      'schema_builder_database_job_duration_seconds',
      'schema_builder_database_jobs_abandoned_total',
      'schema_builder_metadata_pool_size',
      'schema_builder_metadata_pool_connections',
      'schema_builder_metadata_database_up',
      'schema_builder_warm_pool_databases',
      'process_cpu_seconds_total',
      'nodejs_eventloop_lag_seconds',
    ])
      expect(text, family).toContain(`# TYPE ${family} `);

    const get =
      'http_request_duration_seconds_count{method="GET",route="/api/v1/schemas/:id",status_code="200"}';
    expect(sample(text, get)).toBe(1);
    expect(sample(text, get.replace('"200"', '"404"'))).toBe(1);
    expect(text).toContain('route="/trpc/health.live"');
    expect(text).toContain('route="(unmatched)"');
    expect(text).not.toContain('route="/metrics"');
    // Bounded labels: neither ids nor the user's data.
    expect(text).not.toContain(schemaId);
    expect(text).not.toContain(h.user.id);
    expect(text).not.toContain(h.user.email);
    expect(text).not.toContain('no-such-route');

    expect(sample(text, 'schema_builder_metadata_database_up')).toBe(1);
    expect(sample(text, 'schema_builder_metadata_pool_size')).toBe(h.services.config.DATABASE_POOL_SIZE);
    expect(text).toMatch(
      /schema_builder_metadata_pool_connections\{pool="app",state="(active|idle)"\} [1-9]/,
    );
    expect(sample(text, 'schema_builder_warm_pool_databases{target="default"}')).toBe(0);
  });

  test('shows a queued job with its age, and its duration and outcome once the worker reports it', async () => {
    const queued = await h.request('POST', `/api/v1/schemas/${schemaId}/database`, {});
    expect(queued.statusCode, queued.body).toBe(202);
    const before = (await scrape()).body;
    expect(sample(before, 'schema_builder_jobs{queue="database-jobs",state="created"}')).toBe(1);
    expect(
      sample(before, 'schema_builder_job_oldest_age_seconds{queue="database-jobs",state="created"}'),
    ).toBeGreaterThanOrEqual(0);

    const claimed = await worker('claim', { waitMs: 0 });
    const job = claimed.json().result.data.job;
    expect(job).not.toBeNull();
    const running = (await scrape()).body;
    expect(sample(running, 'schema_builder_jobs{queue="database-jobs",state="active"}')).toBe(1);
    expect(sample(running, 'schema_builder_jobs{queue="database-jobs",state="created"}')).toBeUndefined();

    const completed = await worker('complete', { jobId: job.jobId });
    expect(completed.statusCode, completed.body).toBe(200);
    const after = (await scrape()).body;
    const done =
      'schema_builder_database_job_duration_seconds_count{operation="provision",outcome="succeeded"}';
    expect(sample(after, done)).toBe(1);
    expect(sample(after, 'schema_builder_jobs{queue="database-jobs",state="active"}')).toBeUndefined();
  });
});

describe('who may scrape', () => {
  test('without METRICS_TOKEN: this machine only, not another address nor a forwarded request', async () => {
    expect((await scrape({}, '203.0.113.9')).statusCode).toBe(403);
    expect((await scrape({}, '203.0.113.9')).json().error.code).toBe('FORBIDDEN');
    expect((await scrape({ 'x-forwarded-for': '203.0.113.9' })).statusCode).toBe(403);
    expect((await scrape({}, '::1')).statusCode).toBe(200);
  });

  test('with METRICS_TOKEN: whoever sends it, from anywhere; nobody without it', async () => {
    const token = `metrics-${randomUUID()}`;
    const app = await createServer({
      services: { ...h.services, config: { ...h.services.config, METRICS_TOKEN: token } },
      logger: false,
    });
    try {
      const get = (headers: Record<string, string>) =>
        app.inject({ method: 'GET', url: '/metrics', headers, remoteAddress: '203.0.113.9' });
      expect((await get({ authorization: `Bearer ${token}` })).statusCode).toBe(200);
      expect((await get({ authorization: 'Bearer wrong' })).statusCode).toBe(401);
      expect((await get({})).json().error.code).toBe('UNAUTHORIZED');
    } finally {
      await app.close();
    }
  });
});

import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Harness } from '../../test/harness.test-support.ts';
import { startHarness } from '../../test/harness.test-support.ts';

let h: Harness;
let workerKey: string;

beforeAll(async () => {
  h = await startHarness();
  workerKey = await h.createWorkerKey();
});
afterAll(() => h.close());

const claimUrl = (url: string) => `${url}/trpc/worker.claim`;

/** A databases row on `target` in `status`, for a design of its own. */
async function databaseRow(name: string, status: string, target = 'default'): Promise<string> {
  const sql = h.services.sql;
  const [schema] = await sql<{ id: string }[]>`
    INSERT INTO schemas (owner_id, name, definition)
    VALUES (${h.user.id}, ${`design of ${name} ${status} ${Math.random()}`}, ${JSON.stringify({ tables: [] })}::jsonb)
    RETURNING id`;
  const [row] = await sql<{ id: string }[]>`
    INSERT INTO databases (schema_id, owner_id, target, database_name, role_name, password_sealed,
                           status, operation, target_version)
    VALUES (${schema?.id ?? ''}, ${h.user.id}, ${target}, ${name}, ${name}, 'sealed', ${status}, 'provision', 1)
    RETURNING id`;
  return row?.id ?? '';
}

describe('what the reconciler learns', () => {
  test('worker.deployment answers the configured name and the id stored in the metadata database', async () => {
    const response = await h.app.inject({
      method: 'GET',
      url: '/trpc/worker.deployment',
      headers: { authorization: `Bearer ${workerKey}` },
    });
    expect(response.statusCode).toBe(200);
    const [stored] = await h.services.sql<{ id: string }[]>`SELECT id FROM deployment`;
    expect(response.json().result.data).toEqual({
      instance: h.services.config.DEPLOYMENT_ID,
      deployment: stored?.id,
    });
  });

  test('worker.deadDatabases names only failed, dropped or deleted rows of the target that no live row holds', async () => {
    await databaseRow('sbx_failed', 'failed');
    await databaseRow('sbx_dropped', 'dropped');
    await databaseRow('sbx_live', 'ready');
    await databaseRow('sbx_pending', 'pending');
    // Dropped once, then provisioned again under the same name: alive.
    await databaseRow('sbx_reused', 'dropped');
    await databaseRow('sbx_reused', 'provisioning');
    await databaseRow('sbx_elsewhere', 'failed', 'other');
    const deleted = await databaseRow('sbx_deleted', 'ready');
    await h.services.sql`DELETE FROM databases WHERE id = ${deleted}`;
    const names = [
      'sbx_failed',
      'sbx_dropped',
      'sbx_live',
      'sbx_pending',
      'sbx_reused',
      'sbx_elsewhere',
      'sbx_deleted',
      'sbx_never_heard_of',
    ];
    const response = await h.app.inject({
      method: 'POST',
      url: '/trpc/worker.deadDatabases',
      headers: { authorization: `Bearer ${workerKey}`, 'content-type': 'application/json' },
      payload: JSON.stringify({ target: 'default', names }),
    });
    expect(response.statusCode).toBe(200);
    expect(response.json().result.data.databases.sort()).toEqual([
      'sbx_deleted',
      'sbx_dropped',
      'sbx_failed',
    ]);
  });

  test('worker.deadDatabases refuses a list longer than its limit with a 422 that says where', async () => {
    const response = await h.app.inject({
      method: 'POST',
      url: '/trpc/worker.deadDatabases',
      headers: { authorization: `Bearer ${workerKey}`, 'content-type': 'application/json' },
      payload: JSON.stringify({ target: 'default', names: Array.from({ length: 1001 }, (_, i) => `n${i}`) }),
    });
    expect(response.statusCode).toBe(422);
    expect(response.body).toContain('names');
  });
});

/** A worker procedure over /trpc with the worker key: its HTTP status and JSON body. */
async function asWorker<Body>(procedure: string, input: unknown): Promise<{ status: number; body: Body }> {
  const response = await fetch(`${await h.listen()}/trpc/${procedure}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${workerKey}`, 'content-type': 'application/json' },
    body: JSON.stringify(input),
  });
  return { status: response.status, body: (await response.json()) as Body };
}

describe('worker.fail', () => {
  test("stores the worker's code and SQLSTATE beside its message, and the status shows them", async () => {
    const schema = await h.request('POST', '/api/v1/schemas', { name: 'fails to build', tables: [] });
    expect((await h.request('POST', `/api/v1/schemas/${schema.json().id}/database`)).statusCode).toBe(202);
    const claimed = await asWorker<{ result: { data: { job: { jobId: string } } } }>('worker.claim', {
      waitMs: 5000,
    });
    const jobId = claimed.body.result.data.job.jobId;

    const refused = await asWorker<{ error: { data: { error: { details: unknown[] } } } }>('worker.fail', {
      jobId,
      code: 'SYNTAX',
      message: 'x',
    });
    expect(refused.status).toBe(422);
    expect(refused.body.error.data.error.details).toEqual([expect.objectContaining({ path: 'code' })]);

    const message = "the design's DDL failed: a statement was refused (SQLSTATE 42P07)";
    const failed = await asWorker('worker.fail', { jobId, code: 'DDL_FAILED', sqlState: '42P07', message });
    expect(failed.status).toBe(200);
    const status = await h.request('GET', `/api/v1/schemas/${schema.json().id}/database/status`);
    expect(status.json()).toMatchObject({
      status: 'failed',
      busy: false,
      lastError: `provision failed: ${message}`,
      lastErrorCode: 'DDL_FAILED',
      lastErrorSqlState: '42P07',
    });

    // A retry clears them until the next outcome.
    const retried = await h.request('POST', `/api/v1/schemas/${schema.json().id}/database/retry`);
    expect(retried.json()).toMatchObject({ lastError: null, lastErrorCode: null, lastErrorSqlState: null });
  });
});

describe('worker.claim', () => {
  test('a worker that disconnects while waiting is not handed the next job', async () => {
    const url = await h.listen();
    const abandoned = new AbortController();
    const waiting = fetch(claimUrl(url), {
      method: 'POST',
      headers: { authorization: `Bearer ${workerKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ waitMs: 20_000 }),
      signal: abandoned.signal,
    }).catch((error: unknown) => error);
    await new Promise((resolve) => setTimeout(resolve, 300));
    abandoned.abort();
    await waiting;

    const schema = await h.request('POST', '/api/v1/schemas', { name: 'queued', tables: [] });
    const requested = await h.request('POST', `/api/v1/schemas/${schema.json().id}/database`);
    expect(requested.statusCode).toBe(202);
    // Give an abandoned claim every chance to take the job (NOTIFY wakes waiting claims at once).
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const status = await h.request('GET', `/api/v1/schemas/${schema.json().id}/database/status`);
    expect(status.json()).toMatchObject({ status: 'pending', progress: null });

    // A live worker gets it.
    const claimed = await fetch(claimUrl(url), {
      method: 'POST',
      headers: { authorization: `Bearer ${workerKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ waitMs: 5000 }),
    });
    const body = (await claimed.json()) as {
      result: { data: { job: { operation: string; database: string } } };
    };
    expect(body.result.data.job).toMatchObject({
      operation: 'provision',
      database: requested.json().database,
    });
  });

  // Last in this file: the harness's queue stays draining.
  test('when the API shuts down, a waiting claim answers at once without a job, and jobs stay queued', async () => {
    const url = await h.listen();
    const waiting = fetch(claimUrl(url), {
      method: 'POST',
      headers: { authorization: `Bearer ${workerKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ waitMs: 20_000 }),
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    h.services.queue.drain();
    // Without the drain, the waiting claim would be woken by this job's NOTIFY and take it.
    const schema = await h.request('POST', '/api/v1/schemas', { name: 'queued while draining', tables: [] });
    const requested = await h.request('POST', `/api/v1/schemas/${schema.json().id}/database`);
    expect(requested.statusCode).toBe(202);
    const answer = await waiting;
    expect(answer.status).toBe(200);
    expect(((await answer.json()) as { result: { data: { job: unknown } } }).result.data.job).toBeNull();
    const status = await h.request('GET', `/api/v1/schemas/${schema.json().id}/database/status`);
    expect(status.json()).toMatchObject({ status: 'pending', busy: true });
  });
});

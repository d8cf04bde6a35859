import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Harness } from '../../test/harness.ts';
import { startHarness } from '../../test/harness.ts';

let h: Harness;
let workerKey: string;

beforeAll(async () => {
  h = await startHarness();
  workerKey = await h.createWorkerKey();
});
afterAll(() => h.close());

const claimUrl = (url: string) => `${url}/trpc/worker.claim`;

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

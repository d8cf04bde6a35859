import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Harness } from '../../test/harness.test-support.ts';
import { startHarness } from '../../test/harness.test-support.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

test('the status route skips the live catalog check while a job runs, and checks again once it ends', async () => {
  const schema = await h.request('POST', '/api/v1/schemas', { name: 'polled', tables: [] });
  const schemaId: string = schema.json().id;
  expect((await h.request('POST', `/api/v1/schemas/${schemaId}/database`)).statusCode).toBe(202);
  // Play the worker over /trpc: claim the job (the database is now being provisioned) ...
  const token = await h.createWorkerKey();
  const claimed = await h.request('POST', '/trpc/worker.claim', { waitMs: 5000 }, { token });
  const jobId: unknown = claimed.json().result.data.job?.jobId;
  expect(jobId, 'a claimed job').toEqual(expect.any(String));

  const running = await h.request('GET', `/api/v1/schemas/${schemaId}/database/status`);
  expect(running.json()).toMatchObject({ status: 'provisioning', busy: true, catalog: null });

  // ... and report it done without creating anything: the check now looks, and says so.
  await h.request('POST', '/trpc/worker.complete', { jobId }, { token });
  const done = await h.request('GET', `/api/v1/schemas/${schemaId}/database/status`);
  expect(done.json()).toMatchObject({
    status: 'ready',
    busy: false,
    catalog: { reachable: true, exists: false, matchesDesign: false },
  });
});

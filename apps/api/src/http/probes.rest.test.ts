import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Harness } from '../test/harness.test-support.ts';
import { startHarness } from '../test/harness.test-support.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ RATE_LIMIT_PER_MINUTE: '3' });
});
afterAll(() => h.close());

test('liveness probes and scrapes are not rationed by the rate limit; other calls from that address are', async () => {
  const statuses = async (url: string) => {
    const answers = [];
    for (let call = 0; call < 6; call++)
      answers.push((await h.app.inject({ method: 'GET', url, remoteAddress: '127.0.0.1' })).statusCode);
    return answers;
  };
  expect(await statuses('/api/v1/health/live')).toEqual([200, 200, 200, 200, 200, 200]);
  expect(await statuses('/trpc/health.live')).toEqual([200, 200, 200, 200, 200, 200]);
  expect(await statuses('/metrics')).toEqual([200, 200, 200, 200, 200, 200]);
  expect(await statuses('/api/v1/health/ready')).toContain(429);
});

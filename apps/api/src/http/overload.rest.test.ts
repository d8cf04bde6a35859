import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createServer } from '../server.ts';
import type { Harness } from '../test/harness.test-support.ts';
import { startHarness } from '../test/harness.test-support.ts';

let h: Harness;
let overloaded: FastifyInstance;

beforeAll(async () => {
  h = await startHarness();
  // A heap limit of one byte (and no other limit): the first measurement finds the process over it.
  const limits = { OVERLOAD_MAX_HEAP_USED_BYTES: 1, OVERLOAD_MAX_EVENT_LOOP_DELAY_MS: 0 };
  overloaded = await createServer({
    services: { ...h.services, config: { ...h.services.config, ...limits } },
    logger: false,
    overloadSampleIntervalMs: 50,
  });
  await overloaded.ready();
  await new Promise((resolve) => setTimeout(resolve, 300));
});
afterAll(async () => {
  await overloaded.close();
  await h.close();
});

const get = (url: string) =>
  overloaded.inject({ method: 'GET', url, headers: { authorization: `Bearer ${h.user.token}` } });

describe('a process over a configured limit', () => {
  test('answers 503 SERVICE_UNAVAILABLE with Retry-After and the limit, instead of serving', async () => {
    const response = await get('/api/v1/schemas');
    expect(response.statusCode).toBe(503);
    expect(response.headers['retry-after']).toBe('10');
    expect(response.json().error).toMatchObject({
      code: 'SERVICE_UNAVAILABLE',
      message: 'The server is overloaded; retry after the seconds in Retry-After.',
      details: [
        { path: 'server', code: 'OVERLOADED', message: 'The heap used is above its configured limit.' },
      ],
      requestId: response.headers['x-request-id'],
    });
    expect((await get('/trpc/schemas.list')).statusCode).toBe(503);
  });

  test('is not ready, but alive, and still serves its metrics', async () => {
    expect((await get('/api/v1/health/ready')).json().error.details[0].code).toBe('OVERLOADED');
    expect((await get('/api/v1/health')).statusCode).toBe(503);
    expect((await get('/api/v1/health/live')).statusCode).toBe(200);
    expect((await get('/trpc/health.live')).statusCode).toBe(200);
    expect((await get('/metrics')).statusCode).toBe(200);
  });

  test('the same services under the default limits serve as usual', async () => {
    expect((await h.request('GET', '/api/v1/schemas')).statusCode).toBe(200);
    expect((await h.request('GET', '/api/v1/health/ready')).statusCode).toBe(200);
  });
});

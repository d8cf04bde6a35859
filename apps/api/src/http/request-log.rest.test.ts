import { randomUUID } from 'node:crypto';
import pino from 'pino';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { loggerOptions } from '../logger.ts';
import type { Harness } from '../test/harness.test-support.ts';
import { startHarness } from '../test/harness.test-support.ts';

interface Line {
  level: number;
  msg: string;
  service?: string;
  code?: string;
  req?: { method: string; url: string };
  res?: { statusCode: number };
}

const INFO = 30;
const written: string[] = [];
const lines = (): Line[] => written.map((line) => JSON.parse(line));
const completed = (url: string) =>
  lines().filter((line) => line.msg === 'request completed' && line.req?.url === url);

let h: Harness;
let workerKey: string;
beforeAll(async () => {
  const log = pino(loggerOptions({ LOG_LEVEL: 'info', AUTH_PROXY_SECRET_HEADER: 'x-proxy-secret' }), {
    write: (line: string) => void written.push(line),
  });
  h = await startHarness({}, { logger: log });
  workerKey = await h.createWorkerKey();
});
afterAll(() => h.close());
beforeEach(() => {
  written.length = 0;
});

describe('the request line', () => {
  test.each([
    ['GET', `/api/v1/schemas/${randomUUID()}`, undefined, 404, 'SCHEMA_NOT_FOUND'],
    ['GET', '/api/v1/no-such-route', undefined, 404, 'ROUTE_NOT_FOUND'],
    ['POST', '/api/v1/schemas', { name: '' }, 422, 'VALIDATION_ERROR'],
    ['POST', '/trpc/schemas.create', { name: '' }, 422, 'VALIDATION_ERROR'],
    [
      'GET',
      `/trpc/schemas.get?input=${encodeURIComponent(JSON.stringify({ id: randomUUID() }))}`,
      undefined,
      404,
      'SCHEMA_NOT_FOUND',
    ],
  ])(
    '%s %s: an error answer is logged at info with its error code',
    async (method, url, body, status, code) => {
      const response = await h.request(method, url, body);
      expect(response.statusCode).toBe(status);
      const [line, ...more] = completed(url);
      expect(more).toEqual([]);
      expect(line).toMatchObject({ level: INFO, service: 'api', code, res: { statusCode: status } });
    },
  );

  test('an unauthenticated call carries UNAUTHORIZED', async () => {
    await h.request('GET', '/api/v1/schemas', undefined, { token: null });
    expect(completed('/api/v1/schemas')[0]).toMatchObject({ code: 'UNAUTHORIZED', res: { statusCode: 401 } });
  });

  test('a success is logged at info without a code, and once: no separate "incoming request" line', async () => {
    await h.request('GET', '/api/v1/schemas');
    const [line, ...more] = completed('/api/v1/schemas');
    expect(more).toEqual([]);
    expect(line).toMatchObject({ level: INFO, res: { statusCode: 200 } });
    expect(line?.code).toBeUndefined();
    expect(lines().filter((entry) => entry.msg === 'incoming request')).toEqual([]);
  });
});

describe('an idle installation', () => {
  test("the worker's polls, the reconciler's questions and the probes are not logged at info", async () => {
    const asWorker = { authorization: `Bearer ${workerKey}`, 'content-type': 'application/json' };
    for (let poll = 0; poll < 3; poll++) {
      const claim = await h.app.inject({
        method: 'POST',
        url: '/trpc/worker.claim',
        headers: asWorker,
        payload: JSON.stringify({ waitMs: 0 }),
      });
      expect(claim.json().result.data).toEqual({ job: null });
    }
    await h.app.inject({ method: 'GET', url: '/trpc/worker.deployment', headers: asWorker });
    await h.app.inject({
      method: 'POST',
      url: '/trpc/worker.deadDatabases',
      headers: asWorker,
      payload: JSON.stringify({ target: 'default', names: [] }),
    });
    for (const probe of [
      '/api/v1/health/live',
      '/api/v1/health/ready',
      '/api/v1/health',
      '/trpc/health.ready',
      '/metrics',
    ])
      expect((await h.app.inject({ method: 'GET', url: probe })).statusCode).toBe(200);

    expect(lines().filter((line) => line.level >= INFO)).toEqual([]);
  });

  test("a worker's failed call is still logged at info", async () => {
    const response = await h.app.inject({
      method: 'POST',
      url: '/trpc/worker.heartbeat',
      headers: { authorization: `Bearer ${h.user.token}`, 'content-type': 'application/json' },
      payload: JSON.stringify({ jobId: randomUUID() }),
    });
    expect(response.statusCode).toBe(403);
    expect(completed('/trpc/worker.heartbeat')[0]).toMatchObject({ level: INFO, code: 'FORBIDDEN' });
  });
});

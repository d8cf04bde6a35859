import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Harness } from '../test/harness.test-support.ts';
import { startHarness } from '../test/harness.test-support.ts';
import { appRouter } from '../trpc/root.ts';
import { restRoutes } from './routes.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

const SOME_ID = '00000000-0000-4000-8000-000000000000';

describe('a wrong method on an existing path', () => {
  test.each([
    ['DELETE', '/api/v1/schemas', 'GET, HEAD, POST'],
    ['PATCH', `/api/v1/schemas/${SOME_ID}`, 'GET, HEAD, PUT, DELETE'],
    ['GET', '/api/v1/schemas/import', 'POST'],
    ['PUT', '/api/v1/auth/sign-in', 'POST'],
    ['POST', `/api/v1/databases/${SOME_ID}`, 'DELETE'],
    ['HEAD', `/api/v1/databases/${SOME_ID}`, 'DELETE'],
  ])('%s %s is 405 METHOD_NOT_ALLOWED with Allow: %s', async (method, url, allow) => {
    const response = await h.request(method, url, method === 'GET' || method === 'HEAD' ? undefined : {});
    expect(response.statusCode).toBe(405);
    expect(response.headers.allow).toBe(allow);
    if (method === 'HEAD') return; // no body, by definition
    expect(response.json()).toEqual({
      error: {
        code: 'METHOD_NOT_ALLOWED',
        message: 'This method is not allowed here.',
        details: [],
        requestId: expect.any(String),
      },
    });
  });

  test('is 405 without credentials too: the path exists whoever asks', async () => {
    const response = await h.request('DELETE', '/api/v1/auth/me', undefined, { token: null });
    expect(response.statusCode).toBe(405);
    expect(response.headers.allow).toBe('GET, HEAD');
  });

  test('every REST path refuses each method it does not take, and Allow names those it does', async () => {
    const byUrl = new Map<string, Set<string>>();
    for (const route of restRoutes(appRouter)) {
      byUrl.set(route.url, (byUrl.get(route.url) ?? new Set()).add(route.method));
    }
    for (const [url, methods] of byUrl) {
      const path = url.replace(/:\w+/g, SOME_ID);
      for (const method of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].filter((m) => !methods.has(m))) {
        const response = await h.request(method, path);
        expect(response.statusCode, `${method} ${path}`).toBe(405);
        const allowed = String(response.headers.allow).split(', ');
        expect(new Set(allowed.filter((m) => m !== 'HEAD')), `${method} ${path}`).toEqual(methods);
      }
    }
  });
});

describe('a path that does not exist', () => {
  test.each(['GET', 'DELETE'])('%s is still 404 ROUTE_NOT_FOUND', async (method) => {
    const response = await h.request(method, '/api/v1/no-such-thing');
    expect(response.statusCode).toBe(404);
    expect(response.headers.allow).toBeUndefined();
    expect(response.json().error.code).toBe('ROUTE_NOT_FOUND');
  });
});

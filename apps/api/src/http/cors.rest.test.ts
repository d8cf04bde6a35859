import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Harness } from '../test/harness.test-support.ts';
import { startHarness } from '../test/harness.test-support.ts';

const ALLOWED = 'https://app.example.test';
let h: Harness;
beforeAll(async () => {
  h = await startHarness({ CORS_ORIGINS: ALLOWED });
});
afterAll(() => h.close());

const preflight = (origin: string, method: string, headers: string) =>
  h.app.inject({
    method: 'OPTIONS',
    url: '/api/v1/schemas/7f0c3f4e-0000-4000-8000-000000000000',
    headers: {
      origin,
      'access-control-request-method': method,
      'access-control-request-headers': headers,
    },
  });

describe('CORS preflight', () => {
  test.each(['PUT', 'PATCH', 'DELETE', 'POST', 'GET'])(
    '%s from an allowed origin is allowed, with the headers the API reads',
    async (method) => {
      const response = await preflight(ALLOWED, method, 'authorization,content-type,if-match,x-request-id');
      expect(response.statusCode).toBe(204);
      expect(response.headers['access-control-allow-origin']).toBe(ALLOWED);
      const methods = String(response.headers['access-control-allow-methods']).split(/,\s*/);
      expect(methods).toContain(method);
      const headers = String(response.headers['access-control-allow-headers']).split(/,\s*/);
      for (const header of ['authorization', 'content-type', 'if-match', 'x-request-id'])
        expect(headers).toContain(header);
    },
  );

  test('from another origin is not allowed', async () => {
    const response = await preflight('https://evil.example.test', 'DELETE', 'authorization');
    expect(response.headers['access-control-allow-origin']).toBeUndefined();
  });

  test('an allowed answer exposes the request id and Retry-After to the browser app', async () => {
    const response = await h.request('GET', '/api/v1/schemas', undefined, { headers: { origin: ALLOWED } });
    expect(response.headers['access-control-allow-origin']).toBe(ALLOWED);
    expect(String(response.headers['access-control-expose-headers']).split(/,\s*/)).toEqual(
      expect.arrayContaining(['x-request-id', 'retry-after']),
    );
  });
});

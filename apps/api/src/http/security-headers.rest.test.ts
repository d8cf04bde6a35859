import type { IncomingMessage, ServerResponse } from 'node:http';
import helmet from 'helmet';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Harness } from '../test/harness.test-support.ts';
import { startHarness } from '../test/harness.test-support.ts';
import { HELMET_OPTIONS } from './security-headers.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

/** The headers helmet sets with our options, read off a stand-in response. */
function helmetDefaults(): Record<string, string> {
  const headers: Record<string, string> = {};
  const response = {
    setHeader: (name: string, value: string) => {
      headers[name.toLowerCase()] = value;
    },
    removeHeader: () => {},
  };
  helmet(HELMET_OPTIONS)({} as IncomingMessage, response as unknown as ServerResponse, () => {});
  return headers;
}

test.each([
  ['a REST read', 'GET', '/api/v1/schemas'],
  ['a refused request', 'GET', '/api/v1/schemas/not-a-uuid'],
  ['an unknown route', 'GET', '/api/v1/nothing-here'],
  ['a tRPC call', 'GET', '/trpc/auth.me'],
  ['the health check', 'GET', '/api/v1/health'],
])("%s carries every one of helmet's default security headers", async (_name, method, url) => {
  const expected = helmetDefaults();
  expect(Object.keys(expected)).toEqual(
    expect.arrayContaining([
      'content-security-policy',
      'strict-transport-security',
      'x-content-type-options',
    ]),
  );
  const response = await h.request(method, url);
  for (const [name, value] of Object.entries(expected)) expect(response.headers[name], name).toBe(value);
  expect(response.headers['x-powered-by']).toBeUndefined();
});

import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Harness } from '../test/harness.test-support.ts';
import { startHarness } from '../test/harness.test-support.ts';

describe('rate limits', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ RATE_LIMIT_SIGN_IN_PER_MINUTE: '3', RATE_LIMIT_PER_MINUTE: '5' });
  });
  afterAll(() => h.close());

  test('sign-in has its own small budget per IP: 429 with Retry-After and the error body', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) {
      const response = await h.request(
        'POST',
        '/api/v1/auth/sign-in',
        { email: 'x@example.test', password: 'x' },
        { token: null },
      );
      statuses.push(response.statusCode);
      if (response.statusCode === 429) {
        expect(response.json().error.code).toBe('RATE_LIMITED');
        expect(Number(response.headers['retry-after'])).toBeGreaterThan(0);
      }
    }
    expect(statuses).toEqual([401, 401, 401, 429]);
  });

  test('an IPv6 client spends one sign-in budget from all the addresses of its /64', async () => {
    const signInFrom = (remoteAddress: string) =>
      h.app.inject({
        method: 'POST',
        url: '/api/v1/auth/sign-in',
        remoteAddress,
        headers: { 'content-type': 'application/json' },
        payload: JSON.stringify({ email: 'x@example.test', password: 'x' }),
      });
    const statuses: number[] = [];
    for (const suffix of ['1', '2', '3', 'ffff:1'])
      statuses.push((await signInFrom(`2001:db8::${suffix}`)).statusCode);
    expect(statuses).toEqual([401, 401, 401, 429]);
    expect((await signInFrom('2001:db8:0:1::1')).statusCode).toBe(401);
  });

  test('the general budget is per user: one user running out does not block another', async () => {
    const other = await h.signUp('other');
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await h.request('GET', '/api/v1/schemas')).statusCode);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
    expect((await h.request('GET', '/api/v1/schemas', undefined, { token: other.token })).statusCode).toBe(
      200,
    );
  });

  test('the tRPC transport shares the same budgets', async () => {
    const response = await h.app.inject({
      method: 'GET',
      url: '/trpc/schemas.list?input=%7B%7D',
      headers: { authorization: `Bearer ${h.user.token}` },
    });
    expect(response.statusCode).toBe(429);
    expect(response.json().error.code).toBe('RATE_LIMITED');
  });
});

describe('the provisioning budget', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ RATE_LIMIT_PROVISION_PER_MINUTE: '2', RATE_LIMIT_PER_MINUTE: '4' });
  });
  afterAll(() => h.close());

  test('provisioning requests have their own per-user budget; other calls and workers are not counted', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) {
      const schema = await h.request('POST', '/api/v1/schemas', { name: `limited ${i}`, tables: [] });
      statuses.push((await h.request('POST', `/api/v1/schemas/${schema.json().id}/database`)).statusCode);
    }
    // No worker runs here: the two accepted requests stay pending; the third is refused.
    expect(statuses).toEqual([202, 202, 429]);
    expect((await h.request('GET', '/api/v1/schemas')).statusCode).toBe(200);
    // Workers are never rationed: more calls than the general budget of 4 all pass.
    const worker = await h.createWorkerKey();
    for (let i = 0; i < 6; i++) {
      const response = await h.app.inject({
        method: 'GET',
        url: '/trpc/worker.deployment',
        headers: { authorization: `Bearer ${worker}` },
      });
      expect(response.statusCode).toBe(200);
    }
  });
});

describe('limits on what is accepted', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({
      MAX_DESIGN_TABLES: '2',
      MAX_DESIGN_COLUMNS_PER_TABLE: '3',
      CORS_ORIGINS: 'https://app.example',
    });
  });
  afterAll(() => h.close());

  const table = (id: string, columns: number) => ({
    id,
    name: id,
    columns: Array.from({ length: columns }, (_, c) => ({
      id: `${id}c${c}`,
      name: `c${c}`,
      dataType: 'INT',
      primaryKey: c === 0,
    })),
  });

  test('a design over the size limits is 422 DESIGN_TOO_LARGE, located', async () => {
    const response = await h.request('POST', '/api/v1/schemas', {
      name: 'big',
      tables: [table('a', 1), table('b', 4), table('c', 1)],
    });
    expect(response.statusCode).toBe(422);
    const { error } = response.json();
    expect(error.code).toBe('DESIGN_TOO_LARGE');
    expect(error.details.map((d: { path: string }) => d.path)).toEqual(['tables', 'tables[1].columns']);
  });

  test('responses carry security headers', async () => {
    const response = await h.request('GET', '/api/v1/health');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['strict-transport-security']).toContain('max-age=');
    expect(response.headers['x-frame-options']).toBe('SAMEORIGIN');
  });

  test('CORS allows the configured origin only', async () => {
    const allowed = await h.request('GET', '/api/v1/health', undefined, {
      headers: { origin: 'https://app.example' },
    });
    expect(allowed.headers['access-control-allow-origin']).toBe('https://app.example');
    const other = await h.request('GET', '/api/v1/health', undefined, {
      headers: { origin: 'https://evil.example' },
    });
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
  });

  test('the docs page still loads under the content security policy', async () => {
    const response = await h.app.inject({ method: 'GET', url: '/docs/' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-security-policy']).toBeDefined();
  });
});

describe('trusted proxy mode', () => {
  let h: Harness;
  const secret = 'a-shared-secret-of-at-least-32-characters';
  beforeAll(async () => {
    h = await startHarness({ AUTH_MODE: 'proxy', AUTH_PROXY_SECRET: secret });
  });
  afterAll(() => h.close());

  const asProxyUser = (id: string, proxySecret = secret) => ({
    token: null,
    headers: { 'x-user-id': id, 'x-proxy-secret': proxySecret },
  });

  test('the user header with the shared secret acts as that user, created on first sight', async () => {
    const first = await h.request('GET', '/api/v1/auth/me', undefined, asProxyUser('gateway-user-1'));
    expect(first.statusCode).toBe(200);
    const again = await h.request('GET', '/api/v1/auth/me', undefined, asProxyUser('gateway-user-1'));
    expect(again.json().id).toBe(first.json().id);
    const other = await h.request('GET', '/api/v1/auth/me', undefined, asProxyUser('gateway-user-2'));
    expect(other.json().id).not.toBe(first.json().id);
  });

  test.each([
    ['a wrong secret', asProxyUser('gateway-user-1', 'x'.repeat(40))],
    ['no secret', { token: null, headers: { 'x-user-id': 'gateway-user-1' } }],
    ['a malformed user id', asProxyUser('bad id with spaces')],
  ])('%s is 401', async (_name, options) => {
    const response = await h.request('GET', '/api/v1/auth/me', undefined, options);
    expect(response.statusCode).toBe(401);
    expect(response.json().error.code).toBe('UNAUTHORIZED');
  });

  test('proxy users see only their own schemas', async () => {
    const design = {
      name: 'mine',
      tables: [{ id: 't', name: 't', columns: [{ id: 'c', name: 'id', dataType: 'INT', primaryKey: true }] }],
    };
    const created = await h.request('POST', '/api/v1/schemas', design, asProxyUser('gateway-owner'));
    expect(created.statusCode).toBe(201);
    const stranger = await h.request(
      'GET',
      `/api/v1/schemas/${created.json().id}`,
      undefined,
      asProxyUser('gateway-stranger'),
    );
    expect(stranger.statusCode).toBe(404);
  });
});

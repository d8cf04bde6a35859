import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Harness } from '../test/harness.test-support.ts';
import { startHarness } from '../test/harness.test-support.ts';

/** Text PostgreSQL cannot store is refused at its field with 422, over REST and tRPC alike. */
let h: Harness;
let connectionId: string;
beforeAll(async () => {
  h = await startHarness();
  const created = await h.request('POST', '/api/v1/connections', { name: 'target', type: 'postgresql' });
  connectionId = created.json().id;
});
afterAll(() => h.close());

const NUL = 'a\u0000b';
const LONE_SURROGATE = 'a\uD800b';
const connection = { name: 'c', type: 'postgresql', host: 'db.test', description: 'd' };

interface Case {
  /** What the request does, for the test's name. */
  label: string;
  field: string;
  rest: (bad: string) => [method: string, url: string, body: unknown];
  trpc: (bad: string) => [procedure: string, input: unknown];
  /** Public procedures are called without credentials. */
  anonymous?: boolean;
}

const signUp = (name: string) => ({
  email: `u-${randomUUID()}@example.test`,
  password: 'long enough pw',
  name,
});

const CASES: Case[] = [
  {
    label: 'sign-up',
    field: 'name',
    rest: (bad) => ['POST', '/api/v1/auth/sign-up', signUp(bad)],
    trpc: (bad) => ['auth.signUp', signUp(bad)],
    anonymous: true,
  },
  {
    label: 'API key create',
    field: 'name',
    rest: (bad) => ['POST', '/api/v1/api-keys', { name: bad }],
    trpc: (bad) => ['apiKeys.create', { name: bad }],
  },
  {
    label: 'connection create',
    field: 'name',
    rest: (bad) => ['POST', '/api/v1/connections', { ...connection, name: bad }],
    trpc: (bad) => ['connections.create', { ...connection, name: bad }],
  },
  {
    label: 'connection create',
    field: 'host',
    rest: (bad) => ['POST', '/api/v1/connections', { ...connection, host: bad }],
    trpc: (bad) => ['connections.create', { ...connection, host: bad }],
  },
  {
    label: 'connection create',
    field: 'description',
    rest: (bad) => ['POST', '/api/v1/connections', { ...connection, description: bad }],
    trpc: (bad) => ['connections.create', { ...connection, description: bad }],
  },
  {
    label: 'connection update',
    field: 'name',
    rest: (bad) => ['PATCH', `/api/v1/connections/${connectionId}`, { name: bad }],
    trpc: (bad) => ['connections.update', { id: connectionId, name: bad }],
  },
  {
    label: 'connection update',
    field: 'host',
    rest: (bad) => ['PATCH', `/api/v1/connections/${connectionId}`, { host: bad }],
    trpc: (bad) => ['connections.update', { id: connectionId, host: bad }],
  },
  {
    label: 'connection update',
    field: 'description',
    rest: (bad) => ['PATCH', `/api/v1/connections/${connectionId}`, { description: bad }],
    trpc: (bad) => ['connections.update', { id: connectionId, description: bad }],
  },
  {
    label: 'schema list',
    field: 'search',
    rest: (bad) => ['GET', `/api/v1/schemas?search=${encodeURIComponent(bad)}`, undefined],
    trpc: (bad) => ['schemas.list', { search: bad }],
  },
];

function expectRefusedAt(status: number, error: unknown, field: string) {
  expect(status).toBe(422);
  expect(error).toMatchObject({
    code: 'VALIDATION_ERROR',
    details: [{ path: field, code: 'INVALID_VALUE', message: expect.stringContaining('cannot be stored') }],
  });
}

describe('text PostgreSQL cannot store', () => {
  // A lone surrogate cannot travel in a URL (percent-encoding is of UTF-8), only in JSON.
  const restCases = CASES.flatMap((c) => {
    const viaUrl = c.rest('').at(2) === undefined;
    return [
      { ...c, kind: 'a NUL character', bad: NUL },
      ...(viaUrl ? [] : [{ ...c, kind: 'a lone surrogate', bad: LONE_SURROGATE }]),
    ];
  });
  test.each(restCases)('REST $label: $kind in $field is a 422 at the field', async (c) => {
    const [method, url, body] = c.rest(c.bad);
    const response = await h.request(method, url, body, c.anonymous ? { token: null } : {});
    expectRefusedAt(response.statusCode, response.json().error, c.field);
  });

  const trpcCases = CASES.flatMap((c) => [
    { ...c, kind: 'a NUL character', bad: NUL },
    { ...c, kind: 'a lone surrogate', bad: LONE_SURROGATE },
  ]);
  test.each(trpcCases)('tRPC $label: $kind in $field is a 422 at the field', async (c) => {
    const [procedure, input] = c.trpc(c.bad);
    const isQuery = procedure === 'schemas.list';
    // JSON.stringify writes a lone surrogate as the escape \ud800: it arrives as it was sent.
    const payload = JSON.stringify(input);
    const response = await h.app.inject({
      method: isQuery ? 'GET' : 'POST',
      url: `/trpc/${procedure}${isQuery ? `?input=${encodeURIComponent(payload)}` : ''}`,
      headers: {
        'content-type': 'application/json',
        ...(c.anonymous ? {} : { authorization: `Bearer ${h.user.token}` }),
      },
      ...(isQuery ? {} : { payload }),
    });
    expectRefusedAt(response.statusCode, response.json().error.data.error, c.field);
  });

  test('a path parameter with a NUL character is a 422 at the parameter', async () => {
    const response = await h.request('GET', '/api/v1/connections/a%00b');
    expectRefusedAt(response.statusCode, response.json().error, 'id');
  });

  test('a key of the input is checked too, and named by the path', async () => {
    const response = await h.request('POST', '/api/v1/api-keys', { name: 'k', 'x\u0000': 1 });
    expect(response.statusCode).toBe(422);
    expect(response.json().error.details[0].path).toBe('x\u0000');
  });

  test('paired surrogates (an emoji) are text, and are stored as sent', async () => {
    const response = await h.request('POST', '/api/v1/connections', { ...connection, name: 'db 🐘' });
    expect(response.statusCode).toBe(201);
    expect(response.json().name).toBe('db 🐘');
  });

  test('an unauthenticated call is refused for its credentials first', async () => {
    const response = await h.request('POST', '/api/v1/api-keys', { name: NUL }, { token: null });
    expect(response.statusCode).toBe(401);
  });
});

import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Harness } from '../../test/harness.test-support.ts';
import { startHarness } from '../../test/harness.test-support.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ SIGN_IN_BACKOFF_AFTER_FAILURES: '3' });
});
afterAll(() => h.close());

const anonymous = { token: null };

describe('sign-up and sign-in', () => {
  test('sign-up answers a session token and the user, never the password hash', async () => {
    const email = `New.User-${randomUUID()}@Example.test`;
    const response = await h.request(
      'POST',
      '/api/v1/auth/sign-up',
      { email, password: 'long enough secret', name: 'New' },
      anonymous,
    );
    expect(response.statusCode).toBe(201);
    expect(response.headers.location).toBe('/api/v1/auth/me');
    const body = response.json();
    expect(body.token).toMatch(/^sbs_[\w-]{43}$/);
    expect(body.user).toEqual({
      id: expect.any(String),
      email: email.toLowerCase(),
      name: 'New',
      createdAt: expect.any(String),
    });
    expect(response.body).not.toMatch(/argon2|password/i);
    const [row] = await h.services.sql`SELECT password_hash FROM users WHERE id = ${body.user.id}`;
    expect(row?.password_hash).toMatch(/^\$argon2id\$/);
    const sessions = await h.services.sql`SELECT token_hash FROM sessions WHERE user_id = ${body.user.id}`;
    expect(sessions.map((s) => s.token_hash)).not.toContain(body.token);
  });

  test.each([
    [{ email: 'not-an-email', password: 'long enough secret' }, 'email'],
    [{ email: 'a@b.test', password: 'short' }, 'password'],
    [{ password: 'long enough secret' }, 'email'],
  ])('a bad sign-up %j is 422 at %s', async (body, path) => {
    const response = await h.request('POST', '/api/v1/auth/sign-up', body, anonymous);
    expect(response.statusCode).toBe(422);
    expect(response.json().error.details[0].path).toBe(path);
  });

  test('an e-mail address can have one account (case-insensitively)', async () => {
    const response = await h.request(
      'POST',
      '/api/v1/auth/sign-up',
      { email: h.user.email.toUpperCase(), password: 'long enough secret' },
      anonymous,
    );
    expect(response.statusCode).toBe(409);
    expect(response.json().error.code).toBe('EMAIL_TAKEN');
  });

  test('wrong password and unknown address get the same 401', async () => {
    const wrong = await h.request(
      'POST',
      '/api/v1/auth/sign-in',
      { email: h.user.email, password: 'nope nope nope' },
      anonymous,
    );
    const unknown = await h.request(
      'POST',
      '/api/v1/auth/sign-in',
      { email: `x-${randomUUID()}@example.test`, password: 'nope' },
      anonymous,
    );
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().error.code).toBe('INVALID_CREDENTIALS');
    expect(wrong.json().error.message).toBe(unknown.json().error.message);
  });

  // More in domain/auth/sign-in-throttle.rest.test.ts: other addresses are not held up.
  test('repeated failures make their address wait, even for the right password, with Retry-After', async () => {
    const victim = await h.signUp('victim');
    for (let i = 0; i < 3; i++) {
      const failed = await h.request(
        'POST',
        '/api/v1/auth/sign-in',
        { email: victim.email, password: 'guess guess' },
        anonymous,
      );
      expect(failed.statusCode).toBe(401);
    }
    // The first wait is a second: stretch it so that a slow machine cannot outlast it.
    await h.services.sql`UPDATE sign_in_failures SET locked_until = now() + interval '1 minute'
      WHERE email = ${victim.email.toLowerCase()} AND locked_until IS NOT NULL`;
    const locked = await h.request(
      'POST',
      '/api/v1/auth/sign-in',
      { email: victim.email, password: victim.password },
      anonymous,
    );
    expect(locked.statusCode).toBe(429);
    expect(locked.json().error.code).toBe('RATE_LIMITED');
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
  });

  test('sign-in gives a working token; sign-out revokes it', async () => {
    const user = await h.signUp('inout');
    const signIn = await h.request(
      'POST',
      '/api/v1/auth/sign-in',
      { email: user.email, password: user.password },
      anonymous,
    );
    expect(signIn.statusCode).toBe(200);
    const token: string = signIn.json().token;
    const me = await h.request('GET', '/api/v1/auth/me', undefined, { token });
    expect(me.json()).toMatchObject({ id: user.id, email: user.email });
    expect((await h.request('POST', '/api/v1/auth/sign-out', undefined, { token })).statusCode).toBe(200);
    const after = await h.request('GET', '/api/v1/auth/me', undefined, { token });
    expect(after.statusCode).toBe(401);
    // the other session of the same user is untouched
    expect((await h.request('GET', '/api/v1/auth/me', undefined, { token: user.token })).statusCode).toBe(
      200,
    );
  });

  test('an expired session is refused with a message saying so', async () => {
    const user = await h.signUp('expired');
    await h.services
      .sql`UPDATE sessions SET expires_at = now() - interval '1 second' WHERE user_id = ${user.id}`;
    const response = await h.request('GET', '/api/v1/auth/me', undefined, { token: user.token });
    expect(response.statusCode).toBe(401);
    expect(response.json().error.message).toMatch(/expired/);
  });
});

describe('credentials on every other route', () => {
  test.each([
    ['no Authorization header', {}],
    ['an unknown token', { authorization: 'Bearer sbs_unknown' }],
    ['a malformed header', { authorization: 'Basic dXNlcjpwYXNz' }],
    ['an empty bearer', { authorization: 'Bearer ' }],
  ])('%s is 401 UNAUTHORIZED', async (_name, headers) => {
    const response = await h.request('GET', '/api/v1/schemas', undefined, { token: null, headers });
    expect(response.statusCode).toBe(401);
    expect(response.json().error.code).toBe('UNAUTHORIZED');
  });

  test('health and the API documentation need no credentials', async () => {
    expect((await h.request('GET', '/api/v1/health', undefined, anonymous)).statusCode).toBe(200);
    expect((await h.request('GET', '/api/v1/openapi.json', undefined, anonymous)).statusCode).toBe(200);
  });
});

describe('API keys', () => {
  test('a key is shown once, works as a bearer, is listed without its secret, and dies when revoked', async () => {
    const created = await h.request('POST', '/api/v1/api-keys', { name: 'ci' });
    expect(created.statusCode).toBe(201);
    const { key, apiKey } = created.json();
    expect(key).toMatch(/^sbk_/);
    expect(apiKey).toMatchObject({ name: 'ci', scope: 'user', prefix: key.slice(0, 12), revokedAt: null });

    expect((await h.request('GET', '/api/v1/schemas', undefined, { token: key })).statusCode).toBe(200);

    const list = await h.request('GET', '/api/v1/api-keys');
    expect(list.json().items.map((k: { id: string }) => k.id)).toContain(apiKey.id);
    expect(list.body).not.toContain(key);
    const [row] = await h.services.sql`SELECT key_hash FROM api_keys WHERE id = ${apiKey.id}`;
    expect(row?.key_hash).not.toBe(key);
    expect(list.body).not.toContain(row?.key_hash);

    expect((await h.request('DELETE', `/api/v1/api-keys/${apiKey.id}`)).statusCode).toBe(200);
    expect((await h.request('GET', '/api/v1/schemas', undefined, { token: key })).statusCode).toBe(401);
    expect((await h.request('DELETE', `/api/v1/api-keys/${apiKey.id}`)).statusCode).toBe(404);
    // The log names the key on both events, so it reads without looking the key up.
    const events: { action: string; resourceId: string; details: unknown }[] = (
      await h.request('GET', '/api/v1/audit-events')
    ).json().items;
    for (const action of ['api_key.created', 'api_key.revoked']) {
      const event = events.find(
        (candidate) => candidate.action === action && candidate.resourceId === apiKey.id,
      );
      expect(event?.details).toMatchObject({ name: 'ci' });
    }
  });

  test('a worker key is refused on user routes with 403', async () => {
    const { createApiKey } = await import('../../domain/api-keys/api-keys.ts');
    const { key } = await createApiKey({
      db: h.services.db,
      origin: { requestId: 'test' },
      userId: null,
      name: 'worker',
      scope: 'worker',
    });
    const response = await h.request('GET', '/api/v1/schemas', undefined, { token: key });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('FORBIDDEN');
  });
});

describe('audit log', () => {
  test('records what the user did, readable by that user only', async () => {
    const user = await h.signUp('audited');
    const schema = await h.request(
      'POST',
      '/api/v1/schemas',
      {
        name: 'audited',
        tables: [
          { id: 't', name: 't', columns: [{ id: 'c', name: 'id', dataType: 'INT', primaryKey: true }] },
        ],
      },
      { token: user.token },
    );
    await h.request('DELETE', `/api/v1/schemas/${schema.json().id}`, undefined, { token: user.token });
    const events = await h.request('GET', '/api/v1/audit-events', undefined, { token: user.token });
    expect(events.json().items.map((e: { action: string }) => e.action)).toEqual([
      'schema.deleted',
      'schema.created',
      'auth.signed_up',
    ]);
    const theirs = await h.request('GET', '/api/v1/audit-events');
    expect(theirs.json().items.map((e: { resourceId: string }) => e.resourceId)).not.toContain(
      schema.json().id,
    );
  });
});

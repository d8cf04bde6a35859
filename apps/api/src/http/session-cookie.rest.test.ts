import { randomUUID } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Harness } from '../test/harness.test-support.ts';
import { startHarness } from '../test/harness.test-support.ts';
import { SESSION_COOKIE } from './session-cookie.ts';

/** Requests reach the API from this proxy (declared trusted) or from elsewhere. */
const TRUSTED_PROXY = '10.0.0.7';
const STRANGER = '192.0.2.44';
/** The app's own address, as the browser sees it. */
const HOST = 'app.example';
const APP = { host: HOST, origin: `http://${HOST}` };
const EVIL = { host: HOST, origin: 'https://evil.example' };

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ TRUST_PROXY: TRUSTED_PROXY });
});
afterAll(() => h.close());

interface Inject {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  url: string;
  headers?: Record<string, string>;
  payload?: string;
  remoteAddress?: string;
}

function send({ method = 'GET', url, headers = {}, payload, remoteAddress = STRANGER }: Inject) {
  return h.app.inject({ method, url, headers, remoteAddress, ...(payload === undefined ? {} : { payload }) });
}

const json = (body: unknown) => ({ 'content-type': 'application/json', payload: JSON.stringify(body) });

/** Signs a new account in through the browser-session route; answers the response and the cookie. */
async function browserSignIn(headers: Record<string, string> = APP, remoteAddress?: string) {
  const user = await h.signUp('browser');
  const { 'content-type': contentType, payload } = json({ email: user.email, password: user.password });
  const response = await send({
    method: 'POST',
    url: '/api/v1/auth/browser/sign-in',
    headers: { ...headers, 'content-type': contentType },
    payload,
    ...(remoteAddress ? { remoteAddress } : {}),
  });
  return { user, response, cookie: sessionCookieOf(response) };
}

function sessionCookieOf(response: LightMyRequestResponse) {
  return response.cookies.find((cookie) => cookie.name === SESSION_COOKIE);
}

const cookieHeader = (value: string) => ({ cookie: `${SESSION_COOKIE}=${value}` });

async function designCount(userId: string): Promise<number> {
  const [row] = await h.services.sql`SELECT count(*)::int AS n FROM schemas WHERE owner_id = ${userId}`;
  return Number(row?.n);
}

describe('a browser session lives in a cookie', () => {
  test('browser sign-in sets an HttpOnly, SameSite=Lax, Path=/ cookie and answers no token', async () => {
    const { user, response, cookie } = await browserSignIn();
    expect(response.statusCode, response.body).toBe(200);
    expect(cookie).toMatchObject({
      httpOnly: true,
      sameSite: 'Lax',
      path: '/',
      maxAge: h.services.config.SESSION_TTL_HOURS * 3600,
    });
    expect(cookie?.secure).toBeUndefined();
    expect(cookie?.value).toMatch(/^sbs_/);
    expect(response.json()).toEqual({ user: expect.objectContaining({ id: user.id, email: user.email }) });
    expect(response.body).not.toContain(cookie?.value);
    expect(response.body).not.toMatch(/token/i);
  });

  test('browser sign-up creates the account, sets the cookie and answers no token', async () => {
    const email = `new-${randomUUID()}@example.test`;
    const response = await send({
      method: 'POST',
      url: '/api/v1/auth/browser/sign-up',
      headers: { ...APP, 'content-type': 'application/json' },
      payload: JSON.stringify({ email, password: 'long enough secret', name: 'New' }),
    });
    expect(response.statusCode, response.body).toBe(201);
    const cookie = sessionCookieOf(response);
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(response.json()).toEqual({ user: expect.objectContaining({ email, name: 'New' }) });
    expect(response.body).not.toMatch(/token|sbs_/);
  });

  test('the cookie is Secure when a trusted proxy says the request came over HTTPS', async () => {
    const { cookie } = await browserSignIn(
      { ...APP, origin: `https://${HOST}`, 'x-forwarded-proto': 'https' },
      TRUSTED_PROXY,
    );
    expect(cookie).toMatchObject({ secure: true, httpOnly: true, sameSite: 'Lax' });
  });

  test('an untrusted client saying X-Forwarded-Proto: https does not make it Secure', async () => {
    const { response, cookie } = await browserSignIn({ ...APP, 'x-forwarded-proto': 'https' }, STRANGER);
    expect(response.statusCode, response.body).toBe(200);
    expect(cookie?.secure).toBeUndefined();
  });

  test('the cookie authenticates REST and tRPC reads and the app’s own writes', async () => {
    const { user, cookie } = await browserSignIn();
    const session = cookieHeader(cookie?.value ?? '');
    const me = await send({ url: '/api/v1/auth/me', headers: session });
    expect(me.statusCode, me.body).toBe(200);
    expect(me.json()).toMatchObject({ id: user.id });
    const trpcMe = await send({ url: '/trpc/auth.me', headers: session });
    expect(trpcMe.json()).toMatchObject({ result: { data: { id: user.id } } });

    const write = await send({
      method: 'POST',
      url: '/api/v1/schemas',
      headers: { ...session, ...APP, 'content-type': 'application/json' },
      payload: JSON.stringify({ name: 'from-the-app', tables: [] }),
    });
    expect(write.statusCode, write.body).toBe(201);
    const fetchMetadata = await send({
      method: 'POST',
      url: '/trpc/schemas.create',
      headers: { ...session, 'sec-fetch-site': 'same-origin', 'content-type': 'application/json' },
      payload: JSON.stringify({ name: 'fetch-metadata', tables: [] }),
    });
    expect(fetchMetadata.statusCode, fetchMetadata.body).toBe(200);
    expect(await designCount(user.id)).toBe(2);
  });

  test('sign-out revokes the session and clears the cookie', async () => {
    const { cookie } = await browserSignIn();
    const session = cookieHeader(cookie?.value ?? '');
    const signOut = await send({
      method: 'POST',
      url: '/trpc/auth.signOut',
      headers: { ...session, ...APP, 'content-type': 'application/json' },
    });
    expect(signOut.statusCode, signOut.body).toBe(200);
    const cleared = sessionCookieOf(signOut);
    expect(cleared?.value).toBe('');
    expect(cleared?.expires?.getTime()).toBeLessThanOrEqual(Date.now());
    const after = await send({ url: '/api/v1/auth/me', headers: session });
    expect(after.statusCode).toBe(401);
    expect(after.json().error.message).toMatch(/sign in again/);
  });

  test('an API key is not accepted as a cookie', async () => {
    const created = await h.request('POST', '/api/v1/api-keys', { name: 'not a cookie' });
    const me = await send({ url: '/api/v1/auth/me', headers: cookieHeader(created.json().key) });
    expect(me.statusCode).toBe(401);
  });
});

describe('writes signed in by the cookie must come from the app', () => {
  test('a cross-site form post is refused with 403 and changes nothing', async () => {
    const { user, cookie } = await browserSignIn();
    const response = await send({
      method: 'POST',
      url: '/api/v1/schemas',
      headers: {
        ...cookieHeader(cookie?.value ?? ''),
        ...EVIL,
        'sec-fetch-site': 'cross-site',
        'content-type': 'application/x-www-form-urlencoded',
      },
      payload: 'name=evil&tables=',
    });
    expect(response.statusCode).toBe(403);
    expect(response.json().error).toMatchObject({
      code: 'FORBIDDEN',
      message: expect.stringMatching(/Origin/),
    });
    expect(await designCount(user.id)).toBe(0);
  });

  test.each([
    ['another Origin', { origin: 'https://evil.example' }],
    [
      'another Origin claiming same-origin',
      { origin: 'https://evil.example', 'sec-fetch-site': 'same-origin' },
    ],
    ['the opaque Origin of a sandboxed page', { origin: 'null' }],
    ['Sec-Fetch-Site: cross-site', { 'sec-fetch-site': 'cross-site' }],
    ['Sec-Fetch-Site: same-site', { 'sec-fetch-site': 'same-site' }],
    ['neither header', {}],
  ])('a tRPC mutation with %s is refused', async (_name, headers) => {
    const { user, cookie } = await browserSignIn();
    const response = await send({
      method: 'POST',
      url: '/trpc/schemas.create',
      headers: {
        ...cookieHeader(cookie?.value ?? ''),
        host: HOST,
        'content-type': 'application/json',
        ...headers,
      },
      payload: JSON.stringify({ name: 'refused', tables: [] }),
    });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('FORBIDDEN');
    expect(await designCount(user.id)).toBe(0);
  });

  test('DELETE is guarded like POST; reads from anywhere still answer', async () => {
    const { user, cookie } = await browserSignIn();
    const session = cookieHeader(cookie?.value ?? '');
    const own = await send({
      method: 'POST',
      url: '/api/v1/schemas',
      headers: { ...session, ...APP, 'content-type': 'application/json' },
      payload: JSON.stringify({ name: 'mine', tables: [] }),
    });
    const id: string = own.json().id;
    const remove = await send({
      method: 'DELETE',
      url: `/api/v1/schemas/${id}`,
      headers: { ...session, ...EVIL },
    });
    expect(remove.statusCode).toBe(403);
    expect(await designCount(user.id)).toBe(1);
    const read = await send({ url: `/api/v1/schemas/${id}`, headers: { ...session, ...EVIL } });
    expect(read.statusCode).toBe(200);
  });

  test('another site cannot start a browser session (no sign-in by a forged form)', async () => {
    const { response, cookie } = await browserSignIn(EVIL);
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('FORBIDDEN');
    expect(cookie).toBeUndefined();
  });

  test('bearer tokens are unaffected: a cross-origin API client still writes', async () => {
    const response = await send({
      method: 'POST',
      url: '/api/v1/schemas',
      headers: { authorization: `Bearer ${h.user.token}`, ...EVIL, 'content-type': 'application/json' },
      payload: JSON.stringify({ name: `bearer-${randomUUID()}`, tables: [] }),
    });
    expect(response.statusCode, response.body).toBe(201);
  });

  test('the bearer header takes precedence over a cookie', async () => {
    const { cookie } = await browserSignIn();
    const me = await send({
      url: '/api/v1/auth/me',
      headers: { ...cookieHeader(cookie?.value ?? ''), authorization: `Bearer ${h.user.token}` },
    });
    expect(me.json()).toMatchObject({ id: h.user.id });
  });
});

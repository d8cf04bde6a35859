import { blogDesign } from '@schema-builder/testing/fixtures';
import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Harness } from '../test/harness.test-support.ts';
import { startHarness } from '../test/harness.test-support.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

async function createDesign(name: string): Promise<string> {
  const response = await h.request('POST', '/api/v1/schemas', { ...blogDesign, name });
  expect(response.statusCode, response.body).toBe(201);
  expect(response.headers.etag).toBe('"v1"');
  return response.json().id;
}

const get = (id: string, headers: Record<string, string> = {}) =>
  h.request('GET', `/api/v1/schemas/${id}`, undefined, { headers });

const put = (id: string, body: Record<string, unknown>, headers: Record<string, string> = {}) =>
  h.request('PUT', `/api/v1/schemas/${id}`, { ...blogDesign, ...body }, { headers });

describe('GET of a design: ETag and If-None-Match', () => {
  test('the ETag is its version; If-None-Match with it answers 304 without a body', async () => {
    const id = await createDesign('etag-get');
    const first = await get(id);
    expect(first.statusCode).toBe(200);
    expect(first.headers.etag).toBe('"v1"');

    const again = await get(id, { 'if-none-match': '"v1"' });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    expect(again.headers.etag).toBe('"v1"');
    // Weak comparison, lists and * (RFC 9110 §13.1.2).
    expect((await get(id, { 'if-none-match': 'W/"v1"' })).statusCode).toBe(304);
    expect((await get(id, { 'if-none-match': '"v0", "v1"' })).statusCode).toBe(304);
    expect((await get(id, { 'if-none-match': '*' })).statusCode).toBe(304);
  });

  test('a new version changes the ETag: the old one gets the full body again', async () => {
    const id = await createDesign('etag-stale');
    const saved = await put(id, { name: 'etag-stale', description: 'v2', expectedVersion: 1 });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.headers.etag).toBe('"v2"');
    const stale = await get(id, { 'if-none-match': '"v1"' });
    expect(stale.statusCode).toBe(200);
    expect(stale.headers.etag).toBe('"v2"');
    expect(stale.json()).toMatchObject({ version: 2, description: 'v2' });
  });

  test("another user's design is 404 with any If-None-Match, never 304", async () => {
    const id = await createDesign('etag-private');
    const stranger = await h.signUp('etag-stranger');
    for (const tag of ['"v1"', '*']) {
      const response = await h.request('GET', `/api/v1/schemas/${id}`, undefined, {
        token: stranger.token,
        headers: { 'if-none-match': tag },
      });
      expect(response.statusCode).toBe(404);
      expect(response.headers.etag).toBeUndefined();
      expect(response.json().error.code).toBe('SCHEMA_NOT_FOUND');
    }
  });

  test('without credentials a conditional GET is 401, not 304', async () => {
    const id = await createDesign('etag-anonymous');
    const response = await h.request('GET', `/api/v1/schemas/${id}`, undefined, {
      token: null,
      headers: { 'if-none-match': '"v1"' },
    });
    expect(response.statusCode).toBe(401);
  });
});

describe('PUT of a design: If-Match instead of expectedVersion', () => {
  test('If-Match with the current ETag saves the next version', async () => {
    const id = await createDesign('if-match');
    const saved = await put(id, { name: 'if-match', description: 'v2' }, { 'if-match': '"v1"' });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().version).toBe(2);
    expect(saved.headers.etag).toBe('"v2"');
  });

  test('a stale If-Match is 412 PRECONDITION_FAILED at If-Match and changes nothing', async () => {
    const id = await createDesign('if-match-stale');
    await put(id, { name: 'if-match-stale', description: 'v2' }, { 'if-match': '"v1"' });
    const stale = await put(id, { name: 'if-match-stale', description: 'lost' }, { 'if-match': '"v1"' });
    expect(stale.statusCode).toBe(412);
    expect(stale.json().error).toMatchObject({
      code: 'PRECONDITION_FAILED',
      details: [{ path: 'If-Match', code: 'PRECONDITION_FAILED' }],
    });
    expect((await get(id)).json()).toMatchObject({ version: 2, description: 'v2' });
  });

  test.each([
    ['a weak tag (never matches for If-Match)', 'W/"v1"', 412],
    ['a tag that is not a version', '"h1234"', 412],
    ['a list without the current version', '"v7", "v8"', 412],
    ['a list with the current version', '"v7", "v1"', 200],
    ['*', '*', 200],
  ])('If-Match %s: %i', async (_name, ifMatch, status) => {
    const id = await createDesign(`if-match-${status}-${ifMatch.length}-${ifMatch.charCodeAt(0)}`);
    const response = await put(id, { name: `renamed-${id}` }, { 'if-match': ifMatch });
    expect(response.statusCode, response.body).toBe(status);
    expect((await get(id)).json().version).toBe(status === 200 ? 2 : 1);
  });

  test('If-Match and expectedVersion must agree', async () => {
    const id = await createDesign('if-match-both');
    const disagree = await put(id, { name: 'if-match-both', expectedVersion: 2 }, { 'if-match': '"v1"' });
    expect(disagree.statusCode).toBe(412);
    expect(disagree.json().error.code).toBe('PRECONDITION_FAILED');
    const agree = await put(
      id,
      { name: 'if-match-both', description: 'x', expectedVersion: 1 },
      { 'if-match': '"v1"' },
    );
    expect(agree.statusCode, agree.body).toBe(200);
  });

  test('If-Match on a design that does not exist (or is not yours) is 404, as without it', async () => {
    const missing = '00000000-0000-4000-8000-000000000000';
    for (const ifMatch of ['"v1"', '*']) {
      const response = await put(missing, { name: 'nobody' }, { 'if-match': ifMatch });
      expect(response.statusCode).toBe(404);
      expect(response.json().error.code).toBe('SCHEMA_NOT_FOUND');
    }
  });

  test('without If-Match, a stale expectedVersion is still 409 VERSION_CONFLICT, and a missing one 422', async () => {
    const id = await createDesign('expected-version');
    await put(id, { name: 'expected-version', description: 'v2', expectedVersion: 1 });
    const stale = await put(id, { name: 'expected-version', description: 'lost', expectedVersion: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({
      code: 'VERSION_CONFLICT',
      details: [{ path: 'expectedVersion' }],
    });
    const missing = await put(id, { name: 'expected-version' });
    expect(missing.statusCode).toBe(422);
  });

  test('over tRPC expectedVersion works as before: a stale one is CONFLICT with VERSION_CONFLICT', async () => {
    const caller = h.caller();
    const created = await caller.schemas.create({ ...blogDesign, name: 'trpc-expected-version' });
    await caller.schemas.update({
      ...blogDesign,
      name: 'trpc-expected-version',
      id: created.id,
      expectedVersion: 1,
    });
    const saved = await caller.schemas.update({
      ...blogDesign,
      name: 'trpc-expected-version',
      description: 'v2',
      id: created.id,
      expectedVersion: 1,
    });
    expect(saved.version).toBe(2);
    const stale = await caller.schemas
      .update({
        ...blogDesign,
        name: 'trpc-expected-version',
        description: 'lost',
        id: created.id,
        expectedVersion: 1,
      })
      .catch((error: unknown) => error);
    expect(stale).toBeInstanceOf(TRPCError);
    expect((stale as TRPCError).code).toBe('CONFLICT');
    expect((stale as TRPCError).cause).toMatchObject({ code: 'VERSION_CONFLICT' });
  });
});

describe('other single resources', () => {
  test('a connection is tagged by a digest of its body: 304 until it changes', async () => {
    const created = await h.request('POST', '/api/v1/connections', {
      name: 'etag-db',
      type: 'mysql',
      host: 'db.example.test',
      password: 'a secret',
    });
    const url = `/api/v1/connections/${created.json().id}`;
    const first = await h.request('GET', url);
    const etag = first.headers.etag;
    expect(etag).toMatch(/^"h[\w-]{27}"$/);
    const again = await h.request('GET', url, undefined, { headers: { 'if-none-match': String(etag) } });
    expect(again.statusCode).toBe(304);
    await h.request('PATCH', url, { description: 'changed' });
    const changed = await h.request('GET', url, undefined, { headers: { 'if-none-match': String(etag) } });
    expect(changed.statusCode).toBe(200);
    expect(changed.headers.etag).not.toBe(etag);
    expect(changed.json().description).toBe('changed');
  });

  test('lists send no ETag', async () => {
    const list = await h.request('GET', '/api/v1/schemas');
    expect(list.statusCode).toBe(200);
    expect(list.headers.etag).toBeUndefined();
  });
});

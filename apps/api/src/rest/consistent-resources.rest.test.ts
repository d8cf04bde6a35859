import { blogDesign } from '@schema-builder/testing/fixtures';
import type { TestDatabase } from '@schema-builder/testing/postgres';
import { createTestDatabase } from '@schema-builder/testing/postgres';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Harness } from '../test/harness.test-support.ts';
import { startHarness, testServerCoordinates } from '../test/harness.test-support.ts';
import { appRouter } from '../trpc/root.ts';
import { buildOpenApiDocument } from './openapi.ts';
import { REST_PREFIX, restRoutes } from './routes.ts';

/**
 * One way to create and one way to list, everywhere: every create answers 201 with a `Location`
 * that reads what was created; every list pages by cursor with `limit`, in one envelope.
 */
let h: Harness;
let source: TestDatabase;
let schemaId: string;
let connectionId: string;

const design = (name: string) => ({ ...blogDesign, name });

beforeAll(async () => {
  source = await createTestDatabase('sbpages');
  await source.sql.unsafe(`
    CREATE TABLE authors (id serial PRIMARY KEY, name text NOT NULL, born date);
    CREATE TABLE books (id serial PRIMARY KEY, title text NOT NULL);
    CREATE TABLE drafts (id integer PRIMARY KEY);
    CREATE VIEW titles AS SELECT title FROM books;`);
  h = await startHarness({ CONNECTIONS_ALLOWED_HOSTS: '127.0.0.1/32' });
  for (const name of ['page-a', 'page-b', 'page-c', 'page-d', 'page-e']) {
    const created = await h.request('POST', '/api/v1/schemas', design(name));
    schemaId = created.json().id;
    // A database per design, requested and left pending (no worker runs here).
    expect((await h.request('POST', `/api/v1/schemas/${schemaId}/database`)).statusCode).toBe(202);
  }
  for (const description of ['v2', 'v3', 'v4']) {
    const version = (await h.request('GET', `/api/v1/schemas/${schemaId}`)).json().version;
    await h.request('PUT', `/api/v1/schemas/${schemaId}`, {
      ...design('page-e'),
      description,
      expectedVersion: version,
    });
  }
  for (const name of ['key-1', 'key-2', 'key-3']) await h.request('POST', '/api/v1/api-keys', { name });
  for (const name of ['other-1', 'other-2']) {
    await h.request('POST', '/api/v1/connections', { name, type: 'mysql', host: 'db.example.test' });
  }
  const connection = await h.request('POST', '/api/v1/connections', {
    name: 'library',
    type: 'postgresql',
    ...testServerCoordinates(source.name),
  });
  connectionId = connection.json().id;
  for (let sync = 0; sync < 3; sync++) {
    const synced = await h.request('POST', `/api/v1/connections/${connectionId}/sync`);
    expect(synced.statusCode, synced.body).toBe(200);
  }
});
afterAll(async () => {
  await h.close();
  await source.drop();
});

/** Every list of the REST API, by its route, with a URL that has more than two items (but one). */
const LISTS: Record<string, () => string> = {
  'schemas.list': () => '/api/v1/schemas?search=page-',
  'schemas.versions': () => `/api/v1/schemas/${schemaId}/versions`,
  'connections.list': () => '/api/v1/connections',
  'apiKeys.list': () => '/api/v1/api-keys',
  'databases.list': () => '/api/v1/databases',
  'audit.list': () => '/api/v1/audit-events',
  'catalog.syncs': () => `/api/v1/connections/${connectionId}/syncs`,
  'catalog.databases': () => `/api/v1/connections/${connectionId}/databases`,
  'catalog.tables': () => `/api/v1/connections/${connectionId}/databases/${source.name}/tables`,
  'catalog.columns': () =>
    `/api/v1/connections/${connectionId}/databases/${source.name}/tables/authors/columns`,
};

const withQuery = (url: string, query: string) => `${url}${url.includes('?') ? '&' : '?'}${query}`;

async function page(url: string) {
  const response = await h.request('GET', url);
  expect(response.statusCode, response.body).toBe(200);
  const body = response.json();
  expect(Object.keys(body).sort()).toEqual(['items', 'nextCursor']);
  return body as { items: unknown[]; nextCursor: string | null };
}

/** All items of a list, page by page, following `nextCursor` until it is null. */
async function walk(url: string, limit: number, from: string | null = null): Promise<unknown[]> {
  const items: unknown[] = [];
  let cursor = from;
  for (let pages = 0; pages < 100; pages++) {
    const current = await page(withQuery(url, `limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`));
    expect(current.items.length).toBeLessThanOrEqual(limit);
    items.push(...current.items);
    cursor = current.nextCursor;
    if (cursor === null) return items;
    expect(current.items).toHaveLength(limit);
  }
  throw new Error(`${url} did not end`);
}

describe.each(Object.keys(LISTS))('GET list %s', (procedure) => {
  const url = () => LISTS[procedure]?.() ?? '';

  test('a walk in pages of 2 gives every item exactly once, in the order of one big page', async () => {
    const all = await page(withQuery(url(), 'limit=100'));
    expect(all.nextCursor).toBeNull();
    // A connection to one database sees one database.
    expect(all.items.length).toBeGreaterThan(procedure === 'catalog.databases' ? 0 : 2);
    expect(await walk(url(), 2)).toEqual(all.items);
  });

  test('the default page holds at most 20, and the last page says so with a null cursor', async () => {
    const first = await page(url());
    expect(first.items.length).toBeLessThanOrEqual(20);
    expect(first.nextCursor).toBeNull();
  });

  test.each([
    ['limit=0', 'limit'],
    ['limit=101', 'limit'],
    ['limit=ten', 'limit'],
    ['cursor=bm90IGEgY3Vyc29y', 'cursor'],
    ['cursor=%7B%7D', 'cursor'],
  ])('%s is refused with 422 at %s', async (query, path) => {
    const response = await h.request('GET', withQuery(url(), query));
    expect(response.statusCode, response.body).toBe(422);
    expect(response.json().error).toMatchObject({ code: 'VALIDATION_ERROR', details: [{ path }] });
  });
});

describe('every list', () => {
  test('is paginated: each GET route answering `items` is in the table above', () => {
    const document = buildOpenApiDocument(appRouter, 'test');
    const components = document.components?.schemas ?? {};
    const listing = restRoutes(appRouter).filter((route) => {
      if (route.method !== 'GET') return false;
      const success = document.paths?.[route.openapiPath]?.get?.responses?.['200'] as
        | { content?: Record<string, { schema?: { $ref?: string; properties?: object } }> }
        | undefined;
      let schema = success?.content?.['application/json']?.schema;
      const ref = schema?.$ref?.split('/').at(-1);
      if (ref) schema = components[ref] as typeof schema;
      return schema?.properties !== undefined && 'items' in schema.properties;
    });
    expect(listing.map((route) => route.procedure).sort()).toEqual(Object.keys(LISTS).sort());
  });

  test('a cursor of one list is refused by another', async () => {
    const keys = await page('/api/v1/api-keys?limit=1');
    const response = await h.request('GET', `/api/v1/connections?cursor=${keys.nextCursor}`);
    expect(response.statusCode).toBe(422);
    expect(response.json().error.details[0].path).toBe('cursor');
  });

  test('a page stays put when items are added before it (keyset, not offset)', async () => {
    const first = await page('/api/v1/schemas?search=page-&sort=name&limit=2');
    await h.request('POST', '/api/v1/schemas', design('page-0 added first'));
    const rest = await walk('/api/v1/schemas?search=page-&sort=name', 2, first.nextCursor);
    const names = [...first.items, ...rest].map((item) => (item as { name: string }).name);
    expect(names).toEqual(['page-a', 'page-b', 'page-c', 'page-d', 'page-e']);
  });

  test('over tRPC too: the same input and envelope', async () => {
    const caller = h.caller();
    const first = await caller.apiKeys.list({ limit: 2 });
    expect(first.items).toHaveLength(2);
    const second = await caller.apiKeys.list({ limit: 2, cursor: first.nextCursor ?? undefined });
    const all = await caller.apiKeys.list({ limit: 100 });
    expect([...first.items, ...second.items]).toEqual(all.items);
    await expect(caller.connections.list({ cursor: 'garbage' })).rejects.toMatchObject({
      code: 'UNPROCESSABLE_CONTENT',
    });
  });
});

describe('every create', () => {
  /** Each create of the REST API: its request, and what its `Location` must answer. */
  interface Create {
    url: string;
    body: unknown;
    headers?: Record<string, string>;
    /** What reading the Location gives, from what the create answered. */
    reads: (created: never) => object;
  }
  const CREATES: Record<string, () => Create> = {
    'schemas.create': () => ({
      url: '/api/v1/schemas',
      body: design('located'),
      reads: (created: { id: string }) => ({ id: created.id, version: 1 }),
    }),
    'schemas.import': () => ({
      url: '/api/v1/schemas/import',
      body: { connectionId, name: 'imported library' },
      // The version it saved (version 1 of a new design here).
      reads: (created: { schema: { version: number; definition: object } }) => ({
        version: created.schema.version,
        definition: created.schema.definition,
      }),
    }),
    'connections.create': () => ({
      url: '/api/v1/connections',
      body: { name: 'located', type: 'mysql', host: 'db.example.test' },
      reads: (created: object) => created,
    }),
    'apiKeys.create': () => ({
      url: '/api/v1/api-keys',
      body: { name: 'located' },
      reads: (created: { apiKey: object }) => created.apiKey,
    }),
    'auth.signUp': () => ({
      url: '/api/v1/auth/sign-up',
      body: { email: `located-${crypto.randomUUID()}@example.test`, password: 'long enough secret' },
      reads: (created: { user: object }) => created.user,
    }),
    // From a page of the app (it refuses other sites); the session is in the cookie it sets.
    'auth.browserSignUp': () => ({
      url: '/api/v1/auth/browser/sign-up',
      body: { email: `located-${crypto.randomUUID()}@example.test`, password: 'long enough secret' },
      headers: { 'sec-fetch-site': 'same-origin' },
      reads: (created: { user: object }) => created.user,
    }),
  };

  test('the table above is every route answering 201', () => {
    const creating = restRoutes(appRouter).filter((route) => route.successStatus === 201);
    expect(creating.map((route) => route.procedure).sort()).toEqual(Object.keys(CREATES).sort());
  });

  test.each(Object.keys(CREATES))('%s answers 201 with a Location that reads it', async (procedure) => {
    const create = CREATES[procedure]?.();
    if (!create) throw new Error('listed above');
    const response = await h.request('POST', create.url, create.body, {
      ...(create.headers ? { headers: create.headers } : {}),
    });
    expect(response.statusCode, response.body).toBe(201);
    const location = response.headers.location;
    expect(location).toEqual(expect.stringMatching(new RegExp(`^${REST_PREFIX}/`)));
    const created = response.json();
    // Signing up signs the new user in: read it back with the token it answered, or its cookie.
    const token = procedure === 'auth.signUp' ? created.token : undefined;
    const cookie = response.cookies.find((candidate) => candidate.name === 'sb_session');
    const read = await h.request(
      'GET',
      String(location),
      undefined,
      token ? { token } : cookie ? { token: null, headers: { cookie: `sb_session=${cookie.value}` } } : {},
    );
    expect(read.statusCode, read.body).toBe(200);
    expect(read.json()).toMatchObject(create.reads(created as never));
  });

  test('queued work answers 202 with the Location of its status', async () => {
    const created = (await h.request('POST', '/api/v1/schemas', design('queued'))).json();
    const response = await h.request('POST', `/api/v1/schemas/${created.id}/database`);
    expect(response.statusCode).toBe(202);
    expect(response.headers.location).toBe(`${REST_PREFIX}/schemas/${created.id}/database/status`);
    const status = await h.request('GET', String(response.headers.location));
    expect(status.json()).toMatchObject({ id: response.json().id, status: 'pending' });
  });

  test('over tRPC, a create answers the same resource its Location reads', async () => {
    const connection = await h
      .caller()
      .connections.create({ name: 'over trpc', type: 'mysql', host: 'db.example.test' });
    const read = await h.request('GET', `/api/v1/connections/${connection.id}`);
    expect(read.json()).toEqual(connection);
    const key = await h.caller().apiKeys.create({ name: 'over trpc' });
    expect(await h.caller().apiKeys.get({ id: key.apiKey.id })).toEqual(key.apiKey);
  });
});

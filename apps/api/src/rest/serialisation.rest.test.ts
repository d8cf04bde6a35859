import { blogDesign } from '@schema-builder/testing/fixtures';
import type { TestDatabase } from '@schema-builder/testing/postgres';
import { createTestDatabase } from '@schema-builder/testing/postgres';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { z } from 'zod';
import type { Harness } from '../test/harness.test-support.ts';
import { startHarness, testServerCoordinates } from '../test/harness.test-support.ts';
import { procedureAt } from '../trpc/procedures.ts';
import { appRouter } from '../trpc/root.ts';
import { REST_PREFIX, restRoutes } from './routes.ts';

/**
 * GET bodies are written by a serialiser compiled from each procedure's output schema
 * (fast-json-stringify) instead of JSON.stringify. Before, a body was JSON.stringify of the output
 * schema's parse; these tests hold every GET route to the same JSON value, with data in every
 * field the fixtures can fill.
 */

interface Owned {
  schemaId: string;
  apiKeyId: string;
  connectionId: string;
  database: string;
}

/** Every GET route's input (its URL is built from it); a new GET route fails until listed. */
const INPUTS: Record<string, (owned: Owned) => Record<string, string | number>> = {
  'apiKeys.list': () => ({}),
  'apiKeys.get': (o) => ({ id: o.apiKeyId }),
  'audit.list': () => ({}),
  'auth.me': () => ({}),
  'catalog.syncs': (o) => ({ id: o.connectionId }),
  'catalog.databases': (o) => ({ id: o.connectionId }),
  'catalog.tables': (o) => ({ id: o.connectionId, database: o.database }),
  'catalog.columns': (o) => ({ id: o.connectionId, database: o.database, table: 'books' }),
  'catalog.column': (o) => ({ id: o.connectionId, database: o.database, table: 'books', column: 'title' }),
  'connections.list': () => ({}),
  'connections.get': (o) => ({ id: o.connectionId }),
  'dashboard.summary': () => ({}),
  'databases.status': (o) => ({ id: o.schemaId }),
  'databases.credentials': (o) => ({ id: o.schemaId }),
  'databases.list': () => ({}),
  'health.check': () => ({}),
  'health.live': () => ({}),
  'health.ready': () => ({}),
  'schemas.list': () => ({}),
  'schemas.get': (o) => ({ id: o.schemaId }),
  'schemas.diff': (o) => ({ id: o.schemaId, from: 1, to: 2 }),
  'schemas.exportSql': (o) => ({ id: o.schemaId }),
  'schemas.versions': (o) => ({ id: o.schemaId }),
  'schemas.version': (o) => ({ id: o.schemaId, version: 2 }),
};

/** Fields that change from one call to the next. */
const VOLATILE: Record<string, string[]> = {
  'health.check': ['uptimeSeconds', 'checks'],
  'health.live': ['uptimeSeconds'],
  'health.ready': ['uptimeSeconds', 'checks'],
  'databases.status': ['catalog', 'sizeBytes', 'connections'],
};

const getRoutes = restRoutes(appRouter).filter((route) => route.method === 'GET');

let h: Harness;
let source: TestDatabase;
let owned: Owned;

beforeAll(async () => {
  source = await createTestDatabase('sbserial');
  await source.sql.unsafe(`
    CREATE TABLE books (id serial PRIMARY KEY, title varchar(100) NOT NULL DEFAULT 'untitled');
    COMMENT ON COLUMN books.title IS 'as printed, "quoted" and \\ escaped';`);
  h = await startHarness({ CONNECTIONS_ALLOWED_HOSTS: '127.0.0.1/32' });
  const schema = await h.caller().schemas.create({ ...blogDesign, name: 'serialised' });
  await h.caller().schemas.update({
    ...blogDesign,
    name: 'serialised',
    description: 'a "second" version — with ünïcode and \u2028',
    id: schema.id,
    expectedVersion: 1,
    changeNote: 'v2',
  });
  const apiKey = await h.request('POST', '/api/v1/api-keys', { name: 'a key' });
  const apiKeyId: string = apiKey.json().apiKey.id;
  const connection = await h.request('POST', '/api/v1/connections', {
    name: 'library',
    type: 'postgresql',
    ...testServerCoordinates(source.name),
  });
  const connectionId: string = connection.json().id;
  const synced = await h.request('POST', `/api/v1/connections/${connectionId}/sync`);
  expect(synced.statusCode, synced.body).toBe(200);
  await readyDatabase(schema.id);
  owned = { schemaId: schema.id, apiKeyId, connectionId, database: source.name };
});
afterAll(async () => {
  await h.close();
  await source.drop();
});

/** Requests the design's database and plays the worker's part (claim, complete) over /trpc. */
async function readyDatabase(schemaId: string): Promise<void> {
  const requested = await h.request('POST', `/api/v1/schemas/${schemaId}/database`);
  expect(requested.statusCode, requested.body).toBe(202);
  const token = await h.createWorkerKey();
  const claimed = await h.request('POST', '/trpc/worker.claim', { waitMs: 5000 }, { token });
  const jobId: unknown = claimed.json().result.data.job?.jobId;
  expect(jobId, 'a claimed job').toEqual(expect.any(String));
  const completed = await h.request('POST', '/trpc/worker.complete', { jobId }, { token });
  expect(completed.statusCode, completed.body).toBe(200);
}

/** Path parameters in the path, the rest in the query string. */
function urlOf(openapiPath: string, input: Record<string, string | number>): string {
  const query = new URLSearchParams();
  const path = openapiPath.replace(/\{(\w+)\}/g, (_, name: string) =>
    encodeURIComponent(String(input[name])),
  );
  for (const [name, value] of Object.entries(input))
    if (!openapiPath.includes(`{${name}}`)) query.set(name, String(value));
  return `${REST_PREFIX}${path}${query.size > 0 ? `?${query}` : ''}`;
}

function withoutVolatile(procedure: string, value: unknown): unknown {
  const volatile = VOLATILE[procedure];
  if (!volatile || typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(Object.entries(value).filter(([key]) => !volatile.includes(key)));
}

async function callProcedure(path: string, input: unknown): Promise<unknown> {
  let target: unknown = h.caller();
  for (const segment of path.split('.')) target = (target as Record<string, unknown>)[segment];
  if (typeof target !== 'function') throw new Error(`no procedure at ${path}`);
  return target(input);
}

test('every GET route has an input here', () => {
  expect(getRoutes.map((route) => route.procedure).sort()).toEqual(Object.keys(INPUTS).sort());
});

describe.each(getRoutes.map((route) => [route.procedure, route] as const))(
  'GET of %s',
  (procedure, route) => {
    test('the body is the JSON of its output schema parse, and of what tRPC returns', async () => {
      const input = INPUTS[procedure]?.(owned) ?? {};
      const response = await h.request('GET', urlOf(route.openapiPath, input));
      expect(response.statusCode, response.body).toBe(200);
      const { output } = procedureAt(appRouter, procedure);
      if (!(output instanceof z.ZodType)) throw new Error(`${procedure} has no output schema`);
      const body: unknown = JSON.parse(response.body);
      // The same JSON value (a nested design document may list its optional keys in another order).
      expect(body).toStrictEqual(JSON.parse(JSON.stringify(output.parse(body))));
      const viaTrpc = await callProcedure(procedure, route.voidInput ? undefined : input);
      expect(withoutVolatile(procedure, body)).toStrictEqual(
        withoutVolatile(procedure, JSON.parse(JSON.stringify(viaTrpc))),
      );
    });
  },
);

test('values the schema does not describe in detail (a stored design) are written as stored', async () => {
  const response = await h.request('GET', `/api/v1/schemas/${owned.schemaId}`);
  expect(response.json().definition.tables).toEqual(blogDesign.tables);
  expect(response.json().description).toBe('a "second" version — with ünïcode and \u2028');
});

test('a design document is written as PostgreSQL stores it, not parsed and serialised again', async () => {
  const response = await h.request('GET', `/api/v1/schemas/${owned.schemaId}`);
  const [stored] = await h.services.sql<Array<{ text: string }>>`
    SELECT definition::text AS text FROM schemas WHERE id = ${owned.schemaId}`;
  expect(response.body.endsWith(`"definition":${stored?.text}}`)).toBe(true);
});

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Harness } from '../test/harness.test-support.ts';
import { startHarness } from '../test/harness.test-support.ts';
import { EXAMPLE_IDS } from './examples.ts';
import type { OpenApiDocument, OpenApiOperation } from './openapi-operations.test-support.ts';
import { operationsOf } from './openapi-operations.test-support.ts';

/**
 * Every operation's example request, taken from the served document and sent to a live API as a
 * client would: path and query parameters from their examples, the body from its example.
 *
 * Examples refer to resources through EXAMPLE_IDS placeholders. The create examples run first and
 * make those resources (a design, a SQLite connection to shop.db, an API key, a database); each
 * placeholder is then replaced by the id of what its example created. Changes (PUT, PATCH) run
 * next, then reads and actions, then deletes, and sign-out last (it revokes the token used).
 */

type Placeholder = keyof typeof EXAMPLE_IDS;

/** The create operations, and where the id of what they made is in their answer. */
const CREATES: Record<string, { makes: Placeholder; idOf: (body: Record<string, unknown>) => unknown }> = {
  'schemas-create': { makes: 'schema', idOf: (body) => body.id },
  'connections-create': { makes: 'connection', idOf: (body) => body.id },
  'apiKeys-create': { makes: 'apiKey', idOf: (body) => (body.apiKey as { id?: unknown } | undefined)?.id },
  'databases-create': { makes: 'database', idOf: (body) => body.id },
};

/** Browsing reads what a sync stored: sync before the other reads. */
const RUN_BEFORE_READS = new Set(['catalog-sync']);

/**
 * No worker runs here: before an operation on the database, its row is put in the state a
 * finished job leaves (version 1 built, ready; failed for a retry), as the worker would have.
 */
const DATABASE_STATE: Record<string, 'ready' | 'failed'> = { 'databases-retry': 'failed' };

let h: Harness;
let sqliteDir: string;
let document: OpenApiDocument;

beforeAll(async () => {
  sqliteDir = await mkdtemp(path.join(tmpdir(), 'sb-examples-'));
  const shop = new Database(path.join(sqliteDir, 'shop.db'));
  shop.exec('CREATE TABLE customers (id INTEGER PRIMARY KEY, email TEXT NOT NULL UNIQUE)');
  shop.close();
  h = await startHarness({ CONNECTIONS_SQLITE_DIR: sqliteDir });
  document = (await h.request('GET', '/api/v1/openapi.json')).json();
});
afterAll(async () => {
  await h.close();
  await rm(sqliteDir, { recursive: true, force: true });
});

function phaseOf(method: string, operation: OpenApiOperation): number {
  if (operation.operationId === 'auth-signOut') return 5;
  if (operation.security?.length === 0 || operation.operationId in CREATES) return 0;
  if (method === 'put' || method === 'patch') return 1;
  if (RUN_BEFORE_READS.has(operation.operationId)) return 2;
  if (method === 'delete') return 4;
  return 3;
}

function isEventStream(operation: OpenApiOperation): boolean {
  const success = operation.responses['200'] as { content?: Record<string, unknown> } | undefined;
  return success?.content?.['text/event-stream'] !== undefined;
}

/** The example request of an operation, placeholders replaced; undefined while one is unresolved. */
function exampleRequest(
  route: string,
  operation: OpenApiOperation,
  ids: Partial<Record<Placeholder, string>>,
): { url: string; body: unknown } | undefined {
  const parameters = operation.parameters ?? [];
  const query = new URLSearchParams();
  let url = route;
  for (const parameter of parameters) {
    if (parameter.example === undefined) continue;
    const value = String(parameter.example);
    if (parameter.in === 'path') url = url.replace(`{${parameter.name}}`, encodeURIComponent(value));
    else if (parameter.in === 'query') query.set(parameter.name, value);
  }
  const body = operation.requestBody?.content?.['application/json']?.example;
  let request = JSON.stringify({ url: `/api/v1${url}${query.size ? `?${query}` : ''}`, body });
  for (const [name, placeholder] of Object.entries(EXAMPLE_IDS) as Array<[Placeholder, string]>) {
    if (!request.includes(placeholder)) continue;
    const id = ids[name];
    if (id === undefined) return undefined;
    request = request.replaceAll(placeholder, id);
  }
  return JSON.parse(request);
}

test("every operation's example request is accepted by a live API with its documented success status", async () => {
  const ids: Partial<Record<Placeholder, string>> = {};
  const pending = operationsOf(document)
    // An event stream answers until the client leaves: events.e2e.test.ts sends its requests.
    .filter(({ operation }) => !isEventStream(operation))
    .map((entry) => ({ ...entry, phase: phaseOf(entry.method, entry.operation) }))
    .sort((a, b) => a.phase - b.phase);
  const answers: string[] = [];
  while (pending.length > 0) {
    // The first operation whose placeholders are all resolved (creates resolve them as they run).
    const index = pending.findIndex((entry) => exampleRequest(entry.path, entry.operation, ids));
    const unresolved = pending.map((entry) => entry.operation.operationId);
    if (index === -1) throw new Error(`no example can run: unresolved placeholders in ${unresolved}`);
    const [{ method, path: route, operation }] = pending.splice(index, 1) as [(typeof pending)[number]];
    const request = exampleRequest(route, operation, ids);
    if (!request) throw new Error('unreachable');
    if (ids.database) {
      const status = DATABASE_STATE[operation.operationId] ?? 'ready';
      await h.services.sql`
        UPDATE databases SET status = ${status}, job_id = NULL, next_password_sealed = NULL, version = 1
        WHERE id = ${ids.database}`;
    }
    const isPublic = operation.security?.length === 0;
    const response = await h.request(method.toUpperCase(), request.url, request.body, {
      ...(isPublic ? { token: null } : {}),
      // As a page of the app would send it: browser sign-in and sign-up refuse other sites.
      headers: { 'sec-fetch-site': 'same-origin' },
    });
    const documented = Object.keys(operation.responses).filter((status) => status.startsWith('2'));
    const accepted = documented.includes(String(response.statusCode));
    answers.push(
      `${method.toUpperCase()} ${route}: ${response.statusCode}${accepted ? '' : ` (documented ${documented}) ${response.body.slice(0, 300)}`}`,
    );
    const create = CREATES[operation.operationId];
    if (create && accepted) {
      const id = create.idOf(response.json());
      if (typeof id === 'string') ids[create.makes] = id;
    }
  }
  expect(answers.length).toBeGreaterThan(30);
  expect(answers.filter((answer) => answer.includes('(documented'))).toEqual([]);
}, 120_000);

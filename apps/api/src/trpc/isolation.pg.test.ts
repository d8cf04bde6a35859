import { blogDesign } from '@schema-builder/testing/fixtures';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { restRoutes } from '../rest/routes.ts';
import type { Harness, TestUser } from '../test/harness.test-support.ts';
import { startHarness } from '../test/harness.test-support.ts';
import { procedureAt, proceduresOf } from './procedures.ts';
import { appRouter } from './root.ts';

/**
 * Tenant isolation, for every procedure of the router. Each procedure must be classified below;
 * a new procedure fails this suite until someone decides how it is isolated.
 */
interface Owned {
  schemaId: string;
  apiKeyId: string;
  connectionId: string;
  /** The owned design's database: requested, and pending for good (no worker runs here). */
  databaseId: string;
}

type Case =
  | { kind: 'public' }
  /** Acts on the caller only; lists must not show another user's rows. */
  | { kind: 'own'; input?: unknown }
  /** Takes another resource's id: a stranger gets 404 and changes nothing. */
  | { kind: 'resource'; input: (owned: Owned) => Record<string, unknown> }
  /** For worker keys only: a user (even with the owner's ids) gets 403 and changes nothing. */
  | { kind: 'worker'; input: (owned: Owned) => Record<string, unknown> };

const design = (name: string) => ({ ...blogDesign, name });

const CASES: Record<string, Case> = {
  'auth.signUp': { kind: 'public' },
  'auth.signIn': { kind: 'public' },
  'auth.browserSignUp': { kind: 'public' },
  'auth.browserSignIn': { kind: 'public' },
  'health.check': { kind: 'public' },
  'health.live': { kind: 'public' },
  'health.ready': { kind: 'public' },
  'auth.me': { kind: 'own' },
  'auth.signOut': { kind: 'own' },
  'dashboard.summary': { kind: 'own' },
  'apiKeys.create': { kind: 'own', input: { name: 'stranger key' } },
  'apiKeys.list': { kind: 'own', input: {} },
  'audit.list': { kind: 'own', input: {} },
  'schemas.create': { kind: 'own', input: design('stranger design') },
  'schemas.list': { kind: 'own', input: {} },
  'schemas.validate': { kind: 'own', input: design('unsaved') },
  'apiKeys.get': { kind: 'resource', input: (o) => ({ id: o.apiKeyId }) },
  'apiKeys.revoke': { kind: 'resource', input: (o) => ({ id: o.apiKeyId }) },
  'catalog.sync': { kind: 'resource', input: (o) => ({ id: o.connectionId }) },
  'catalog.syncs': { kind: 'resource', input: (o) => ({ id: o.connectionId }) },
  'catalog.databases': { kind: 'resource', input: (o) => ({ id: o.connectionId }) },
  'catalog.tables': { kind: 'resource', input: (o) => ({ id: o.connectionId, database: 'db' }) },
  'catalog.columns': { kind: 'resource', input: (o) => ({ id: o.connectionId, database: 'db', table: 't' }) },
  'catalog.column': {
    kind: 'resource',
    input: (o) => ({ id: o.connectionId, database: 'db', table: 't', column: 'c' }),
  },
  'connections.create': {
    kind: 'own',
    input: { name: 'stranger db', type: 'mysql', host: 'db.example.test' },
  },
  'connections.list': { kind: 'own', input: {} },
  'connections.get': { kind: 'resource', input: (o) => ({ id: o.connectionId }) },
  'connections.update': { kind: 'resource', input: (o) => ({ id: o.connectionId, name: 'stolen' }) },
  'connections.delete': { kind: 'resource', input: (o) => ({ id: o.connectionId }) },
  'connections.test': { kind: 'resource', input: (o) => ({ id: o.connectionId }) },
  // Its id lends the saved secret: a stranger's id is not found, and nothing is tried.
  'connections.testInput': {
    kind: 'resource',
    input: (o) => ({ id: o.connectionId, type: 'mysql', host: 'db.example.test' }),
  },
  'schemas.get': { kind: 'resource', input: (o) => ({ id: o.schemaId }) },
  'schemas.currentVersion': { kind: 'resource', input: (o) => ({ id: o.schemaId }) },
  'schemas.import': { kind: 'resource', input: (o) => ({ connectionId: o.connectionId }) },
  'schemas.update': {
    kind: 'resource',
    input: (o) => ({ ...design('stolen'), id: o.schemaId, expectedVersion: 2 }),
  },
  'schemas.delete': { kind: 'resource', input: (o) => ({ id: o.schemaId }) },
  'schemas.exportSql': { kind: 'resource', input: (o) => ({ id: o.schemaId }) },
  'schemas.versions': { kind: 'resource', input: (o) => ({ id: o.schemaId }) },
  'schemas.version': { kind: 'resource', input: (o) => ({ id: o.schemaId, version: 1 }) },
  'databases.list': { kind: 'own', input: {} },
  'databases.create': { kind: 'resource', input: (o) => ({ id: o.schemaId }) },
  'databases.status': { kind: 'resource', input: (o) => ({ id: o.schemaId }) },
  'databases.events': { kind: 'resource', input: (o) => ({ id: o.schemaId }) },
  'databases.credentials': { kind: 'resource', input: (o) => ({ id: o.schemaId }) },
  'databases.regenerate': { kind: 'resource', input: (o) => ({ id: o.schemaId, confirm: true }) },
  'databases.retry': { kind: 'resource', input: (o) => ({ id: o.schemaId }) },
  'databases.rotateCredentials': { kind: 'resource', input: (o) => ({ id: o.schemaId }) },
  'databases.drop': { kind: 'resource', input: (o) => ({ databaseId: o.databaseId }) },
  'databases.migrate': { kind: 'resource', input: (o) => ({ id: o.schemaId, toVersion: 2 }) },
  'schemas.diff': { kind: 'resource', input: (o) => ({ id: o.schemaId, from: 1, to: 2 }) },
  'worker.claim': { kind: 'worker', input: () => ({ waitMs: 0 }) },
  'worker.heartbeat': { kind: 'worker', input: (o) => ({ jobId: o.databaseId, step: 'stolen' }) },
  'worker.complete': { kind: 'worker', input: (o) => ({ jobId: o.databaseId }) },
  'worker.fail': {
    kind: 'worker',
    input: (o) => ({ jobId: o.databaseId, code: 'SERVER_ERROR', message: 'stolen' }),
  },
  'worker.deployment': { kind: 'worker', input: () => ({}) },
  'worker.deadDatabases': { kind: 'worker', input: () => ({ target: 'default', names: ['x'] }) },
};

let h: Harness;
let owner: TestUser;
let stranger: TestUser;
let owned: Owned;

/** Everything the owner has, as stored: must be identical after any stranger's call. */
async function ownerState() {
  const sql = h.services.sql;
  return {
    schemas:
      await sql`SELECT id, name, current_version, definition, deleted_at FROM schemas WHERE owner_id = ${owner.id}`,
    versions:
      await sql`SELECT schema_id, version FROM schema_versions v JOIN schemas s ON s.id = v.schema_id WHERE s.owner_id = ${owner.id} ORDER BY 1, 2`,
    keys: await sql`SELECT id, revoked_at FROM api_keys WHERE user_id = ${owner.id}`,
    connections: await sql`SELECT * FROM connections WHERE owner_id = ${owner.id}`,
    sessions: await sql`SELECT id, revoked_at FROM sessions WHERE user_id = ${owner.id}`,
    databases: await sql`SELECT * FROM databases WHERE owner_id = ${owner.id}`,
    jobs: await sql`SELECT id, state FROM pgboss.job ORDER BY id`,
  };
}

beforeAll(async () => {
  h = await startHarness();
  owner = h.user;
  stranger = await h.signUp('stranger');
  const schema = await h.caller(owner.id).schemas.create(design('owned'));
  await h
    .caller(owner.id)
    .schemas.update({ ...design('owned'), description: 'v2', id: schema.id, expectedVersion: 1 });
  const key = await h.request('POST', '/api/v1/api-keys', { name: 'owned key' });
  const connection = await h.request('POST', '/api/v1/connections', {
    name: 'owned db',
    type: 'postgresql',
    host: 'db.example.test',
    password: 'owner secret',
  });
  const database = await h.request('POST', `/api/v1/schemas/${schema.id}/database`);
  if (database.statusCode !== 202) throw new Error(`requesting the database failed: ${database.body}`);
  owned = {
    schemaId: schema.id,
    apiKeyId: key.json().apiKey.id,
    connectionId: connection.json().id,
    databaseId: database.json().id,
  };
});
afterAll(() => h.close());

const procedures = [...proceduresOf(appRouter).keys()].sort();

test('every procedure of the router is classified for isolation', () => {
  expect(procedures).toEqual(Object.keys(CASES).sort());
});

test("each procedure's classification agrees with the auth scope its base builder declares", () => {
  const scopeOfKind = { public: 'public', own: 'user', resource: 'user', worker: 'worker' } as const;
  const disagreeing = [...proceduresOf(appRouter).values()]
    .filter(({ path, scope }) => scopeOfKind[CASES[path]?.kind ?? 'public'] !== scope)
    .map(({ path, scope }) => `${path}: ${scope}`);
  expect(disagreeing).toEqual([]);
});

const ofKind = (kind: Case['kind']) => procedures.filter((procedure) => CASES[procedure]?.kind === kind);

describe.each(ofKind('resource'))('%s', (procedure) => {
  test("a stranger gets 404 for the owner's resource and changes nothing", async () => {
    const entry = CASES[procedure];
    if (entry?.kind !== 'resource') throw new Error('classified as resource above');
    const before = await ownerState();
    const input = entry.input(owned);
    await expect(procedureOf(h.caller(stranger.id), procedure)(input)).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });

    const route = restRoutes(appRouter).find((candidate) => candidate.procedure === procedure);
    if (route) {
      const { url, body } = restRequest(route, input);
      const response = await h.request(route.method, url, body, { token: stranger.token });
      expect(response.statusCode).toBe(404);
      expect(response.body).not.toContain(owner.id);
    }
    expect(await ownerState()).toEqual(before);
  });
});

describe.each(ofKind('own'))('%s', (procedure) => {
  test("a stranger's call shows none of the owner's data and leaves it alone", async () => {
    const entry = CASES[procedure];
    if (entry?.kind !== 'own') throw new Error('classified as own above');
    const before = await ownerState();
    const route = restRoutes(appRouter).find((candidate) => candidate.procedure === procedure);
    if (!route) throw new Error(`${procedure} has no REST route`);
    // Signing out revokes the session it uses: give it one of its own.
    const signIn = await h.request(
      'POST',
      '/api/v1/auth/sign-in',
      { email: stranger.email, password: stranger.password },
      { token: null },
    );
    const response = await h.request(
      route.method,
      route.url,
      route.method === 'GET' ? undefined : entry.input,
      {
        token: signIn.json().token,
      },
    );
    expect(response.statusCode, response.body).toBeLessThan(300);
    for (const secret of [
      owner.id,
      owned.schemaId,
      owned.apiKeyId,
      owned.connectionId,
      owner.email,
      owner.token,
    ]) {
      expect(response.body).not.toContain(secret);
    }
    expect(await ownerState()).toEqual(before);
  });
});

/**
 * A REST call for `input`: path parameters from it, the rest in the query string (GET, DELETE)
 * or the JSON body.
 */
function restRequest(
  route: { method: string; url: string },
  input: Record<string, unknown>,
): { url: string; body: Record<string, unknown> | undefined } {
  const rest = { ...input };
  const path = route.url.replace(/:(\w+)/g, (_m, name: string) => {
    const value = String(rest[name]);
    delete rest[name];
    return value;
  });
  if (route.method !== 'GET' && route.method !== 'DELETE') return { url: path, body: input };
  const query = new URLSearchParams(
    Object.entries(rest).map(([key, value]): [string, string] => [key, String(value)]),
  );
  return { url: query.size > 0 ? `${path}?${query}` : path, body: undefined };
}

/** The procedure at `path` ('a.b') of a caller. */
function procedureOf(caller: unknown, path: string): (input: unknown) => Promise<unknown> {
  return path
    .split('.')
    .reduce<unknown>((target, key) => (target as Record<string, unknown>)[key], caller) as (
    input: unknown,
  ) => Promise<unknown>;
}

describe.each(ofKind('worker'))('%s', (procedure) => {
  test('a user is refused with 403, has no REST route to it, and changes nothing', async () => {
    const entry = CASES[procedure];
    if (entry?.kind !== 'worker') throw new Error('classified as worker above');
    const before = await ownerState();
    const input = entry.input(owned);
    await expect(procedureOf(h.caller(owner.id), procedure)(input)).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    // Over HTTP too, with the owner's own session token.
    const overHttp =
      procedureAt(appRouter, procedure).type === 'query'
        ? await h.request(
            'GET',
            `/trpc/${procedure}?input=${encodeURIComponent(JSON.stringify(input))}`,
            undefined,
            { token: owner.token },
          )
        : await h.request('POST', `/trpc/${procedure}`, input, { token: owner.token });
    expect(overHttp.statusCode).toBe(403);
    expect(restRoutes(appRouter).find((route) => route.procedure === procedure)).toBeUndefined();
    expect(await ownerState()).toEqual(before);
  });
});

describe('worker keys', () => {
  let workerKey: string;
  beforeAll(async () => {
    workerKey = await h.createWorkerKey();
  });

  test.each(
    restRoutes(appRouter)
      .filter((route) => CASES[route.procedure]?.kind !== 'public')
      .map((route) => [route.procedure, route] as const),
  )('are refused with 403 on the user procedure %s', async (procedure, route) => {
    const entry = CASES[procedure];
    const input =
      entry?.kind === 'resource'
        ? entry.input(owned)
        : entry?.kind === 'own'
          ? ((entry.input as Record<string, unknown> | undefined) ?? {})
          : {};
    const { url, body } = restRequest(route, input);
    const before = await ownerState();
    const response = await h.request(route.method, url, body, { token: workerKey });
    expect(response.statusCode, response.body).toBe(403);
    expect(response.json().error.code).toBe('FORBIDDEN');
    expect(await ownerState()).toEqual(before);
  });
});

describe('responses never leak secrets', () => {
  test('no password hash, token hash or key hash in any listing', async () => {
    const hashes = await h.services.sql`
      SELECT password_hash AS secret FROM users WHERE password_hash IS NOT NULL
      UNION ALL SELECT token_hash FROM sessions UNION ALL SELECT key_hash FROM api_keys
      UNION ALL SELECT secret_sealed FROM connections WHERE secret_sealed IS NOT NULL`;
    const bodies = await Promise.all(
      [
        '/api/v1/auth/me',
        '/api/v1/api-keys',
        '/api/v1/audit-events',
        '/api/v1/schemas',
        '/api/v1/connections',
      ].map(async (url) => (await h.request('GET', url)).body),
    );
    for (const body of bodies) {
      for (const { secret } of hashes) expect(body).not.toContain(secret);
    }
  });

  test('fields a client must not set are refused, and nothing is stored', async () => {
    const refused = await h.request('POST', '/api/v1/schemas', {
      ...design('sneaky'),
      ownerId: stranger.id,
      status: 'ready',
      currentVersion: 42,
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.code).toBe('VALIDATION_ERROR');
    expect(
      refused.json().error.details.map(({ code, path }: { code: string; path: string }) => [code, path]),
    ).toEqual([
      ['UNKNOWN_PROPERTY', 'ownerId'],
      ['UNKNOWN_PROPERTY', 'status'],
      ['UNKNOWN_PROPERTY', 'currentVersion'],
    ]);
    const rows = await h.services.sql`SELECT 1 FROM schemas WHERE name = 'sneaky'`;
    expect(rows).toHaveLength(0);
  });
});

import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { decodeKey, SecretBox } from '@schema-builder/provisioning';
import { testEnv } from '@schema-builder/testing/env';
import { mariadbUnavailable } from '@schema-builder/testing/mariadb';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { resealConnectionSecrets } from '../../domain/connections/reseal.ts';
import type { Harness } from '../../test/harness.test-support.ts';
import { startHarness, testServerCoordinates } from '../../test/harness.test-support.ts';

let h: Harness;
let sqliteDir: string;
const SECRETS_KEY = randomBytes(32).toString('hex');

beforeAll(async () => {
  sqliteDir = await mkdtemp(path.join(tmpdir(), 'sb-sqlite-'));
  const db = new Database(path.join(sqliteDir, 'app.db'));
  db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY)');
  db.close();
  await writeFile(path.join(tmpdir(), 'sb-outside.db'), '');
  h = await startHarness({
    CONNECTIONS_ALLOWED_HOSTS: '127.0.0.1/32',
    CONNECTIONS_SQLITE_DIR: sqliteDir,
    CONNECTION_TEST_TIMEOUT_MS: '3000',
    SECRETS_KEY,
  });
});
afterAll(async () => {
  await h.close();
  await rm(sqliteDir, { recursive: true, force: true });
});

const SECRET = 'pa55-word-never-shown';
const mariaUnavailable = await mariadbUnavailable(testEnv.MARIADB_URL);
if (mariaUnavailable)
  console.log(`[api] MariaDB connection tests skipped: ${testEnv.MARIADB_URL} does not answer`);
const mariaUrl = new URL(testEnv.MARIADB_URL);
const maria = {
  host: mariaUrl.hostname,
  port: Number(mariaUrl.port || 3306),
  username: decodeURIComponent(mariaUrl.username) || 'root',
};

async function create(body: Record<string, unknown>) {
  const response = await h.request('POST', '/api/v1/connections', body);
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

describe('saved connections', () => {
  test('are stored with the password sealed, and never return it', async () => {
    const created = await create({
      name: 'local pg',
      type: 'postgresql',
      host: '127.0.0.1',
      port: 5432,
      database: 'postgres',
      username: 'postgres',
      password: SECRET,
      color: '#3366ff',
    });
    expect(created).toMatchObject({
      name: 'local pg',
      type: 'postgresql',
      hasSecret: true,
      active: true,
      color: '#3366ff',
    });
    const [row] = await h.services.sql`SELECT secret_sealed FROM connections WHERE id = ${created.id}`;
    expect(row?.secret_sealed).toMatch(/^v1:/);
    expect(row?.secret_sealed).not.toContain(SECRET);
    for (const url of ['/api/v1/connections', `/api/v1/connections/${created.id}`]) {
      expect((await h.request('GET', url)).body).not.toContain(SECRET);
    }
  });

  test('a connection string is split for display, its password kept sealed', async () => {
    const created = await create({
      name: 'by url',
      type: 'postgresql',
      connectionString: `postgres://app:${SECRET}@127.0.0.1:5432/postgres`,
    });
    expect(created).toMatchObject({
      host: '127.0.0.1',
      port: 5432,
      database: 'postgres',
      username: 'app',
      usesConnectionString: true,
    });
    expect(JSON.stringify(created)).not.toContain(SECRET);
  });

  test('can be renamed, toggled inactive, and deleted; names are unique per owner', async () => {
    const created = await create({ name: 'toggle me', type: 'mysql', host: '127.0.0.1' });
    const patched = await h.request('PATCH', `/api/v1/connections/${created.id}`, {
      active: false,
      name: 'toggled',
    });
    expect(patched.json()).toMatchObject({ active: false, name: 'toggled', host: '127.0.0.1' });
    const duplicate = await h.request('POST', '/api/v1/connections', {
      name: 'toggled',
      type: 'mysql',
      host: '127.0.0.1',
    });
    expect(duplicate.statusCode).toBe(409);
    expect((await h.request('DELETE', `/api/v1/connections/${created.id}`)).statusCode).toBe(200);
    expect((await h.request('GET', `/api/v1/connections/${created.id}`)).statusCode).toBe(404);
  });

  test.each([
    [{ name: 'x', type: 'postgresql' }, 'host'],
    [{ name: 'x', type: 'sqlite' }, 'database'],
    [{ name: 'x', type: 'postgresql', connectionString: 'not a url' }, 'connectionString'],
    [{ name: 'x', type: 'oracle', host: 'h' }, 'type'],
    [{ name: 'x', type: 'mysql', host: 'h', color: 'red' }, 'color'],
  ])('an incomplete connection %j is 422 at %s', async (body, pathName) => {
    const response = await h.request('POST', '/api/v1/connections', body);
    expect(response.statusCode).toBe(422);
    expect(response.json().error.details[0].path).toBe(pathName);
  });
});

describe('testing a connection', () => {
  const testOf = async (body: Record<string, unknown>) => {
    const created = await create({ name: `t-${randomBytes(4).toString('hex')}`, ...body });
    const response = await h.request('POST', `/api/v1/connections/${created.id}/test`);
    expect(response.statusCode).toBe(200);
    return response.json();
  };

  test.each([
    ['PostgreSQL', { type: 'postgresql', ...testServerCoordinates('postgres') }, true, undefined],
    [
      'PostgreSQL, unknown database',
      { type: 'postgresql', ...testServerCoordinates('no_such_db') },
      false,
      'DATABASE_NOT_FOUND',
    ],
    [
      'PostgreSQL, closed port',
      { type: 'postgresql', ...testServerCoordinates(), port: 1 },
      false,
      'UNREACHABLE',
    ],
    ['SQLite inside the directory', { type: 'sqlite', database: 'app.db' }, true, undefined],
    [
      'SQLite escaping the directory',
      { type: 'sqlite', database: '../sb-outside.db' },
      false,
      'PATH_NOT_ALLOWED',
    ],
    ['a private address', { type: 'postgresql', host: '10.0.0.7' }, false, 'HOST_NOT_ALLOWED'],
    ['a metadata address', { type: 'postgresql', host: '169.254.169.254' }, false, 'HOST_NOT_ALLOWED'],
    ['an unknown host', { type: 'mysql', host: 'no-such-host.invalid' }, false, 'HOST_NOT_FOUND'],
  ])('%s', async (_name, body, ok, code) => {
    const result = await testOf(body);
    expect(result.ok).toBe(ok);
    if (code) expect(result).toMatchObject({ code, message: expect.any(String) });
    // Our own words only: nothing the server said (no port-scan or credential oracle in its text).
    expect(JSON.stringify(result)).not.toMatch(/FATAL|ERROR:|errno|denied|SQLSTATE|ECONN|127\.0\.0\.1/i);
  });

  test.skipIf(mariaUnavailable !== undefined).each([
    ['MariaDB', {}, true, undefined],
    ['MariaDB, wrong password', { password: 'wrong' }, false, 'AUTH_FAILED'],
  ])('%s', async (_name, change, ok, code) => {
    const result = await testOf({ type: 'mysql', ...maria, ...change });
    expect(result.ok).toBe(ok);
    if (code) expect(result).toMatchObject({ code });
  });

  test('records the outcome on the connection', async () => {
    const created = await create({
      name: 'recorded',
      type: 'postgresql',
      ...testServerCoordinates('no_such_db'),
    });
    await h.request('POST', `/api/v1/connections/${created.id}/test`);
    const after = (await h.request('GET', `/api/v1/connections/${created.id}`)).json();
    expect(after.lastTestResult).toBe('DATABASE_NOT_FOUND');
    expect(after.lastTestedAt).not.toBeNull();
    expect(after.lastTestLatencyMs).toBeNull();
  });

  test('a successful test stores its latency; a later failed one clears it', async () => {
    const created = await create({
      name: 'latency',
      type: 'postgresql',
      ...testServerCoordinates('postgres'),
    });
    expect(created.lastTestLatencyMs).toBeNull();
    const passed = (await h.request('POST', `/api/v1/connections/${created.id}/test`)).json();
    expect(passed).toMatchObject({ ok: true, latencyMs: expect.any(Number) });
    const stored = (await h.request('GET', `/api/v1/connections/${created.id}`)).json();
    expect(stored).toMatchObject({ lastTestResult: 'OK', lastTestLatencyMs: Math.round(passed.latencyMs) });
    const listed = (await h.request('GET', '/api/v1/connections')).json();
    expect(listed.items.find((c: { id: string }) => c.id === created.id).lastTestLatencyMs).toBe(
      stored.lastTestLatencyMs,
    );

    await h.request('PATCH', `/api/v1/connections/${created.id}`, { database: 'no_such_db' });
    await h.request('POST', `/api/v1/connections/${created.id}/test`);
    const failed = (await h.request('GET', `/api/v1/connections/${created.id}`)).json();
    expect(failed).toMatchObject({ lastTestResult: 'DATABASE_NOT_FOUND', lastTestLatencyMs: null });
  });

  test('a sealed secret copied into another row does not open there', async () => {
    const a = await create({
      name: 'a',
      type: 'mysql',
      host: '127.0.0.1',
      username: 'root',
      password: 'secret-a',
    });
    const b = await create({
      name: 'b',
      type: 'mysql',
      host: '127.0.0.1',
      username: 'root',
      password: 'secret-b',
    });
    await h.services
      .sql`UPDATE connections SET secret_sealed = (SELECT secret_sealed FROM connections WHERE id = ${a.id}) WHERE id = ${b.id}`;
    const result = (await h.request('POST', `/api/v1/connections/${b.id}/test`)).json();
    expect(result).toMatchObject({ ok: false, code: 'SECRET_UNREADABLE' });
  });
});

describe('secret key rotation', () => {
  test('re-seals every secret under the new key, once', async () => {
    await create({ name: 'rotated', type: 'mysql', host: '127.0.0.1', password: 'rotate me' });
    const rotated = new SecretBox({ key: randomBytes(32) }, [{ key: decodeKey(SECRETS_KEY) }]);
    const first = await resealConnectionSecrets({ db: h.services.db, secrets: rotated });
    // The secret copied into another row (test above) opens nowhere and is reported.
    expect(first.unreadable).toHaveLength(1);
    expect(first.resealed).toBe(first.checked - 1);
    expect(first.resealed).toBeGreaterThan(0);
    const second = await resealConnectionSecrets({ db: h.services.db, secrets: rotated });
    expect(second).toMatchObject({ resealed: 0, unreadable: first.unreadable });
    const rows = await h.services.sql`SELECT id, secret_sealed FROM connections WHERE name = 'rotated'`;
    const [row] = rows;
    expect(row && rotated.open(row.secret_sealed, `connection:${row.id}`)).toBe('rotate me');
  });
});

import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Harness } from '../../test/harness.test-support.ts';
import { startHarness, testServerCoordinates } from '../../test/harness.test-support.ts';

let h: Harness;

beforeAll(async () => {
  h = await startHarness({
    CONNECTIONS_ALLOWED_HOSTS: '127.0.0.1/32',
    CONNECTION_TEST_TIMEOUT_MS: '3000',
  });
});
afterAll(() => h.close());

const tryInput = (body: Record<string, unknown>) => h.request('POST', '/api/v1/connections/test', body);

async function savedConnections(): Promise<number> {
  const [row] = await h.services.sql`SELECT count(*)::int AS n FROM connections`;
  return Number(row?.n);
}

describe('testing a connection before saving it', () => {
  test('answers the latency of a reachable database and stores nothing', async () => {
    const before = await savedConnections();
    const response = await tryInput({ type: 'postgresql', ...testServerCoordinates('postgres') });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ ok: true, latencyMs: expect.any(Number) });
    expect(await savedConnections()).toBe(before);
  });

  test.each([
    ['a closed port', { ...testServerCoordinates('postgres'), port: 1 }, 'UNREACHABLE'],
    ['a private address', { host: '10.1.2.3' }, 'HOST_NOT_ALLOWED'],
    ['the cloud metadata address', { host: '169.254.169.254' }, 'HOST_NOT_ALLOWED'],
    ['an unknown database', testServerCoordinates('no_such_db'), 'DATABASE_NOT_FOUND'],
  ])('%s is refused with the code a saved connection would get', async (_name, fields, code) => {
    const response = await tryInput({ type: 'postgresql', ...fields });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ ok: false, code, message: expect.any(String) });
    expect(response.body).not.toMatch(/FATAL|ERROR:|errno|ECONN|127\.0\.0\.1/i);
  });

  test.each([
    [{ type: 'postgresql' }, 'host'],
    [{ type: 'postgresql', connectionString: 'not a url' }, 'connectionString'],
    [
      { type: 'postgresql', connectionString: 'postgres://a@127.0.0.1/db?sslkey=/etc/key' },
      'connectionString',
    ],
    [{ type: 'mysql', host: '127.0.0.1', sslMode: 'require' }, 'sslMode'],
    [{ type: 'sqlite' }, 'database'],
  ])('input a save would refuse (%j) is refused the same way, at %s', async (body, path) => {
    const response = await tryInput(body);
    expect(response.statusCode, response.body).toBe(422);
    expect(response.json().error.details[0].path).toBe(path);
  });

  test("with a saved connection's id, the secret left blank is the saved one", async () => {
    const { host, port, username, password } = testServerCoordinates();
    // The embedded server has a password; the machine's (trust) has none.
    const user = password === undefined ? username : `${username}:${encodeURIComponent(password)}`;
    const created = await h.request('POST', '/api/v1/connections', {
      name: 'saved as a string',
      type: 'postgresql',
      connectionString: `postgres://${user}@${host}:1/postgres`,
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id;
    // The stored string (its closed port) is what is tried …
    const lent = await tryInput({ id, type: 'postgresql' });
    expect(lent.json()).toMatchObject({ ok: false, code: 'UNREACHABLE' });
    // … and a new one given replaces it.
    const replaced = await tryInput({
      id,
      type: 'postgresql',
      connectionString: `postgres://${user}@${host}:${port}/postgres`,
    });
    expect(replaced.json()).toMatchObject({ ok: true });
    // The saved connection's own test record is untouched.
    expect((await h.request('GET', `/api/v1/connections/${id}`)).json().lastTestedAt).toBeNull();
  });
});

import { createHash, randomUUID } from 'node:crypto';
import { quoteIdent } from '@schema-builder/schema-model/sql';
import { blogDesign } from '@schema-builder/testing/fixtures';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loggerOptions } from './logger.ts';
import type { Harness } from './test/harness.test-support.ts';
import { startHarness } from './test/harness.test-support.ts';

/**
 * Every write of the metadata database fails (a trigger refuses it), so each path that stores a
 * password hash, a token hash or a sealed secret ends in a logged 500: the log must say what
 * failed, and hold none of the values the failed statement was run with.
 */
const lines: string[] = [];
const destination = { write: (line: string) => void lines.push(line) };
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

let h: Harness;
let schemaId: string;
let connectionId: string;
let apiKey: string;
const secrets: string[] = [];
const remember = <T extends string>(secret: T): T => {
  secrets.push(secret, sha256(secret));
  return secret;
};

beforeAll(async () => {
  h = await startHarness(
    {},
    {
      logger: pino(
        loggerOptions({ LOG_LEVEL: 'debug', AUTH_PROXY_SECRET_HEADER: 'x-proxy-secret' }),
        destination,
      ),
    },
  );
  remember(h.user.token);
  remember(h.user.password);
  schemaId = (await h.request('POST', '/api/v1/schemas', { ...blogDesign, name: 'logged' })).json().id;
  connectionId = (
    await h.request('POST', '/api/v1/connections', { name: 'logged', type: 'postgresql', host: 'db.test' })
  ).json().id;
  apiKey = remember((await h.request('POST', '/api/v1/api-keys', { name: 'logged' })).json().key);

  await h.services.sql.unsafe(`
    CREATE FUNCTION refuse_writes() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN RAISE EXCEPTION 'writes are refused by this test'; END $$`);
  // Every table of the metadata (users, sessions, api_keys, connections, schemas, databases, …).
  const tables = await h.services.sql<{ name: string }[]>`
    SELECT table_name AS name FROM information_schema.tables
    WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`;
  expect(tables.length).toBeGreaterThan(8);
  for (const { name } of tables) {
    await h.services.sql.unsafe(
      `CREATE TRIGGER refuse_writes BEFORE INSERT OR UPDATE ON ${quoteIdent(name)}
       FOR EACH ROW EXECUTE FUNCTION refuse_writes()`,
    );
  }
  lines.length = 0;
});
afterAll(() => h.close());

describe('a failed write is logged without the values it was run with', () => {
  test('every path that stores a secret answers 500 and logs neither the secret nor its hash', async () => {
    const password = remember(`pw ${randomUUID()}`);
    const connectionPassword = remember(`cpw-${randomUUID()}`);
    const urlPassword = remember(`upw-${randomUUID()}`);
    const connection = { type: 'postgresql', host: 'db.test', username: 'app', password: connectionPassword };
    const connectionString = `postgres://app:${urlPassword}@db.test:5432/app`;

    const calls: Array<[string, string, unknown, string?]> = [
      ['POST', '/api/v1/auth/sign-up', { email: `x-${randomUUID()}@example.test`, password, name: 'x' }],
      ['POST', '/api/v1/auth/sign-in', { email: h.user.email, password: h.user.password }],
      // A wrong password is recorded (sign-in throttling).
      ['POST', '/api/v1/auth/sign-in', { email: h.user.email, password: remember(`wrong ${randomUUID()}`) }],
      ['POST', '/api/v1/api-keys', { name: 'refused' }],
      ['POST', '/api/v1/connections', { ...connection, name: 'with a password' }],
      ['POST', '/api/v1/connections', { name: 'with a URL', type: 'postgresql', connectionString }],
      ['PATCH', `/api/v1/connections/${connectionId}`, { password: connectionPassword }],
      ['PATCH', `/api/v1/connections/${connectionId}`, { connectionString }],
      ['POST', '/api/v1/schemas', { ...blogDesign, name: 'refused' }],
      ['PUT', `/api/v1/schemas/${schemaId}`, { ...blogDesign, name: 'renamed', expectedVersion: 1 }],
      ['POST', `/api/v1/schemas/${schemaId}/database`, {}],
      // Authenticating with an API key records its use: an UPDATE by the key's hash.
      ['GET', '/api/v1/schemas', undefined, apiKey],
      ['POST', '/api/v1/auth/sign-out', {}],
    ];
    for (const [method, url, body, token] of calls) {
      const response = await h.request(method, url, body, token ? { token } : {});
      expect(response.statusCode, `${method} ${url}: ${response.body}`).toBe(500);
    }
    const trpc = await h.app.inject({
      method: 'POST',
      url: '/trpc/auth.signUp',
      headers: { 'content-type': 'application/json' },
      payload: { email: `t-${randomUUID()}@example.test`, password, name: 't' },
    });
    expect(trpc.statusCode).toBe(500);

    const log = lines.join('');
    const failures = lines.map((line) => JSON.parse(line)).filter((entry) => entry.level >= 50);
    expect(failures.length).toBeGreaterThanOrEqual(calls.length + 1);
    // What failed is still there: the statement, the SQLSTATE of the RAISE, its message.
    expect(log).toContain('insert into \\"users\\"');
    expect(log).toContain('"code":"P0001"');
    expect(log).toContain('writes are refused by this test');

    for (const secret of secrets) expect(log).not.toContain(secret);
    expect(log).not.toContain('$argon2');
    expect(log).not.toMatch(/\bsb[sk]_[\w-]{20,}/);
    expect(log).not.toMatch(/\bv1:[\w-]+:[\w-]+:/);
    expect(log).not.toMatch(/[0-9a-f]{64}/);
    expect(log).not.toContain('params:');
  });
});

test('credentials in request headers are redacted, the proxy secret under its configured name too', () => {
  const written: string[] = [];
  const log = pino(loggerOptions({ LOG_LEVEL: 'info', AUTH_PROXY_SECRET_HEADER: 'x-gateway-key' }), {
    write: (line: string) => void written.push(line),
  });
  const headers = {
    authorization: 'Bearer sbs_abc',
    cookie: 'sid=abc',
    'x-gateway-key': 'gw-secret',
    host: 'h',
  };
  log.info({ req: { headers } }, 'request');
  expect(JSON.parse(written.join('')).req.headers).toEqual({
    authorization: '[Redacted]',
    cookie: '[Redacted]',
    'x-gateway-key': '[Redacted]',
    host: 'h',
  });
});

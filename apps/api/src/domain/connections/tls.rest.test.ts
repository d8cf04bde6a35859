import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmod, chown, copyFile, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { type EmbeddedServer, startEmbeddedPostgres } from '@schema-builder/db/embedded';
import { freePort } from '@schema-builder/testing/free-port';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Harness } from '../../test/harness.test-support.ts';
import { startHarness, testServerCoordinates } from '../../test/harness.test-support.ts';

/**
 * TLS of saved PostgreSQL connections, against real servers: an embedded PostgreSQL serving a
 * certificate for `localhost` signed by a test CA (made here with openssl), and the machine's
 * server, which speaks no TLS.
 */
const run = promisify(execFile);
let h: Harness;
let root: string | undefined;
let embedded: EmbeddedServer | undefined;
let caPem = '';
let tlsServer: Record<string, string | number> = {};

/** A test CA, and a certificate it signs for `localhost` (a DNS name only, not 127.0.0.1). */
async function makeCertificates(dir: string): Promise<void> {
  // Paths under the temporary directory have no spaces: each command line splits on them.
  const openssl = (command: string) => run('openssl', command.split(' '));
  const ecKey = '-newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 2';
  await openssl(`req -x509 ${ecKey} -subj /CN=test-ca -keyout ${dir}/ca.key -out ${dir}/ca.crt`);
  await openssl(`req ${ecKey} -subj /CN=localhost -keyout ${dir}/server.key -out ${dir}/server.csr`);
  await writeFile(path.join(dir, 'server.ext'), 'subjectAltName=DNS:localhost\n');
  await openssl(
    `x509 -req -days 2 -in ${dir}/server.csr -CA ${dir}/ca.crt -CAkey ${dir}/ca.key -CAcreateserial ` +
      `-extfile ${dir}/server.ext -out ${dir}/server.crt`,
  );
}

/** Turns TLS on with the server certificate (PostgreSQL re-reads its TLS settings on reload). */
async function serveTls(server: EmbeddedServer, dataDir: string, certificates: string): Promise<void> {
  const owner = await stat(dataDir);
  for (const name of ['server.crt', 'server.key']) {
    await copyFile(path.join(certificates, name), path.join(dataDir, name));
    await chown(path.join(dataDir, name), owner.uid, owner.gid);
    await chmod(path.join(dataDir, name), 0o600);
  }
  const admin = postgres(server.adminUrl, { max: 1, onnotice: () => {} });
  await admin`ALTER SYSTEM SET ssl = on`;
  await admin`SELECT pg_reload_conf()`;
  await admin.end();
  // The reload is a signal to the server: wait until new sessions can have TLS.
  for (let attempt = 0; ; attempt += 1) {
    const probe = postgres(server.adminUrl, { max: 1, ssl: 'require', onnotice: () => {} });
    const ok = await probe`SELECT 1`.then(
      () => true,
      () => false,
    );
    await probe.end();
    if (ok) return;
    if (attempt > 50) throw new Error('the embedded server never offered TLS');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'sb-tls-'));
  // Under root the server runs as `postgres`, which must be able to reach the data directory.
  await chmod(root, 0o755);
  await makeCertificates(root);
  caPem = await readFile(path.join(root, 'ca.crt'), 'utf8');
  const port = await freePort();
  embedded = await startEmbeddedPostgres({ dataDir: path.join(root, 'data'), port, database: 'tls' });
  await serveTls(embedded, path.join(root, 'data'), root);
  const admin = new URL(embedded.adminUrl);
  tlsServer = {
    port,
    username: admin.username,
    password: decodeURIComponent(admin.password),
    database: 'tls',
  };
  h = await startHarness({ CONNECTIONS_ALLOWED_HOSTS: '127.0.0.1/32', CONNECTION_TEST_TIMEOUT_MS: '3000' });
});
afterAll(async () => {
  await h?.close();
  await embedded?.stop();
  if (root) await rm(root, { recursive: true, force: true });
});

async function create(body: Record<string, unknown>) {
  return h.request('POST', '/api/v1/connections', { name: `tls-${randomBytes(4).toString('hex')}`, ...body });
}

async function testOf(body: Record<string, unknown>) {
  const created = await create({ type: 'postgresql', ...body });
  expect(created.statusCode, created.body).toBe(201);
  const response = await h.request('POST', `/api/v1/connections/${created.json().id}/test`);
  expect(response.statusCode).toBe(200);
  return response.json();
}

describe('TLS of PostgreSQL connections', () => {
  test.each([
    ['disable', '127.0.0.1', { ca: false }, true],
    ['prefer', '127.0.0.1', { ca: false }, true],
    ['require', '127.0.0.1', { ca: false }, true],
    ['verify-full, CA trusted, the name on the certificate', 'localhost', { ca: true }, true],
    ['verify-full, CA not trusted', 'localhost', { ca: false }, false],
    ['verify-full, CA trusted, an address the certificate does not name', '127.0.0.1', { ca: true }, false],
    ['verify-ca, CA trusted (the chain only, not the name)', '127.0.0.1', { ca: true }, true],
  ])('a server with TLS, %s (%s)', async (mode, host, { ca }, ok) => {
    const sslMode = mode.split(',')[0];
    const result = await testOf({ ...tlsServer, host, sslMode, ...(ca ? { sslRootCert: caPem } : {}) });
    expect(result).toEqual(
      ok
        ? { ok: true, latencyMs: expect.any(Number) }
        : expect.objectContaining({ ok: false, code: 'TLS_FAILED' }),
    );
  });

  test.each([
    ['prefer', true],
    ['require', false],
    ['verify-full', false],
  ])('a server without TLS, %s', async (sslMode, ok) => {
    const result = await testOf({ ...testServerCoordinates('postgres'), sslMode });
    expect(result).toMatchObject(ok ? { ok: true } : { ok: false, code: 'TLS_FAILED' });
  });

  test("a connection string's sslmode is kept, and shown with the trusted certificates", async () => {
    const { port, username, password, database } = tlsServer;
    const created = await create({
      type: 'postgresql',
      connectionString: `postgres://${username}:${encodeURIComponent(String(password))}@localhost:${port}/${database}?sslmode=verify-full`,
      sslRootCert: caPem,
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ sslMode: 'verify-full', sslRootCert: caPem });
    const tested = await h.request('POST', `/api/v1/connections/${created.json().id}/test`);
    expect(tested.json()).toMatchObject({ ok: true });
    // Untrusting the CA breaks it: the mode really verifies.
    const patched = await h.request('PATCH', `/api/v1/connections/${created.json().id}`, {
      sslRootCert: null,
    });
    expect(patched.json()).toMatchObject({ sslMode: 'verify-full', sslRootCert: null });
    const again = await h.request('POST', `/api/v1/connections/${created.json().id}/test`);
    expect(again.json()).toMatchObject({ ok: false, code: 'TLS_FAILED' });
  });

  test.each([
    [
      { type: 'postgresql', connectionString: 'postgres://u@db.example.test/x?sslmode=allow' },
      'connectionString',
    ],
    [{ type: 'mysql', host: 'db.example.test', sslMode: 'require' }, 'sslMode'],
    [{ type: 'postgresql', host: 'db.example.test', sslMode: 'always' }, 'sslMode'],
    [{ type: 'postgresql', host: 'db.example.test', sslRootCert: 'not a certificate' }, 'sslRootCert'],
  ])('%j is refused with 422 at %s', async (body, at) => {
    const response = await create(body);
    expect(response.statusCode).toBe(422);
    expect(response.json().error.details[0].path).toBe(at);
  });

  test('other kinds of connection show no TLS mode', async () => {
    const created = await create({ type: 'mysql', host: 'db.example.test' });
    expect(created.json()).toMatchObject({ sslMode: null, sslRootCert: null });
  });
});

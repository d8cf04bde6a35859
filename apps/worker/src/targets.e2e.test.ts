import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type EmbeddedServer, startEmbeddedPostgres } from '@schema-builder/db/embedded';
import { databaseUrl } from '@schema-builder/provisioning';
import { freePort } from '@schema-builder/testing/free-port';
import { serverUrl } from '@schema-builder/testing/postgres';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  adminUrlOf,
  createDesign,
  credentialsOf,
  existingOn,
  type Json,
  requestDatabase,
  tryLogin,
} from './e2e.test-support.ts';
import { startTestStack, type TestStack } from './test-stack.test-support.ts';

/**
 * Two target servers: `a`, the test server (the machine's PostgreSQL or the run's embedded one),
 * and `b`, an embedded PostgreSQL started here for this file only.
 */
let embedded: EmbeddedServer | undefined;
let dataDir: string | undefined;
let stack: TestStack | undefined;

beforeAll(async () => {
  // Under root the server runs as `postgres`, which must be able to reach the data directory.
  dataDir = await mkdtemp(path.join(tmpdir(), 'sb-e2e-target-'));
  await chmod(dataDir, 0o755);
  embedded = await startEmbeddedPostgres({
    dataDir: path.join(dataDir, 'data'),
    port: await freePort(),
    database: 'postgres',
  });
  stack = await startTestStack({
    PROVISION_TARGETS: `a=${databaseUrl(serverUrl(), 'postgres')},b=${embedded.adminUrl}`,
  });
  await stack.startWorker(4);
});
afterAll(async () => {
  await stack?.close();
  await embedded?.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

function running(): TestStack {
  if (!stack) throw new Error('the stack did not start');
  return stack;
}

describe('provisioning over two target servers', () => {
  test('new databases alternate between the servers, each built on its own server only', async () => {
    const s = running();
    const requested: { schemaId: string; server: unknown }[] = [];
    // One after another: each choice sees the databases chosen before (pending ones count).
    for (const name of ['spread 1', 'spread 2', 'spread 3', 'spread 4']) {
      const schemaId = await createDesign(s, name);
      requested.push({ schemaId, server: (await requestDatabase(s, schemaId)).server });
    }
    expect(requested.map((r) => r.server)).toEqual(['a', 'b', 'a', 'b']);

    const statuses: Json[] = [];
    for (const { schemaId } of requested) statuses.push(await s.waitFor(schemaId, ['ready', 'failed']));
    expect(statuses.map((status) => [status.status, status.server, status.catalog])).toEqual(
      requested.map(({ server }) => [
        'ready',
        server,
        expect.objectContaining({ reachable: true, exists: true, matchesDesign: true }),
      ]),
    );

    for (const [index, status] of statuses.entries()) {
      const names = { databases: [String(status.database)], roles: [String(status.role)] };
      const own = String(status.server);
      const other = own === 'a' ? 'b' : 'a';
      expect(await existingOn(adminUrlOf(s, own), names), `${own} holds its database`).toEqual(names);
      expect(await existingOn(adminUrlOf(s, other), names), `${other} does not`).toEqual({
        databases: [],
        roles: [],
      });
      const credentials = await credentialsOf(s, String(requested[index]?.schemaId));
      expect(credentials.port).toBe(Number(new URL(adminUrlOf(s, own)).port || 5432));
      expect(await tryLogin(credentials.url)).toEqual({ user: status.role, database: status.database });
    }
  });
});

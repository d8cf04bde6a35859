import { createClient } from '@schema-builder/client';
import { databaseUrl, parseTargetList } from '@schema-builder/provisioning';
import { quoteIdent } from '@schema-builder/schema-model/sql';
import { freePort } from '@schema-builder/testing/free-port';
import { serverUrl } from '@schema-builder/testing/postgres';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  adminUrlOf,
  connectWith,
  createDesign,
  credentialsOf,
  existingOn,
  type Json,
  requestDatabase,
  tryLogin,
} from './e2e.test-support.ts';
import { reconcileTargets } from './reconciler.ts';
import { startTestStack, type TestStack } from './test-stack.test-support.ts';
import type { RunningWorker } from './worker.ts';

/**
 * Jobs that really fail. Two targets: `adown`, a server nobody listens on (chosen first: equal
 * counts go to the lower name), and `real`, the test server. No worker runs until the second
 * test, so the first sees the jobs waiting.
 */
const DOWN_PASSWORD = 'down-server-secret';
let stack: TestStack;
/** Design X: its database lands on `adown`. */
let down: { schemaId: string; requested: Json };
/** Design Y: its database lands on `real`, whose name we take first with a database not ours. */
let blocked: { schemaId: string; requested: Json };
let worker: RunningWorker | undefined;

async function onReal(statement: string): Promise<void> {
  await connectWith(adminUrlOf(stack, 'real'), (sql) => sql.unsafe(statement));
}

beforeAll(async () => {
  const port = await freePort();
  stack = await startTestStack({
    PROVISION_TARGETS: `adown=postgres://postgres:${DOWN_PASSWORD}@127.0.0.1:${port}/postgres,real=${databaseUrl(serverUrl(), 'postgres')}`,
  });
  const x = await createDesign(stack, 'failing x');
  down = { schemaId: x, requested: await requestDatabase(stack, x) };
  const y = await createDesign(stack, 'failing y');
  blocked = { schemaId: y, requested: await requestDatabase(stack, y) };
  await onReal(`CREATE DATABASE ${quoteIdent(String(blocked.requested.database))}`);
});
afterAll(async () => {
  if (blocked)
    await onReal(`DROP DATABASE IF EXISTS ${quoteIdent(String(blocked.requested.database))} WITH (FORCE)`);
  await stack?.close();
});

describe('failing jobs', () => {
  test('while a job waits for a worker, every other change is refused with 409 DATABASE_BUSY', async () => {
    expect(down.requested).toMatchObject({ status: 'pending', busy: true, server: 'adown' });
    expect(blocked.requested).toMatchObject({ status: 'pending', busy: true, server: 'real' });
    const id = down.schemaId;
    const calls: [string, string, unknown, string][] = [
      ['POST', `/api/v1/schemas/${id}/database/regenerate`, { confirm: true }, 'DATABASE_BUSY'],
      ['POST', `/api/v1/schemas/${id}/database/credentials/rotate`, undefined, 'DATABASE_BUSY'],
      ['POST', `/api/v1/schemas/${id}/database/retry`, undefined, 'DATABASE_BUSY'],
      ['DELETE', `/api/v1/databases/${String(down.requested.id)}`, undefined, 'DATABASE_BUSY'],
      ['DELETE', `/api/v1/schemas/${id}?dropDatabase=true`, undefined, 'DATABASE_BUSY'],
      ['POST', `/api/v1/schemas/${id}/database`, undefined, 'DATABASE_EXISTS'],
    ];
    const answers = await Promise.all(
      calls.map(async ([method, url, body]) => {
        const response = await stack.h.request(method, url, body);
        return { call: `${method} ${url}`, status: response.statusCode, code: response.json().error?.code };
      }),
    );
    expect(answers).toEqual(
      calls.map(([method, url, , code]) => ({ call: `${method} ${url}`, status: 409, code })),
    );
    // The refused delete changed nothing: the design is still there, its job still waiting.
    expect((await stack.h.request('GET', `/api/v1/schemas/${id}`)).statusCode).toBe(200);
    const status = await stack.h.request('GET', `/api/v1/schemas/${id}/database/status`);
    expect(status.json()).toMatchObject({ status: 'pending', busy: true, operation: 'provision' });
  });

  test('a job on a server that is down fails with a readable error and no secret; a retry fails the same way', async () => {
    worker = await stack.startWorker();
    const failed = await stack.waitFor(down.schemaId, ['failed', 'ready']);
    expect(failed).toMatchObject({
      status: 'failed',
      server: 'adown',
      version: null,
      lastErrorCode: 'SERVER_ERROR',
      lastErrorSqlState: null,
      catalog: {
        reachable: false,
        error: expect.stringMatching(/^[a-z ]+: the server refused the connection \(ECONNREFUSED\)$/),
      },
    });
    expect(failed.lastError).toMatch(
      /^provision failed: [a-z ]+: the server refused the connection \(ECONNREFUSED\)$/,
    );
    // The driver's text ("connect ECONNREFUSED 127.0.0.1:<port>") names an internal address.
    expect(JSON.stringify(failed)).not.toMatch(/\d+\.\d+\.\d+\.\d+:\d+/);
    expect(JSON.stringify(failed)).not.toContain(DOWN_PASSWORD);
    const credentials = await stack.h.request('GET', `/api/v1/schemas/${down.schemaId}/database/credentials`);
    expect(credentials.statusCode).toBe(409);
    expect(credentials.json().error.code).toBe('DATABASE_NOT_READY');

    const retried = await stack.h.request('POST', `/api/v1/schemas/${down.schemaId}/database/retry`);
    expect(retried.statusCode).toBe(202);
    expect(retried.json()).toMatchObject({ status: 'pending', busy: true, lastError: null });
    const again = await stack.waitFor(down.schemaId, ['failed', 'ready']);
    expect(again).toMatchObject({ status: 'failed', lastError: expect.stringMatching(/ECONNREFUSED/) });
    expect(JSON.stringify(again)).not.toContain(DOWN_PASSWORD);

    const audit = await stack.h.request('GET', '/api/v1/audit-events?limit=100');
    const failures = audit
      .json<{ items: Json[] }>()
      .items.filter((event) => event.resourceId === down.requested.id && event.action === 'database.failed');
    expect(failures).toHaveLength(2);
    expect(audit.body).not.toContain(DOWN_PASSWORD);
  });

  test('a build PostgreSQL refuses fails, nothing of ours survives reconciling, and a retry succeeds once the cause is gone', async () => {
    // Someone else's database took the generated name: the database step must refuse to adopt it.
    const failed = await stack.waitFor(blocked.schemaId, ['failed', 'ready']);
    expect(failed).toMatchObject({ status: 'failed', server: 'real', lastErrorCode: 'NOT_OURS' });
    expect(failed.lastError).toMatch(/not created for this design/);
    const names = { databases: [String(failed.database)], roles: [String(failed.role)] };
    const real = adminUrlOf(stack, 'real');
    // The job's own cleanup removes the role it created and leaves the foreign database alone;
    // reconciling afterwards finds nothing of ours to remove and never touches the foreign one.
    expect(await existingOn(real, names)).toEqual({ ...names, roles: [] });
    if (!worker) throw new Error('the worker of the test above did not start');
    await reconcileTargets({
      client: createClient({ url: stack.url, token: await stack.h.createWorkerKey(), batch: false }),
      targets: parseTargetList(stack.targets).filter((target) => target.name === 'real'),
      session: worker.session,
      log: pino({ level: 'silent' }),
    });
    expect(await existingOn(real, names)).toEqual({ ...names, roles: [] });

    await onReal(`DROP DATABASE ${quoteIdent(String(failed.database))}`);
    const retried = await stack.h.request('POST', `/api/v1/schemas/${blocked.schemaId}/database/retry`);
    expect(retried.statusCode).toBe(202);
    expect(await stack.waitFor(blocked.schemaId, ['failed', 'ready'])).toMatchObject({
      status: 'ready',
      lastError: null,
      catalog: { exists: true, matchesDesign: true },
    });
    const login = await tryLogin((await credentialsOf(stack, blocked.schemaId)).url);
    expect(login).toEqual({ user: failed.role, database: failed.database });
  });
});

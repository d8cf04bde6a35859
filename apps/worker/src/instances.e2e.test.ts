import type { AddressInfo } from 'node:net';
import { createServer } from '@schema-builder/api/server';
import { connectServices } from '@schema-builder/api/services';
import { createClient } from '@schema-builder/client';
import { parseTargetList } from '@schema-builder/provisioning';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { adminUrlOf, createDesign, existingOn, type Json } from './e2e.test-support.ts';
import { startTestStack, type TestStack } from './test-stack.test-support.ts';
import { type RunningWorker, startWorker } from './worker.ts';

/**
 * Two API instances over one metadata database (same config: deployment id and secrets key),
 * each with its own worker. Requests go to either instance; every database is built once.
 */
let stack: TestStack;
let second:
  | { app: Awaited<ReturnType<typeof createServer>>; url: string; close: () => Promise<void> }
  | undefined;
let otherWorker: RunningWorker | undefined;

beforeAll(async () => {
  stack = await startTestStack();
  const { config } = stack.h.services;
  if (!config.DATABASE_URL) throw new Error('the test stack runs on a DATABASE_URL');
  const { services, close } = await connectServices(config, config.DATABASE_URL);
  const app = await createServer({ services, logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  second = { app, url: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`, close };
  await stack.startWorker(2, 0);
  otherWorker = startWorker({
    client: createClient({ url: second.url, token: await stack.h.createWorkerKey(), batch: false }),
    targets: parseTargetList(stack.targets),
    concurrency: 2,
    heartbeatSeconds: 1,
    log: pino({ level: 'silent' }),
    claimWaitMs: 1000,
  });
});
afterAll(async () => {
  await otherWorker?.stop(5000);
  await second?.app.close();
  await second?.close();
  await stack?.close();
});

/** A call to the second instance, as the stack's user. */
async function onSecond(method: string, path: string): Promise<{ status: number; body: Json }> {
  if (!second) throw new Error('the second API instance did not start');
  const response = await fetch(`${second.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${stack.h.user.token}` },
  });
  return { status: response.status, body: (await response.json()) as Json };
}

describe('API instances and workers side by side', () => {
  test('requests through either instance are each built once, and both instances report the same', async () => {
    const schemaIds = await Promise.all(
      Array.from({ length: 8 }, (_, index) => createDesign(stack, `side by side ${index}`)),
    );
    const requested = await Promise.all(
      schemaIds.map(async (schemaId, index) => {
        if (index % 2 === 0) return onSecond('POST', `/api/v1/schemas/${schemaId}/database`);
        const response = await stack.h.request('POST', `/api/v1/schemas/${schemaId}/database`);
        return { status: response.statusCode, body: response.json<Json>() };
      }),
    );
    expect(requested.map((answer) => answer.status)).toEqual(schemaIds.map(() => 202));

    const ready = await Promise.all(
      schemaIds.map((schemaId) => stack.waitFor(schemaId, ['ready', 'failed'])),
    );
    expect(ready.map((status) => status.status)).toEqual(schemaIds.map(() => 'ready'));
    for (const [index, schemaId] of schemaIds.entries()) {
      const viaSecond = await onSecond('GET', `/api/v1/schemas/${schemaId}/database/status`);
      expect(viaSecond.body).toMatchObject({ status: 'ready', database: ready[index]?.database });
    }

    const names = {
      databases: ready.map((status) => String(status.database)).sort(),
      roles: ready.map((status) => String(status.role)).sort(),
    };
    expect(new Set(names.databases).size).toBe(schemaIds.length);
    expect(await existingOn(adminUrlOf(stack, 'default'), names)).toEqual(names);

    // Built once each: one `database.provisioned` event per database, whichever worker ran it.
    const audit = await stack.h.request('GET', '/api/v1/audit-events?limit=100');
    const provisioned = audit
      .json<{ items: Json[] }>()
      .items.filter((event) => event.action === 'database.provisioned')
      .map((event) => String(event.resourceId))
      .sort();
    expect(provisioned).toEqual(ready.map((status) => String(status.id)).sort());
  });
});

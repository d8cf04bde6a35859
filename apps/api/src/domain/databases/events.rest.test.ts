import type { AddressInfo } from 'node:net';
import { blogDesign } from '@schema-builder/testing/fixtures';
import Fastify from 'fastify';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { authenticationPlugin } from '../../http/authentication.ts';
import { databaseEventsRoute } from '../../rest/database-events-route.ts';
import { type Harness, startHarness } from '../../test/harness.test-support.ts';
import { createContextFactory } from '../../trpc/context.ts';
import type { DatabaseEvent } from './events.ts';

/**
 * The event bus against a real metadata database, without a worker: the trigger announces what
 * changes a database's state and nothing else, whoever writes it, and a closing server ends its
 * streams and long polls instead of waiting for them.
 */
let h: Harness;
let url: string;
let schemaId: string;
let databaseId: string;
/** A connection of its own, like another API instance or an operator's psql. */
let other: postgres.Sql;

beforeAll(async () => {
  h = await startHarness();
  url = await h.listen();
  const created = await h.request('POST', '/api/v1/schemas', { ...blogDesign, name: 'events bus' });
  schemaId = created.json<{ id: string }>().id;
  const database = await h.request('POST', `/api/v1/schemas/${schemaId}/database`);
  databaseId = database.json<{ id: string }>().id;
  // Let the request's own event (pending) go by before the tests subscribe.
  await new Promise((resolve) => setTimeout(resolve, 300));
  const metadataUrl = h.services.config.DATABASE_URL;
  if (!metadataUrl) throw new Error('the harness runs on a DATABASE_URL');
  other = postgres(metadataUrl, { max: 1, onnotice: () => {} });
});
afterAll(async () => {
  await other?.end();
  await h?.close();
});

/** The events of the design that arrive while `write` runs and shortly after. */
async function eventsDuring(write: () => Promise<unknown>): Promise<DatabaseEvent[]> {
  const controller = new AbortController();
  const subscription = h.services.events.subscribe(schemaId, controller.signal);
  const seen: DatabaseEvent[] = [];
  const collecting = (async () => {
    for await (const event of subscription) seen.push(event);
  })();
  await write();
  await new Promise((resolve) => setTimeout(resolve, 300));
  controller.abort();
  await collecting;
  return seen;
}

describe('the databases trigger and the event bus', () => {
  test('a state change written through any connection reaches subscribers, with state only', async () => {
    const seen = await eventsDuring(
      () => other`UPDATE databases SET progress = 'role', updated_at = now() WHERE id = ${databaseId}`,
    );
    expect(seen).toEqual([
      expect.objectContaining({ schemaId, databaseId, status: 'pending', progress: 'role', busy: true }),
    ]);
    expect(Object.keys(seen[0] ?? {}).sort()).toEqual([
      'at',
      'busy',
      'databaseId',
      'operation',
      'progress',
      'schemaId',
      'status',
      'targetVersion',
      'version',
    ]);
  });

  test('a write that leaves the state as it was announces nothing', async () => {
    const seen = await eventsDuring(
      () => other`UPDATE databases SET updated_at = now(), last_error = NULL WHERE id = ${databaseId}`,
    );
    expect(seen).toEqual([]);
  });

  test('nothing is announced before the transaction commits, nor when it rolls back', async () => {
    const seen = await eventsDuring(async () => {
      await other
        .begin(async (tx) => {
          await tx`UPDATE databases SET progress = 'never' WHERE id = ${databaseId}`;
          throw new Error('roll back');
        })
        .catch(() => {});
    });
    expect(seen).toEqual([]);
  });
});

describe('the REST event stream', () => {
  test('refuses a worker key (403), like every user route', async () => {
    const response = await h.request('GET', `/api/v1/schemas/${schemaId}/database/events`, undefined, {
      token: await h.createWorkerKey(),
    });
    expect(response.statusCode).toBe(403);
    expect(response.json()).toMatchObject({ error: { code: 'FORBIDDEN' } });
  });

  test('sends heartbeat comments while nothing happens', async () => {
    const app = Fastify();
    await app.register(authenticationPlugin, { services: h.services });
    await app.register(databaseEventsRoute, {
      createContext: createContextFactory(h.services),
      onError: () => {},
      heartbeatMs: 50,
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    try {
      const { port } = app.server.address() as AddressInfo;
      const controller = new AbortController();
      const response = await fetch(`http://127.0.0.1:${port}/api/v1/schemas/${schemaId}/database/events`, {
        headers: { authorization: `Bearer ${h.user.token}` },
        signal: controller.signal,
      });
      const reader = response.body?.getReader();
      if (!reader) throw new Error('no stream');
      let text = '';
      while (!text.includes(': heartbeat\n\n: heartbeat\n\n'))
        text += new TextDecoder().decode((await reader.read()).value);
      expect(text).toMatch(/^event: status\ndata: .*\n\n(: heartbeat\n\n)+$/);
      controller.abort();
    } finally {
      await app.close();
    }
  });
});

describe('closing the server', () => {
  test('ends open event streams and waiting status requests at once', async () => {
    const response = await fetch(`${url}/api/v1/schemas/${schemaId}/database/events`, {
      headers: { authorization: `Bearer ${h.user.token}` },
    });
    const reader = response.body?.getReader();
    if (!reader) throw new Error('no stream');
    expect(new TextDecoder().decode((await reader.read()).value)).toMatch(/^event: status\n/);
    // Busy (the job is queued and no worker runs): a long poll waits for the next change.
    const waiting = h.request('GET', `/api/v1/schemas/${schemaId}/database/status?wait=30`);
    await expect.poll(() => h.services.events.subscriberCount).toBe(2);

    const started = Date.now();
    await h.app.close();
    expect((await waiting).statusCode).toBe(200);
    expect(await reader.read()).toMatchObject({ done: true });
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(h.services.events.subscriberCount).toBe(0);
  });
});

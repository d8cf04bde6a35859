import type { AddressInfo } from 'node:net';
import { createServer } from '@schema-builder/api/server';
import { connectServices } from '@schema-builder/api/services';
import {
  type Client,
  createClient,
  DatabaseWaitTimeoutError,
  errorBodyOf,
  waitForDatabase,
} from '@schema-builder/client';
import { EventSource } from 'eventsource';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createDesign, type Json, readyDatabase } from './e2e.test-support.ts';
import { startTestStack, type TestStack } from './test-stack.test-support.ts';

/** The fields of a database event these tests read. */
interface DatabaseEvent {
  schemaId: string;
  databaseId: string | null;
  status: string | null;
  busy: boolean;
  progress: string | null;
}

/** Exactly what an event carries: state, never names, errors or secrets. */
const EVENT_KEYS = [
  'at',
  'busy',
  'databaseId',
  'operation',
  'progress',
  'schemaId',
  'status',
  'targetVersion',
  'version',
];

let stack: TestStack;
let client: Client;
let second: { url: string; close: () => Promise<void> } | undefined;

beforeAll(async () => {
  stack = await startTestStack();
  await stack.startWorker();
  client = createClient({ url: stack.url, token: stack.h.user.token });
  // A second API instance over the same metadata database, as in instances.e2e.test.ts.
  const { config } = stack.h.services;
  if (!config.DATABASE_URL) throw new Error('the test stack runs on a DATABASE_URL');
  const services = await connectServices(config, config.DATABASE_URL);
  const app = await createServer({ services: services.services, logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  second = {
    url: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`,
    close: async () => {
      await app.close();
      await services.close();
    },
  };
});
afterAll(async () => {
  await second?.close();
  await stack?.close();
});

/** Runs of the same status collapsed: the path a database took. */
function statusPath(events: DatabaseEvent[]): Array<string | null> {
  return events
    .map((event) => event.status)
    .filter((status, index, all) => index === 0 || all[index - 1] !== status);
}

const settled = (events: DatabaseEvent[], status: string) =>
  events.some((event) => event.status === status && !event.busy);

/** Collects a tRPC subscription's events until `done` holds for them. */
function subscribeTrpc(schemaId: string, done: (events: DatabaseEvent[]) => boolean, on = client) {
  const events: DatabaseEvent[] = [];
  let subscription: { unsubscribe: () => void } | undefined;
  const finished = new Promise<DatabaseEvent[]>((resolve, reject) => {
    subscription = on.databases.events.subscribe(
      { id: schemaId },
      {
        onData: (event) => {
          events.push(event);
          if (done(events)) resolve(events);
        },
        onError: reject,
      },
    );
  });
  return { events, finished, unsubscribe: () => subscription?.unsubscribe() };
}

/** Opens the REST event stream (an EventSource sending the bearer token) and collects its `status` events. */
function subscribeRest(
  baseUrl: string,
  schemaId: string,
  done: (events: DatabaseEvent[]) => boolean,
  token = stack.h.user.token,
) {
  const events: DatabaseEvent[] = [];
  const source = new EventSource(`${baseUrl}/api/v1/schemas/${schemaId}/database/events`, {
    fetch: (input, init) =>
      fetch(input, { ...init, headers: { ...init.headers, authorization: `Bearer ${token}` } }),
  });
  const opened = new Promise<void>((resolve) => source.addEventListener('open', () => resolve()));
  const finished = new Promise<DatabaseEvent[]>((resolve) => {
    source.addEventListener('status', (message) => {
      events.push(JSON.parse(message.data) as DatabaseEvent);
      if (done(events)) resolve(events);
    });
  });
  return { events, opened, finished, close: () => source.close() };
}

/** Resolves when `check` holds, polling (for what has no event of its own: a listener count). */
async function eventually(check: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('the condition never held');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const subscribers = () => stack.h.services.events.subscriberCount;

describe('database events: a tRPC subscription over SSE', () => {
  test('subscribing and then provisioning yields no database, pending, provisioning, ready, in order', async () => {
    const schemaId = await createDesign(stack, 'events trpc');
    const subscription = subscribeTrpc(schemaId, (events) => settled(events, 'ready'));
    await eventually(() => subscription.events.length > 0);
    expect(subscription.events[0]).toMatchObject({ schemaId, status: null, databaseId: null, busy: false });

    const requested = await stack.h.request('POST', `/api/v1/schemas/${schemaId}/database`);
    expect(requested.statusCode).toBe(202);
    const events = await subscription.finished;
    subscription.unsubscribe();

    expect(statusPath(events)).toEqual([null, 'pending', 'provisioning', 'ready']);
    // Job progress arrives too: the claim, the worker's steps, the end.
    const steps = events.map((event) => event.progress);
    expect(steps).toContain('claimed');
    expect(steps.at(-1)).toBe('done');
    expect(new Set(steps).size).toBeGreaterThan(3);
    for (const event of events.slice(1)) {
      expect(Object.keys(event).sort()).toEqual(EVENT_KEYS);
      expect(event.databaseId).toBe(requested.json<Json>().id);
    }
  });

  test('a stranger cannot subscribe to a design that is not theirs: NOT_FOUND', async () => {
    const schemaId = await createDesign(stack, 'events trpc stranger');
    const stranger = await stack.h.signUp('stranger');
    const theirs = createClient({ url: stack.url, token: stranger.token });
    const subscription = subscribeTrpc(schemaId, () => true, theirs);
    const error = await subscription.finished.then(
      () => undefined,
      (reason: unknown) => reason,
    );
    subscription.unsubscribe();
    expect(errorBodyOf(error)).toMatchObject({ code: 'SCHEMA_NOT_FOUND' });
  });
});

describe('database events: the REST event stream', () => {
  test('GET …/database/events streams the current state, then pending, provisioning, ready', async () => {
    const schemaId = await createDesign(stack, 'events rest');
    const stream = subscribeRest(stack.url, schemaId, (events) => settled(events, 'ready'));
    await stream.opened;
    await eventually(() => stream.events.length > 0);
    await stack.h.request('POST', `/api/v1/schemas/${schemaId}/database`);
    const events = await stream.finished;
    stream.close();
    expect(statusPath(events)).toEqual([null, 'pending', 'provisioning', 'ready']);
    for (const event of events.slice(1)) expect(Object.keys(event).sort()).toEqual(EVENT_KEYS);
  });

  test('it is text/event-stream, and its first event is the current state', async () => {
    const { schemaId, status } = await readyDatabase(stack, 'events rest first');
    const controller = new AbortController();
    const response = await fetch(`${stack.url}/api/v1/schemas/${schemaId}/database/events`, {
      headers: { authorization: `Bearer ${stack.h.user.token}` },
      signal: controller.signal,
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    expect(response.headers.get('x-request-id')).toEqual(expect.any(String));
    const reader = response.body?.getReader();
    const chunk = await reader?.read();
    const text = new TextDecoder().decode(chunk?.value);
    expect(text).toMatch(/^event: status\ndata: \{.*\}\n\n/);
    const data = JSON.parse(text.split('\n')[1]?.slice('data: '.length) ?? '') as Json;
    expect(data).toMatchObject({ schemaId, databaseId: status.id, status: 'ready', busy: false });
    controller.abort();
    await eventually(() => subscribers() === 0);
  });

  test('a stranger, a missing token or a bad id get a JSON error, not a stream', async () => {
    const schemaId = await createDesign(stack, 'events rest stranger');
    const stranger = await stack.h.signUp('stranger');
    const path = `/api/v1/schemas/${schemaId}/database/events`;
    const asStranger = await stack.h.request('GET', path, undefined, { token: stranger.token });
    expect(asStranger.statusCode).toBe(404);
    expect(asStranger.headers['content-type']).toMatch(/^application\/json/);
    expect(asStranger.json()).toMatchObject({ error: { code: 'SCHEMA_NOT_FOUND' } });

    const anonymous = await stack.h.request('GET', path, undefined, { token: null });
    expect(anonymous.statusCode).toBe(401);
    const badId = await stack.h.request('GET', '/api/v1/schemas/not-a-uuid/database/events');
    expect(badId.statusCode).toBe(422);
    expect(badId.json()).toMatchObject({ error: { code: 'VALIDATION_ERROR' } });
    expect(subscribers()).toBe(0);
  });
});

describe('database events across API instances', () => {
  test('a subscriber on one instance sees a change made through the other', async () => {
    if (!second) throw new Error('the second API instance did not start');
    const schemaId = await createDesign(stack, 'events two instances');
    const onFirst = subscribeRest(stack.url, schemaId, (events) => settled(events, 'ready'));
    const onFirstTrpc = subscribeTrpc(schemaId, (events) => settled(events, 'ready'));
    await onFirst.opened;
    await eventually(() => onFirst.events.length > 0 && onFirstTrpc.events.length > 0);

    const requested = await fetch(`${second.url}/api/v1/schemas/${schemaId}/database`, {
      method: 'POST',
      headers: { authorization: `Bearer ${stack.h.user.token}` },
    });
    expect(requested.status).toBe(202);
    expect(statusPath(await onFirst.finished)).toEqual([null, 'pending', 'provisioning', 'ready']);
    expect(statusPath(await onFirstTrpc.finished)).toEqual([null, 'pending', 'provisioning', 'ready']);
    onFirst.close();
    onFirstTrpc.unsubscribe();
  });
});

describe('long polling the status route', () => {
  test('?wait= answers promptly when the status changes', async () => {
    const { schemaId } = await readyDatabase(stack, 'events long poll change');
    const started = Date.now();
    const waiting = stack.h.request('GET', `/api/v1/schemas/${schemaId}/database/status?wait=30&since=ready`);
    await eventually(() => subscribers() > 0);
    const regenerated = await stack.h.request('POST', `/api/v1/schemas/${schemaId}/database/regenerate`, {
      confirm: true,
    });
    expect(regenerated.statusCode).toBe(202);
    const answer = await waiting;
    expect(answer.statusCode).toBe(200);
    expect(answer.json<Json>().status).not.toBe('ready');
    expect(Date.now() - started).toBeLessThan(10_000);
    await stack.waitFor(schemaId, ['ready', 'failed']);
  });

  test('?wait= answers after the wait when nothing changes, and at once when the status is already another', async () => {
    const { schemaId } = await readyDatabase(stack, 'events long poll quiet');
    const started = Date.now();
    const quiet = await stack.h.request(
      'GET',
      `/api/v1/schemas/${schemaId}/database/status?wait=1&since=ready`,
    );
    const waited = Date.now() - started;
    expect(quiet.statusCode).toBe(200);
    expect(quiet.json<Json>().status).toBe('ready');
    expect(waited).toBeGreaterThanOrEqual(950);
    expect(waited).toBeLessThan(5_000);

    const at = Date.now();
    const differs = await stack.h.request(
      'GET',
      `/api/v1/schemas/${schemaId}/database/status?wait=30&since=pending`,
    );
    expect(differs.json<Json>().status).toBe('ready');
    // Idle, without since: nothing is going to change, so no waiting either.
    const idle = await stack.h.request('GET', `/api/v1/schemas/${schemaId}/database/status?wait=30`);
    expect(idle.json<Json>().status).toBe('ready');
    expect(Date.now() - at).toBeLessThan(5_000);
    expect(subscribers()).toBe(0);
  });

  test('GET status?wait=30 in a loop follows a job to its end', async () => {
    const schemaId = await createDesign(stack, 'events long poll loop');
    await stack.h.request('POST', `/api/v1/schemas/${schemaId}/database`);
    const seen: string[] = [];
    let calls = 0;
    for (;;) {
      calls += 1;
      const answer = await stack.h.request('GET', `/api/v1/schemas/${schemaId}/database/status?wait=30`);
      const body = answer.json<Json>();
      seen.push(String(body.status));
      if (body.busy === false) break;
      if (calls > 100) throw new Error(`never settled: ${seen.join(', ')}`);
    }
    expect(seen.at(-1)).toBe('ready');
  });

  test('?wait= above the maximum is a located 422', async () => {
    const { schemaId } = await readyDatabase(stack, 'events long poll invalid');
    const answer = await stack.h.request('GET', `/api/v1/schemas/${schemaId}/database/status?wait=31`);
    expect(answer.statusCode).toBe(422);
    expect(answer.json()).toMatchObject({ error: { code: 'VALIDATION_ERROR', details: [{ path: 'wait' }] } });
  });
});

describe('disconnected subscribers', () => {
  test('leave no listener behind', async () => {
    const schemaId = await createDesign(stack, 'events leaks');
    await eventually(() => subscribers() === 0);
    const streams = Array.from({ length: 3 }, () => subscribeRest(stack.url, schemaId, () => false));
    const subscriptions = Array.from({ length: 3 }, () => subscribeTrpc(schemaId, () => false));
    await Promise.all(streams.map((stream) => stream.opened));
    await eventually(() => subscribers() === 6);
    for (const stream of streams) stream.close();
    for (const subscription of subscriptions) subscription.unsubscribe();
    await eventually(() => subscribers() === 0);
  });
});

describe('waitForDatabase (client)', () => {
  test('resolves with the full status once the database is ready', async () => {
    const schemaId = await createDesign(stack, 'events wait for');
    const waiting = waitForDatabase(client, { schemaId, until: ['ready', 'failed'], timeoutMs: 60_000 });
    await stack.h.request('POST', `/api/v1/schemas/${schemaId}/database`);
    const status = await waiting;
    expect(status).toMatchObject({ schemaId, status: 'ready', busy: false });
    expect(status.catalog).toMatchObject({ exists: true, matchesDesign: true });
    await eventually(() => subscribers() === 0);
  });

  test('rejects with a DatabaseWaitTimeoutError when the status never comes', async () => {
    const { schemaId } = await readyDatabase(stack, 'events wait for timeout');
    const error = await waitForDatabase(client, { schemaId, until: ['dropped'], timeoutMs: 500 }).catch(
      (reason: unknown) => reason,
    );
    expect(error).toBeInstanceOf(DatabaseWaitTimeoutError);
    expect(error).toMatchObject({ schemaId, lastStatus: 'ready' });
    await eventually(() => subscribers() === 0);
  });

  test("rejects with the API's error for a design that is not the caller's", async () => {
    const schemaId = await createDesign(stack, 'events wait for stranger');
    const stranger = await stack.h.signUp('stranger');
    const error = await waitForDatabase(createClient({ url: stack.url, token: stranger.token }), {
      schemaId,
      timeoutMs: 10_000,
    }).catch((reason: unknown) => reason);
    expect(errorBodyOf(error)).toMatchObject({ code: 'SCHEMA_NOT_FOUND' });
  });
});

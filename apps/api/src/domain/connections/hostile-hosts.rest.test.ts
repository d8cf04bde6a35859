import { createServer, type Server, type Socket } from 'node:net';
import { networkInterfaces } from 'node:os';
import { connections } from '@schema-builder/db';
import { eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import type { Harness } from '../../test/harness.test-support.ts';
import { startHarness } from '../../test/harness.test-support.ts';
import { secretAad } from './connections.ts';

/**
 * The red team's attempts to reach the service's own network through saved connections (issue
 * 11, findings 2–5), through the real API. A listener on every local address of this machine
 * counts the connections it gets: it must get none, every attempt is refused with a stable code,
 * and the API is still up and answering afterwards.
 */
interface Listener {
  port: number;
  /** Connections accepted so far. */
  accepted: () => number;
  /** Connections still open. */
  open: () => number;
  close: () => Promise<void>;
}

/** Listens on :: (and so on 0.0.0.0 too); `hangUp` closes each connection at once, else it stays silent. */
async function listen(behaviour: 'silent' | 'hangUp'): Promise<Listener> {
  let accepted = 0;
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    accepted += 1;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {});
    if (behaviour === 'hangUp') socket.destroy();
    // Read and drop what the client says: a stream with unread data never reports its end.
    else socket.resume();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ host: '::', port: 0, ipv6Only: false }, resolve);
  });
  const address = server.address();
  if (typeof address !== 'object' || !address) throw new Error('not listening');
  return {
    port: address.port,
    accepted: () => accepted,
    open: () => sockets.size,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/** This machine's addresses that are not loopback. */
const ownNonLoopback = () =>
  Object.values(networkInterfaces())
    .flatMap((entries) => entries ?? [])
    .filter((entry) => !entry.internal && !entry.address.startsWith('fe80:'))
    .map((entry) => entry.address);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function eventually(check: () => boolean, ms = 3000): Promise<void> {
  const until = Date.now() + ms;
  while (!check() && Date.now() < until) await sleep(50);
}

const HOSTS = [
  '::127.0.0.1',
  '::ffff:127.0.0.1',
  '64:ff9b::7f00:1',
  '2002:7f00:1::',
  '[::1]',
  '0.0.0.0',
  '127.1',
  '0x7f000001',
  '2130706433',
  'localhost',
  ...ownNonLoopback(),
];
const ENGINES = ['postgresql', 'mysql', 'mongodb'] as const;

describe('saved connections that point back at this machine', () => {
  let h: Harness;
  let listener: Listener;

  beforeAll(async () => {
    listener = await listen('silent');
    h = await startHarness({ CONNECTION_TEST_TIMEOUT_MS: '1000' });
  });
  afterAll(async () => {
    await h?.close();
    await listener?.close();
  });

  afterEach(async () => {
    // Every case: nothing reached the listener, and the API still answers.
    expect(listener.accepted()).toBe(0);
    expect((await h.request('GET', '/api/v1/health')).statusCode).toBe(200);
  });

  /** Tries the connection every way the API offers: test, sync, browse, import. */
  async function expectRefusedEverywhere(body: Record<string, unknown>) {
    const created = await h.request('POST', '/api/v1/connections', {
      name: `c-${crypto.randomUUID()}`,
      ...body,
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id;

    const tested = await h.request('POST', `/api/v1/connections/${id}/test`);
    expect(tested.statusCode, tested.body).toBe(200);
    expect(tested.json()).toMatchObject({ ok: false, code: 'HOST_NOT_ALLOWED' });

    const synced = await h.request('POST', `/api/v1/connections/${id}/sync`);
    expect(synced.statusCode, synced.body).toBe(422);
    expect(synced.json().error.details[0]).toMatchObject({ code: 'HOST_NOT_ALLOWED' });

    const browsed = await h.request('GET', `/api/v1/connections/${id}/databases`);
    expect(browsed.statusCode, browsed.body).toBe(200);
    expect(browsed.json().items).toEqual([]);

    const imported = await h.request('POST', '/api/v1/schemas/import', { connectionId: id, database: 'x' });
    expect(imported.statusCode, imported.body).toBe(422);
    expect(imported.json().error.details[0]).toMatchObject({
      path: 'connectionId',
      code: 'HOST_NOT_ALLOWED',
    });
  }

  describe.each(ENGINES)('%s', (type) => {
    test.each(HOSTS)('host %s is refused for test, sync, browse and import', async (host) => {
      await expectRefusedEverywhere({ type, host, port: listener.port, username: 'u', password: 'p' });
    });
  });

  test.each([
    ['postgresql', (port: number) => `postgres://u:p@[::127.0.0.1]:${port}/x`],
    ['postgresql', (port: number) => `postgresql://u:p@[64:ff9b::7f00:1]:${port}/x`],
    ['mysql', (port: number) => `mysql://u:p@127.1:${port}/x`],
    ['mysql', (port: number) => `mysql://u:p@[::ffff:127.0.0.1]:${port}/x`],
    ['mongodb', (port: number) => `mongodb://u:p@[2002:7f00:1::]:${port}/x`],
    ['mongodb', (port: number) => `mongodb://u:p@localhost:${port}/x`],
  ])('a %s connection string to %s is refused the same way', async (type, url) => {
    await expectRefusedEverywhere({ type, connectionString: url(listener.port) });
  });

  describe('connection string options that reach past the host check', () => {
    const refusals: Array<[string, string, (port: number) => string, string]> = [
      [
        'mongodb',
        'proxyHost',
        (port) => `mongodb://u:p@8.8.8.8:27017/x?proxyHost=127.0.0.1&proxyPort=${port}`,
        'proxyHost',
      ],
      [
        'mongodb',
        'tlsCAFile',
        () => 'mongodb://u:p@8.8.8.8:27017/x?tls=true&tlsCAFile=/etc/passwd',
        'tlsCAFile',
      ],
      [
        'mongodb',
        'tlsCertificateKeyFile',
        () => 'mongodb://8.8.8.8/x?tlsCertificateKeyFile=/etc/shadow',
        'tlsCertificateKeyFile',
      ],
      ['mongodb', 'MONGODB-AWS', () => 'mongodb://8.8.8.8/x?authMechanism=MONGODB-AWS', 'MONGODB-AWS'],
      [
        'mongodb',
        'authMechanismProperties',
        () => 'mongodb://8.8.8.8/x?authMechanismProperties=AWS_SESSION_TOKEN:x',
        'authMechanismProperties',
      ],
      ['mongodb', 'replicaSet', () => 'mongodb://8.8.8.8/x?replicaSet=rs0', 'replicaSet'],
      [
        'mongodb',
        'directConnection=false',
        () => 'mongodb://8.8.8.8/x?directConnection=false',
        'directConnection',
      ],
      ['mongodb', 'loadBalanced', () => 'mongodb://8.8.8.8/x?loadBalanced=true', 'loadBalanced'],
      ['mongodb', 'mongodb+srv', () => 'mongodb+srv://u:p@cluster.example.test/x', 'mongodb+srv'],
      [
        'mongodb',
        'a seed list',
        (port) => `mongodb://u:p@8.8.8.8:27017,127.0.0.1:${port}/x`,
        'several hosts',
      ],
      ['mysql', 'LOCAL INFILE', () => 'mysql://u:p@8.8.8.8/x?allowLocalInfile=true', 'allowLocalInfile'],
      ['postgresql', 'host', (port) => `postgres://u:p@8.8.8.8/x?host=127.0.0.1&port=${port}`, '"host"'],
      ['postgresql', 'sslkey', () => 'postgres://u:p@8.8.8.8/x?sslkey=/etc/shadow', 'sslkey'],
      ['postgresql', 'the wrong scheme', () => 'mongodb://u:p@8.8.8.8/x', 'postgres://'],
    ];

    test.each(refusals)('%s with %s is refused on save with a located 422', async (type, _, url, named) => {
      const response = await h.request('POST', '/api/v1/connections', {
        name: `c-${crypto.randomUUID()}`,
        type,
        connectionString: url(listener.port),
      });
      expect(response.statusCode, response.body).toBe(422);
      const { error } = response.json();
      expect(error.code).toBe('VALIDATION_ERROR');
      expect(error.details).toEqual([
        expect.objectContaining({ path: 'connectionString', message: expect.stringContaining(named) }),
      ]);
    });

    test('and on an update', async () => {
      const created = await h.request('POST', '/api/v1/connections', {
        name: `c-${crypto.randomUUID()}`,
        type: 'mongodb',
        connectionString: 'mongodb://u:p@8.8.8.8:27017/x?authSource=admin',
      });
      expect(created.statusCode, created.body).toBe(201);
      const patched = await h.request('PATCH', `/api/v1/connections/${created.json().id}`, {
        connectionString: `mongodb://u:p@8.8.8.8:27017/x?proxyHost=127.0.0.1&proxyPort=${listener.port}`,
      });
      expect(patched.statusCode, patched.body).toBe(422);
      expect(patched.json().error.details[0]).toMatchObject({ path: 'connectionString' });
    });

    test('and again at connect time, for a string stored before the rule existed', async () => {
      const created = await h.request('POST', '/api/v1/connections', {
        name: `c-${crypto.randomUUID()}`,
        type: 'mongodb',
        connectionString: 'mongodb://u:p@8.8.8.8:27017/x',
      });
      const id = created.json().id;
      const stored = `mongodb://u:p@8.8.8.8:27017/x?proxyHost=127.0.0.1&proxyPort=${listener.port}`;
      await h.services.db
        .update(connections)
        .set({ secretSealed: h.services.secrets.seal(stored, secretAad(id)) })
        .where(eq(connections.id, id));
      for (const [method, path, body] of [
        ['POST', `/api/v1/connections/${id}/test`, undefined],
        ['POST', `/api/v1/connections/${id}/sync`, undefined],
        ['POST', '/api/v1/schemas/import', { connectionId: id, database: 'x' }],
      ] as const) {
        const response = await h.request(method, path, body);
        expect(response.statusCode, `${path}: ${response.body}`).toBe(422);
        expect(response.json().error.details[0]).toMatchObject({
          path: 'connectionString',
          message: expect.stringContaining('proxyHost'),
        });
      }
    });
  });
});

describe('a connection attempt is one connection, torn down when it is over', () => {
  let h: Harness;

  beforeAll(async () => {
    // Loopback is opened on purpose here: these servers are ours, and misbehave.
    // The shortest deadline: a driver left connecting would outlive it by its own timeouts (1 s and more).
    h = await startHarness({ CONNECTIONS_ALLOWED_HOSTS: '127.0.0.1/32', CONNECTION_TEST_TIMEOUT_MS: '100' });
  });
  afterAll(async () => {
    await h?.close();
  });

  async function testAgainst(listener: Listener, type: (typeof ENGINES)[number]) {
    const created = await h.request('POST', '/api/v1/connections', {
      name: `c-${crypto.randomUUID()}`,
      type,
      host: '127.0.0.1',
      port: listener.port,
      username: 'u',
      password: 'p',
    });
    expect(created.statusCode, created.body).toBe(201);
    const started = Date.now();
    const tested = await h.request('POST', `/api/v1/connections/${created.json().id}/test`);
    expect(tested.statusCode, tested.body).toBe(200);
    expect(tested.json()).toMatchObject({ ok: false });
    return Date.now() - started;
  }

  test.each(['postgresql', 'mysql'] as const)(
    'a %s server that hangs up gets one connection, and no reconnects after the answer',
    async (type) => {
      const listener = await listen('hangUp');
      try {
        await testAgainst(listener, type);
        expect(listener.accepted()).toBe(1);
        await sleep(1500);
        expect(listener.accepted()).toBe(1);
      } finally {
        await listener.close();
      }
    },
  );

  test.each(ENGINES)('a silent %s server: the deadline answers and closes the connection', async (type) => {
    const listener = await listen('silent');
    try {
      const elapsed = await testAgainst(listener, type);
      // 100 ms of deadline, and at most a second per teardown step.
      expect(elapsed).toBeLessThan(2500);
      // Closed by the time the answer came (the server hears of it a moment later), not later on.
      await eventually(() => listener.open() === 0, 400);
      expect(listener.open()).toBe(0);
      const accepted = listener.accepted();
      expect(accepted).toBeGreaterThanOrEqual(1);
      await sleep(1500);
      expect(listener.accepted()).toBe(accepted);
      if (type !== 'mongodb') expect(accepted).toBe(1);
    } finally {
      await listener.close();
    }
  });

  test('the API is still answering', async () => {
    expect((await h.request('GET', '/api/v1/health')).statusCode).toBe(200);
  });
});

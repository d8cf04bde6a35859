import { randomBytes, randomUUID } from 'node:crypto';
import { runMigrations } from '@schema-builder/db';
import { createTestDatabase, serverUrl } from '@schema-builder/testing/postgres';
import type { FastifyBaseLogger, FastifyInstance, LightMyRequestResponse } from 'fastify';
import { createApiKey } from '../domain/api-keys/api-keys.ts';
import type { Config } from '../env.ts';
import { ConfigSchema } from '../env.ts';
import { NO_SESSION_COOKIE } from '../http/session-cookie.ts';
import { createServer } from '../server.ts';
import { connectServices, type Services } from '../services.ts';
import type { Context } from '../trpc/context.ts';
import { createCaller } from '../trpc/root.ts';

export interface TestUser {
  id: string;
  email: string;
  password: string;
  token: string;
}

export interface RequestOptions {
  /** Bearer token; default the harness's own user. `null` sends no credentials. */
  token?: string | null;
  headers?: Record<string, string>;
}

export interface Harness {
  app: FastifyInstance;
  services: Services;
  /** The user every request acts as unless told otherwise (signed up through the API). */
  user: TestUser;
  /** Signs up another user through the API. */
  signUp: (name?: string) => Promise<TestUser>;
  /** A tRPC caller acting as a user (by id, as a session would). */
  caller: (userId?: string) => ReturnType<typeof createCaller>;
  /** `app.inject` for JSON, authenticated as `user` unless `options.token` says otherwise. */
  request: (
    method: string,
    url: string,
    body?: unknown,
    options?: RequestOptions,
  ) => Promise<LightMyRequestResponse>;
  /** A new worker key (what `pnpm --filter @schema-builder/api worker-key` prints). */
  createWorkerKey: () => Promise<string>;
  /** Listens on a free port of 127.0.0.1 (once) and returns the base URL, for clients and workers. */
  listen: () => Promise<string>;
  close: () => Promise<void>;
}

/**
 * A real API over a fresh, migrated database of its own, with a signed-up user, so suites never
 * see each other's rows. Rate limits are lifted unless a suite sets them.
 */
export async function startHarness(
  overrides: Partial<Record<keyof Config, string>> = {},
  /** A logger for the server and its services (default: none), for suites that read the log. */
  setup: { logger?: FastifyBaseLogger } = {},
): Promise<Harness> {
  const database = await createTestDatabase('sbapi');
  await runMigrations(database.url);
  const config = ConfigSchema.parse({
    DATABASE_URL: database.url,
    DATABASE_POOL_SIZE: '5',
    SECRETS_KEY: randomBytes(32).toString('hex'),
    // Markers name the deployment: suites running side by side never reconcile each other's databases.
    DEPLOYMENT_ID: `test-${randomBytes(4).toString('hex')}`,
    RATE_LIMIT_PER_MINUTE: '100000',
    RATE_LIMIT_SIGN_IN_PER_MINUTE: '100000',
    RATE_LIMIT_SIGN_UP_PER_MINUTE: '100000',
    ...overrides,
  });
  const { services, close } = await connectServices(config, database.url, setup.logger);
  const app = await createServer({ services, logger: setup.logger ?? false });
  await app.ready();

  const request: Harness['request'] = (method, url, body, options = {}) => {
    const token = options.token === undefined ? harness.user.token : options.token;
    return app.inject({
      method: method as 'GET',
      url,
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...options.headers,
      },
      ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
    });
  };

  const signUp = async (name = 'someone'): Promise<TestUser> => {
    const email = `${name}-${randomUUID()}@example.test`;
    const password = `correct horse ${randomUUID()}`;
    const response = await request(
      'POST',
      '/api/v1/auth/sign-up',
      { email, password, name },
      { token: null },
    );
    if (response.statusCode !== 201) throw new Error(`sign-up failed: ${response.body}`);
    const body = response.json();
    return { id: body.user.id, email, password, token: body.token };
  };

  const harness: Harness = {
    app,
    services,
    user: { id: '', email: '', password: '', token: '' },
    signUp,
    caller: (userId = harness.user.id) => {
      const requestId = randomUUID();
      const ctx: Context = {
        services,
        auth: { principal: { kind: 'user', userId, via: 'session', sessionId: randomUUID() } },
        origin: { requestId },
        log: app.log,
        sessionCookie: NO_SESSION_COOKIE,
      };
      return createCaller(ctx);
    },
    request,
    createWorkerKey: async () => {
      const { key } = await createApiKey({
        db: services.db,
        origin: { requestId: 'test' },
        userId: null,
        name: 'test worker',
        scope: 'worker',
      });
      return key;
    },
    listen: async () => {
      if (!app.server.listening) await app.listen({ port: 0, host: '127.0.0.1' });
      const address = app.server.address();
      if (typeof address !== 'object' || address === null) throw new Error('not listening on a port');
      return `http://127.0.0.1:${address.port}`;
    },
    close: async () => {
      await app.close();
      await close();
      await database.drop();
    },
  };
  harness.user = await signUp('owner');
  return harness;
}

/** Host, port and credentials of the test PostgreSQL server (the machine's or the embedded one). */
export function testServerCoordinates(database?: string) {
  const url = new URL(serverUrl());
  return {
    host: url.hostname,
    port: Number(url.port || 5432),
    username: decodeURIComponent(url.username) || 'postgres',
    ...(url.password ? { password: decodeURIComponent(url.password) } : {}),
    ...(database ? { database } : {}),
  };
}

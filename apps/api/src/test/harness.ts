import { randomUUID } from 'node:crypto';
import { createDatabase, runMigrations } from '@schema-builder/db';
import { createTestDatabase } from '@schema-builder/testing/postgres';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { Config } from '../env.ts';
import { ConfigSchema } from '../env.ts';
import { createServer } from '../server.ts';
import type { Context, Services } from '../trpc/context.ts';
import { createCaller } from '../trpc/root.ts';

export interface Harness {
  app: FastifyInstance;
  services: Services;
  /** A tRPC caller acting as `userId` (default: the configured local user). */
  caller: (userId?: string) => ReturnType<typeof createCaller>;
  /** `app.inject` for JSON: method, url and an optional body. */
  request: (method: string, url: string, body?: unknown) => Promise<LightMyRequestResponse>;
  close: () => Promise<void>;
}

/**
 * A real API over a fresh, migrated database of its own, with a user id unique to the harness
 * so suites never see each other's rows.
 */
export async function startHarness(overrides: Partial<Record<keyof Config, string>> = {}): Promise<Harness> {
  const database = await createTestDatabase('sbapi');
  await runMigrations(database.url);
  const config = ConfigSchema.parse({
    LOCAL_USER_ID: randomUUID(),
    DATABASE_URL: database.url,
    ...overrides,
  });
  const { db, sql, close } = createDatabase({ url: database.url, max: 5 });
  const services: Services = { config, db, sql, startedAt: new Date() };
  const app = await createServer({ services, logger: false });
  await app.ready();

  return {
    app,
    services,
    caller: (userId = config.LOCAL_USER_ID) => {
      const ctx: Context = { services, user: { id: userId }, requestId: randomUUID(), log: app.log };
      return createCaller(ctx);
    },
    request: (method, url, body) =>
      app.inject({
        method: method as 'GET',
        url,
        ...(body === undefined
          ? {}
          : { payload: JSON.stringify(body), headers: { 'content-type': 'application/json' } }),
      }),
    close: async () => {
      await app.close();
      await close();
      await database.drop();
    },
  };
}

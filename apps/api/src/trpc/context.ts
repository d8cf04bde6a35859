import type { Database } from '@schema-builder/db';
import type { FastifyBaseLogger, FastifyRequest } from 'fastify';
import type { Sql } from 'postgres';
import type { Config } from '../env.ts';

/** Long-lived dependencies, created once at start and shared by every request. */
export interface Services {
  config: Config;
  db: Database;
  sql: Sql;
  startedAt: Date;
}

/** Who is calling. Resolved per request; every owned resource is scoped to `id`. */
export interface User {
  id: string;
}

export interface Context {
  services: Services;
  user: User | null;
  requestId: string;
  log: FastifyBaseLogger;
}

/** One context factory for both transports (tRPC at /trpc, REST at /api/v1). */
export function createContextFactory(services: Services) {
  return ({ req }: { req: FastifyRequest }): Context => ({
    services,
    // Until accounts exist, every request acts as the configured local user.
    user: { id: services.config.LOCAL_USER_ID },
    requestId: req.id,
    log: req.log,
  });
}

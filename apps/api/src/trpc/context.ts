import type { FastifyBaseLogger, FastifyRequest } from 'fastify';
import type { RequestOrigin } from '../domain/audit/record-event.ts';
import type { Authentication } from '../domain/auth/principal.ts';
import type { Services } from '../services.ts';

/** What a procedure sees of its request; transport-only (domain functions take what they use). */
export interface Context {
  services: Services;
  /** Resolved once per request from its credentials (see http/authentication.ts). */
  auth: Authentication;
  origin: RequestOrigin;
  log: FastifyBaseLogger;
}

declare module 'fastify' {
  interface FastifyRequest {
    authentication: Authentication | null;
  }
}

/** One context factory for both transports (tRPC at /trpc, REST at /api/v1). */
export function createContextFactory(services: Services) {
  return ({ req }: { req: FastifyRequest }): Context => ({
    services,
    auth: req.authentication ?? { principal: null },
    origin: { requestId: req.id, ip: req.ip },
    log: req.log,
  });
}

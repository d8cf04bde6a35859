import type { FastifyBaseLogger, FastifyReply, FastifyRequest } from 'fastify';
import type { RequestOrigin } from '../domain/audit/record-event.ts';
import type { Authentication } from '../domain/auth/principal.ts';
import type { StoredJsonForm } from '../domain/stored-json.ts';
import { type SessionCookie, sessionCookieOf } from '../http/session-cookie.ts';
import type { Services } from '../services.ts';

/** What a procedure sees of its request; transport-only (domain functions take what they use). */
export interface Context {
  services: Services;
  /** Resolved once per request from its credentials (see http/authentication.ts). */
  auth: Authentication;
  origin: RequestOrigin;
  log: FastifyBaseLogger;
  /** The browser session cookie of the answer (browser sign-in sets it, sign-out clears it). */
  sessionCookie: SessionCookie;
  /**
   * How a procedure hands back a stored document (domain/stored-json.ts): parsed when absent, or
   * as the stored text for the REST adapter, which writes it into the body as is.
   */
  storedJson?: StoredJsonForm;
}

declare module 'fastify' {
  interface FastifyRequest {
    authentication: Authentication | null;
  }
}

/**
 * One context factory for both transports (tRPC at /trpc, REST at /api/v1); REST asks for stored
 * documents as text.
 */
export function createContextFactory(services: Services, storedJson: StoredJsonForm = 'value') {
  return ({ req, res }: { req: FastifyRequest; res: FastifyReply }): Context => ({
    services,
    auth: req.authentication ?? { principal: null },
    origin: { requestId: req.id, ip: req.ip },
    log: req.log,
    sessionCookie: sessionCookieOf(req, res),
    storedJson,
  });
}

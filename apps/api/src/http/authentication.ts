import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { authenticate, cachedAuthentication } from '../domain/auth/authenticate.ts';
import type { Authentication } from '../domain/auth/principal.ts';
import { AppError } from '../errors/codes.ts';
import type { Services } from '../services.ts';
import { CROSS_SITE_MESSAGE, isCrossSiteCookieWrite } from './cross-site-writes.ts';
import { sessionCookieValue } from './session-cookie.ts';

/**
 * Resolves every request's credentials once, before routing to tRPC or REST, so the rate limiter
 * can count per user and the context only copies the result. A write signed in by the session
 * cookie that does not come from this app is refused here (403), before anything reads its body.
 */
export const authenticationPlugin = fp(
  async (app: FastifyInstance, { services }: { services: Services }) => {
    app.decorateRequest('authentication', null);
    // Synchronous when the credential is cached: an async hook costs a promise on every request.
    app.addHook('onRequest', (request, _reply, done) => {
      const sessionCookie = sessionCookieValue(request);
      const cached = cachedAuthentication(services.credentialCache, request.headers, sessionCookie);
      if (cached) return done(settle(request, cached));
      authenticate({
        db: services.db,
        config: services.config,
        cache: services.credentialCache,
        headers: request.headers,
        sessionCookie,
      }).then((authentication) => done(settle(request, authentication)), done);
    });
  },
  { name: 'schema-builder-authentication', fastify: '5.x' },
);

/** Records how the request is authenticated; answers the error that refuses it, if one does. */
function settle(request: FastifyRequest, authentication: Authentication): AppError | undefined {
  request.authentication = authentication;
  const viaCookie = authentication.principal !== null && authentication.viaCookie === true;
  return isCrossSiteCookieWrite(request, viaCookie)
    ? new AppError('FORBIDDEN', CROSS_SITE_MESSAGE)
    : undefined;
}

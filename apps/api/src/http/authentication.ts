import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { authenticate, cachedAuthentication } from '../domain/auth/authenticate.ts';
import type { Services } from '../services.ts';

/**
 * Resolves every request's credentials once, before routing to tRPC or REST, so the rate limiter
 * can count per user and the context only copies the result.
 */
export const authenticationPlugin = fp(
  async (app: FastifyInstance, { services }: { services: Services }) => {
    app.decorateRequest('authentication', null);
    // Synchronous when the credential is cached: an async hook costs a promise on every request.
    app.addHook('onRequest', (request, _reply, done) => {
      const cached = cachedAuthentication(services.credentialCache, request.headers);
      if (cached) {
        request.authentication = cached;
        return done();
      }
      authenticate({
        db: services.db,
        config: services.config,
        cache: services.credentialCache,
        headers: request.headers,
      }).then((authentication) => {
        request.authentication = authentication;
        done();
      }, done);
    });
  },
  { name: 'schema-builder-authentication', fastify: '5.x' },
);

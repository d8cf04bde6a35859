import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { authenticate } from '../domain/auth/authenticate.ts';
import type { Services } from '../trpc/context.ts';

/**
 * Resolves every request's credentials once, before routing to tRPC or REST, so the rate limiter
 * can count per user and the context only copies the result.
 */
export const authenticationPlugin = fp(
  async (app: FastifyInstance, { services }: { services: Services }) => {
    app.decorateRequest('authentication', null);
    app.addHook('onRequest', async (request) => {
      request.authentication = await authenticate({
        db: services.db,
        config: services.config,
        cache: services.credentialCache,
        headers: request.headers,
      });
    });
  },
  { name: 'schema-builder-authentication', fastify: '5.x' },
);

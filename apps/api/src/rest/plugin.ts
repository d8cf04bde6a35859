import type { StaticDocumentSpec } from '@fastify/swagger';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { fastifyTRPCOpenApiPlugin } from 'trpc-to-openapi';
import type { ErrorBody } from '../errors/codes.ts';
import type { Context } from '../trpc/context.ts';
import { responseMeta } from '../trpc/response-meta.ts';
import type { AppRouter } from '../trpc/root.ts';
import { buildOpenApiDocument, REST_PREFIX } from './openapi.ts';

export interface RestPluginOptions {
  router: AppRouter;
  createContext: (opts: { req: FastifyRequest }) => Context;
  appVersion: string;
  onError: (opts: { error: Error; path?: string | undefined; req: FastifyRequest }) => void;
}

/**
 * The REST API: the same procedures as /trpc, routed by their `meta.openapi`, plus the
 * OpenAPI document and an interactive docs page.
 */
export async function restPlugin(app: FastifyInstance, options: RestPluginOptions): Promise<void> {
  const document = buildOpenApiDocument(options.router, options.appVersion);

  // Same JSON, two libraries' typings of OpenAPI 3.1.
  const specification = { document: document as unknown as StaticDocumentSpec['document'] };
  await app.register(swagger, { mode: 'static', specification });
  await app.register(swaggerUi, { routePrefix: '/docs' });
  app.get(`${REST_PREFIX}/openapi.json`, { logLevel: 'warn' }, () => document);

  await app.register(async (rest) => {
    // The adapter puts its own fields beside the formatter's; REST clients get only `{ error }`.
    // Errors raised before a context exists (unknown route) get the request id here.
    rest.addHook('onSend', async (request, reply, payload) => {
      if (reply.statusCode < 400 || typeof payload !== 'string') return payload;
      const parsed = JSON.parse(payload) as { data?: { error?: ErrorBody } };
      const error = parsed.data?.error;
      return error ? JSON.stringify({ error: { ...error, requestId: request.id } }) : payload;
    });
    await rest.register(fastifyTRPCOpenApiPlugin, {
      basePath: REST_PREFIX,
      router: options.router,
      createContext: options.createContext,
      responseMeta,
      onError: options.onError,
    });
  });
}

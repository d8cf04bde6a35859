import type { StaticDocumentSpec } from '@fastify/swagger';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { retryAfterOf, statusOf, toErrorBody } from '../errors/to-error-body.ts';
import { noteErrorCode } from '../http/request-log.ts';
import type { Context } from '../trpc/context.ts';
import type { AppRouter } from '../trpc/root.ts';
import { createCaller } from '../trpc/root.ts';
import { methodNotAllowedRoutes } from './method-not-allowed.ts';
import { buildOpenApiDocument } from './openapi.ts';
import type { RestRoute } from './routes.ts';
import { REST_PREFIX, restRoutes, successStatusOf } from './routes.ts';

export interface RestPluginOptions {
  router: AppRouter;
  createContext: (opts: { req: FastifyRequest }) => Context;
  appVersion: string;
  onError: (opts: { error: Error; path?: string | undefined; req: FastifyRequest }) => void;
}

/**
 * The REST API: each procedure with `meta.openapi` becomes a native Fastify route that calls the
 * same procedure through the tRPC caller, so validation, errors and output are shared with
 * /trpc. trpc-to-openapi generates the OpenAPI document from the same meta.
 */
export async function restPlugin(app: FastifyInstance, options: RestPluginOptions): Promise<void> {
  const document = buildOpenApiDocument(options.router, options.appVersion);
  // Same JSON, two libraries' typings of OpenAPI 3.1.
  const specification = { document: document as unknown as StaticDocumentSpec['document'] };
  await app.register(swagger, { mode: 'static', specification });
  await app.register(swaggerUi, { routePrefix: '/docs', staticCSP: true });
  app.get(`${REST_PREFIX}/openapi.json`, { logLevel: 'warn' }, () => document);

  const routes = restRoutes(options.router);
  for (const route of routes) {
    app.route({
      method: route.method,
      url: route.url,
      config: { procedure: route.procedure },
      handler: async (request, reply) => {
        const caller = createCaller(options.createContext({ req: request }));
        try {
          const data = await callProcedure(caller, route.procedure, inputOf(route, request));
          const status = successStatusOf(route, data);
          if (route.location && status !== 200) reply.header('location', REST_PREFIX + route.location(data));
          return reply.status(status).send(data);
        } catch (error) {
          const body = toErrorBody(error, request.id);
          noteErrorCode(request, body.code);
          if (error instanceof Error) options.onError({ error, path: route.procedure, req: request });
          const retryAfter = retryAfterOf(error);
          if (retryAfter !== undefined) reply.header('retry-after', String(retryAfter));
          return reply.status(statusOf(body.code)).send({ error: body });
        }
      },
    });
  }
  for (const route of methodNotAllowedRoutes(routes)) app.route(route);
}

/** Path parameters win over query and body fields of the same name. */
function inputOf(route: RestRoute, request: FastifyRequest): unknown {
  if (route.voidInput) return undefined;
  const params = request.params as Record<string, string>;
  if (route.method === 'GET' || route.method === 'DELETE') {
    return { ...(request.query as Record<string, unknown>), ...params };
  }
  const body: unknown = request.body;
  // An action on a resource (POST /connections/{id}/test) may come without a body.
  if (body === undefined || body === null) return { ...params };
  const isObject = typeof body === 'object' && !Array.isArray(body);
  // A body that is not an object is passed on as is, for the input schema to reject with a path.
  return isObject ? { ...body, ...params } : body;
}

function callProcedure(
  caller: ReturnType<typeof createCaller>,
  path: string,
  input: unknown,
): Promise<unknown> {
  let target: unknown = caller;
  for (const segment of path.split('.')) target = (target as Record<string, unknown>)[segment];
  if (typeof target !== 'function') throw new Error(`no procedure at ${path}`);
  return target(input);
}

import type { StaticDocumentSpec } from '@fastify/swagger';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { retryAfterOf, statusOf, toErrorBody } from '../errors/to-error-body.ts';
import { noteErrorCode } from '../http/request-log.ts';
import type { Context } from '../trpc/context.ts';
import { procedureAt } from '../trpc/procedures.ts';
import type { AppRouter } from '../trpc/root.ts';
import { noneMatch, tagOf, VERSION_PROCEDURES, versionTag } from './etag.ts';
import { asPreconditionFailure, expectedVersionFromIfMatch } from './if-match.ts';
import { methodNotAllowedRoutes } from './method-not-allowed.ts';
import { buildOpenApiDocument } from './openapi.ts';
import { responseSchemaOf, withStoredJson } from './response-schema.ts';
import type { RestRoute } from './routes.ts';
import { REST_PREFIX, restRoutes, successStatusOf } from './routes.ts';

export interface RestPluginOptions {
  router: AppRouter;
  createContext: (opts: { req: FastifyRequest; res: FastifyReply }) => Context;
  appVersion: string;
  onError: (opts: { error: Error; path?: string | undefined; req: FastifyRequest }) => void;
}

/**
 * The REST API: each procedure with `meta.openapi` becomes a native Fastify route that calls the
 * same procedure with the same middlewares as /trpc, so validation, errors and output are
 * shared. trpc-to-openapi generates the OpenAPI document from the same meta. Single resources
 * carry an ETag (etag.ts): If-None-Match answers 304, If-Match guards a design's update.
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
    const procedure = procedureAt(options.router, route.procedure);
    const call = procedure.call;
    const versionProcedure = VERSION_PROCEDURES[route.procedure];
    const callVersion = versionProcedure ? procedureAt(options.router, versionProcedure).call : undefined;
    // Success bodies are written by a serialiser compiled from the output schema.
    const response = route.method === 'GET' ? responseSchemaOf(procedure.output) : undefined;
    app.route({
      method: route.method,
      url: route.url,
      config: { procedure: route.procedure },
      ...(response ? { schema: { response: { [route.successStatus]: response.schema } } } : {}),
      handler: async (request, reply) => {
        const ctx = options.createContext({ req: request, res: reply });
        // A write whose resource's ETag is its version takes If-Match (a design's update).
        const ifMatch =
          route.method === 'PUT' && callVersion !== undefined ? request.headers['if-match'] : undefined;
        try {
          let input = inputOf(route, request);
          if (ifMatch !== undefined && callVersion !== undefined)
            input = await expectedVersionFromIfMatch({ ifMatch, input, ctx, currentVersion: callVersion });
          const ifNoneMatch = route.method === 'GET' ? request.headers['if-none-match'] : undefined;
          if (ifNoneMatch !== undefined && callVersion !== undefined) {
            const { version } = (await callVersion(ctx, input)) as { version: number };
            const etag = versionTag(version);
            if (!noneMatch(ifNoneMatch, etag)) return reply.header('etag', etag).status(304).send();
          }
          const data = await call(ctx, input);
          return sendSuccess(route, request, reply, data, response?.storedFields ?? []);
        } catch (error) {
          const answer = toErrorBody(error, request.id);
          const body = ifMatch === undefined ? answer : asPreconditionFailure(answer);
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

/**
 * A success: with its status (and `Location` for a create), with an ETag when the route has one, and 304 without a body when the client's
 * If-None-Match already names it (RFC 9110 §13.1.2: only GET and HEAD answer 304). A body with
 * stored fields is written here: the compiled serialiser, then each stored field as it came.
 */
function sendSuccess(
  route: RestRoute,
  request: FastifyRequest,
  reply: FastifyReply,
  data: unknown,
  storedFields: readonly string[],
) {
  const status = successStatusOf(route, data);
  reply.status(status);
  if (route.location && status !== 200) reply.header('location', REST_PREFIX + route.location(data));
  const serialise = (output: unknown) => {
    // The route's own serialiser (the same bytes `send` would write), sent as a JSON string.
    reply.type('application/json; charset=utf-8');
    const written = String(reply.serialize(output));
    return storedFields.length === 0
      ? written
      : withStoredJson(written, output as Record<string, unknown>, storedFields);
  };
  const tagged = tagOf(route.procedure, data, serialise);
  if (tagged !== undefined) {
    reply.header('etag', tagged.etag);
    const ifNoneMatch = request.headers['if-none-match'];
    if (route.method === 'GET' && ifNoneMatch !== undefined && !noneMatch(ifNoneMatch, tagged.etag))
      return reply.status(304).send();
  }
  const body = tagged === undefined ? data : tagged.body;
  return reply.send(storedFields.length > 0 && typeof body !== 'string' ? serialise(body) : body);
}

/**
 * Path parameters win over body and query fields of the same name, body fields over query ones.
 * A body may come with query options (`POST /schemas/validate?dialect=mysql`).
 */
function inputOf(route: RestRoute, request: FastifyRequest): unknown {
  if (route.voidInput) return undefined;
  const params = request.params as Record<string, string>;
  const query = request.query as Record<string, unknown>;
  if (route.method === 'GET' || route.method === 'DELETE') return { ...query, ...params };
  const body: unknown = request.body;
  // An action on a resource (POST /connections/{id}/test) may come without a body.
  if (body === undefined || body === null) return { ...query, ...params };
  const isObject = typeof body === 'object' && !Array.isArray(body);
  // A body that is not an object is passed on as is, for the input schema to reject with a path.
  return isObject ? { ...query, ...body, ...params } : body;
}

import { randomUUID } from 'node:crypto';
import cookie from '@fastify/cookie';
import cors from '@fastify/cors';
import type { FastifyTRPCPluginOptions } from '@trpc/server/adapters/fastify';
import { fastifyTRPCPlugin } from '@trpc/server/adapters/fastify';
import type { FastifyBaseLogger, FastifyInstance, FastifyRequest } from 'fastify';
import Fastify from 'fastify';
import type { Config } from './env.ts';
import { statusOf, toErrorBody } from './errors/to-error-body.ts';
import { authenticationPlugin } from './http/authentication.ts';
import { overloadPlugin } from './http/overload.ts';
import { rateLimitPlugin } from './http/rate-limits.ts';
import { noteErrorCode, RequestLogController } from './http/request-log.ts';
import { securityHeadersPlugin } from './http/security-headers.ts';
import { registerWebApp } from './http/web-app.ts';
import { createLogger } from './logger.ts';
import { metricsPlugin } from './metrics/plugin.ts';
import { databaseEventsRoute } from './rest/database-events-route.ts';
import { restPlugin } from './rest/plugin.ts';
import { rateClassesOf } from './rest/routes.ts';
import type { Services } from './services.ts';
import { createContextFactory } from './trpc/context.ts';
import { proceduresOf } from './trpc/procedures.ts';
import { responseMeta } from './trpc/response-meta.ts';
import type { AppRouter } from './trpc/root.ts';
import { appRouter } from './trpc/root.ts';

export const APP_VERSION = '0.1.0';

export interface ServerOptions {
  services: Services;
  /** A logger to use instead of creating one (tests pass a silent one). */
  logger?: FastifyBaseLogger | boolean;
  /** How often overload is measured (tests shorten it; see http/overload.ts). */
  overloadSampleIntervalMs?: number;
}

const REQUEST_ID = /^[\w.-]{1,128}$/;

/**
 * CORS: the methods the API answers to, and the request headers it reads (credentials, JSON
 * bodies, request ids, tRPC's stream negotiation, conditional requests, SSE resumption).
 */
const CORS_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'];
const CORS_ALLOWED_HEADERS = [
  'authorization',
  'content-type',
  'x-request-id',
  'trpc-accept',
  'if-match',
  'if-none-match',
  'last-event-id',
];
const CORS_EXPOSED_HEADERS = ['x-request-id', 'retry-after', 'location', 'etag'];

/** Fastify's types omit the hop count its trustProxy takes; a hop count is this function. */
function trustProxyOf(setting: Config['TRUST_PROXY']) {
  if (typeof setting !== 'number') return setting;
  return (_address: string, hop: number) => hop < setting;
}

/** Builds the HTTP server; `listen` is the caller's business (tests use `app.inject`). */
export async function createServer({
  services,
  logger,
  overloadSampleIntervalMs,
}: ServerOptions): Promise<FastifyInstance> {
  const { config } = services;
  const app = Fastify({
    ...(logger === false
      ? { logger: false }
      : { loggerInstance: typeof logger === 'object' ? logger : createLogger(config) }),
    // One line per request, with its error code (http/request-log.ts), instead of Fastify's two.
    logController: new RequestLogController(),
    bodyLimit: config.BODY_LIMIT,
    // request.ip: the client behind the trusted proxies (sign-in throttling, rate limits, audit).
    trustProxy: trustProxyOf(config.TRUST_PROXY),
    // Honour a caller's (or proxy's) request id when it is sane, so logs join up across services.
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
    routerOptions: { maxParamLength: 500 },
  });

  // JSON only: a text/plain body is refused with 415 instead of reaching a procedure as a string.
  app.removeContentTypeParser('text/plain');

  // Synchronous: an async hook costs a promise on every response.
  app.addHook('onSend', (request, reply, payload, done) => {
    reply.header('x-request-id', request.id);
    done(null, payload);
  });

  app.setErrorHandler((error, request, reply) => {
    const body = toErrorBody(error, request.id);
    const status = statusOf(body.code);
    noteErrorCode(request, body.code);
    if (status >= 500) request.log.error({ err: error, code: body.code }, 'request failed');
    return reply.status(status).send({ error: body });
  });
  const webApp = await registerWebApp(app, { distDir: config.WEB_DIST_DIR });
  app.setNotFoundHandler((request, reply) => {
    if (webApp?.fallback(request, reply)) return reply;
    const body = toErrorBody({ statusCode: 404 }, request.id);
    noteErrorCode(request, body.code);
    return reply.status(404).send({ error: body });
  });

  await app.register(overloadPlugin, {
    config,
    ...(overloadSampleIntervalMs === undefined ? {} : { sampleIntervalMs: overloadSampleIntervalMs }),
  });
  await app.register(metricsPlugin, {
    metrics: services.metrics,
    token: config.METRICS_TOKEN,
    procedures: new Set(proceduresOf(appRouter).keys()),
  });
  await app.register(securityHeadersPlugin);
  // Cookies are parsed only where the session cookie is read (http/session-cookie.ts), not per request.
  await app.register(cookie, { hook: false });
  await app.register(authenticationPlugin, { services });
  await app.register(rateLimitPlugin, { config, rateClasses: rateClassesOf(appRouter) });
  await app.register(cors, {
    origin: config.CORS_ORIGINS.includes('*') ? true : config.CORS_ORIGINS,
    methods: CORS_METHODS,
    allowedHeaders: CORS_ALLOWED_HEADERS,
    exposedHeaders: CORS_EXPOSED_HEADERS,
    // Browsers may reuse a preflight's answer for 10 minutes.
    maxAge: 600,
  });

  const createContext = createContextFactory(services);
  const onError = ({
    error,
    path,
    req,
  }: {
    error: Error;
    path?: string | undefined;
    req: FastifyRequest;
  }) => {
    const body = toErrorBody(error, '');
    noteErrorCode(req, body.code);
    if (statusOf(body.code) >= 500)
      req.log.error({ err: error, procedure: path, code: body.code }, 'procedure failed');
    else req.log.debug({ code: body.code, procedure: path }, 'procedure refused the request');
  };

  await app.register(fastifyTRPCPlugin, {
    prefix: '/trpc',
    trpcOptions: {
      router: appRouter,
      createContext,
      responseMeta,
      onError,
    } satisfies FastifyTRPCPluginOptions<AppRouter>['trpcOptions'],
  });
  await app.register(restPlugin, {
    router: appRouter,
    // REST writes a stored design as it came from the database (domain/stored-json.ts).
    createContext: createContextFactory(services, 'text'),
    appVersion: APP_VERSION,
    onError,
  });
  await app.register(databaseEventsRoute, { createContext, onError });
  // Event streams and long polls never end by themselves: end them, or closing waits forever.
  app.addHook('preClose', async () => services.events.close());

  return app;
}

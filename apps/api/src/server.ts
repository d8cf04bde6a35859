import { randomUUID } from 'node:crypto';
import cors from '@fastify/cors';
import type { FastifyTRPCPluginOptions } from '@trpc/server/adapters/fastify';
import { fastifyTRPCPlugin } from '@trpc/server/adapters/fastify';
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import Fastify from 'fastify';
import type { Config } from './env.ts';
import { statusOf, toErrorBody } from './errors/to-error-body.ts';
import { authenticationPlugin } from './http/authentication.ts';
import { rateLimitPlugin } from './http/rate-limits.ts';
import { securityHeadersPlugin } from './http/security-headers.ts';
import { loggerOptions } from './logger.ts';
import { restPlugin } from './rest/plugin.ts';
import type { Services } from './trpc/context.ts';
import { createContextFactory } from './trpc/context.ts';
import { responseMeta } from './trpc/response-meta.ts';
import type { AppRouter } from './trpc/root.ts';
import { appRouter } from './trpc/root.ts';

export const APP_VERSION = '0.1.0';

export interface ServerOptions {
  services: Services;
  /** A logger to use instead of creating one (tests pass a silent one). */
  logger?: FastifyBaseLogger | boolean;
}

const REQUEST_ID = /^[\w.-]{1,128}$/;

/** Fastify's types omit the hop count its trustProxy takes; a hop count is this function. */
function trustProxyOf(setting: Config['TRUST_PROXY']) {
  if (typeof setting !== 'number') return setting;
  return (_address: string, hop: number) => hop < setting;
}

/** Builds the HTTP server; `listen` is the caller's business (tests use `app.inject`). */
export async function createServer({ services, logger }: ServerOptions): Promise<FastifyInstance> {
  const { config } = services;
  const app = Fastify({
    ...(logger && typeof logger === 'object'
      ? { loggerInstance: logger }
      : {
          logger: logger === false ? false : loggerOptions(config),
        }),
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
    if (status >= 500) request.log.error({ err: error }, 'request failed');
    return reply.status(status).send({ error: body });
  });
  app.setNotFoundHandler((request, reply) => {
    const body = toErrorBody({ statusCode: 404 }, request.id);
    return reply.status(404).send({ error: body });
  });

  await app.register(securityHeadersPlugin);
  await app.register(authenticationPlugin, { services });
  await app.register(rateLimitPlugin, { config });
  await app.register(cors, {
    origin: config.CORS_ORIGINS.includes('*') ? true : config.CORS_ORIGINS,
    // ETag: a browser app reads it to send If-Match / If-None-Match back.
    exposedHeaders: ['x-request-id', 'etag'],
  });

  const createContext = createContextFactory(services);
  const onError = ({
    error,
    path,
    req,
  }: {
    error: Error;
    path?: string | undefined;
    req: { log: FastifyBaseLogger };
  }) => {
    const body = toErrorBody(error, '');
    if (statusOf(body.code) >= 500) req.log.error({ err: error, procedure: path }, 'procedure failed');
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
  await app.register(restPlugin, { router: appRouter, createContext, appVersion: APP_VERSION, onError });

  return app;
}

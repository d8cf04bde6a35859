import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { ErrorCode } from '../errors/codes.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The code of the error body this request was answered with (set where the body is made). */
    errorCode: ErrorCode | undefined;
  }
}

/** Records the error code a request is answered with, for its log line and its metrics. */
export function noteErrorCode(request: FastifyRequest, code: ErrorCode): void {
  request.errorCode = code;
}

/**
 * What an idle installation calls all the time: the worker's long polls and lease renewals, the
 * reconciler's questions, probes and scrapes. Their successes are logged at debug, so an idle log
 * stays quiet; their failures still at info.
 */
const ROUTINE = [
  /^\/trpc\/worker\.(claim|heartbeat|deadDatabases|deployment)(\?|$)/,
  /^\/api\/v1\/health(\/live|\/ready)?(\?|$)/,
  /^\/metrics(\?|$)/,
];

function isRoutine(request: FastifyRequest): boolean {
  return ROUTINE.some((pattern) => pattern.test(request.url));
}

/**
 * One line per request, when it completes (Fastify's own request logging is off): method, URL,
 * status, duration, and on an error answer the error code a client got, so a log search by code
 * finds every 4xx and 5xx. The "incoming request" line is at debug.
 */
export const requestLogPlugin = fp(
  async (app: FastifyInstance) => {
    app.decorateRequest('errorCode', undefined);
    app.addHook('onRequest', async (request) => {
      request.log.debug({ req: request }, 'incoming request');
    });
    app.addHook('onResponse', async (request, reply) => {
      const status = reply.statusCode;
      const fields = {
        req: request,
        res: reply,
        responseTime: reply.elapsedTime,
        ...(status >= 400 && request.errorCode ? { code: request.errorCode } : {}),
      };
      if (status < 400 && isRoutine(request)) request.log.debug(fields, 'request completed');
      else request.log.info(fields, 'request completed');
    });
  },
  { name: 'request-log' },
);

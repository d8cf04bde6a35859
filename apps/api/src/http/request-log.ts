import type { FastifyReply, FastifyRequest } from 'fastify';
import { LogController } from 'fastify';
import type { ErrorCode } from '../errors/codes.ts';

/** The code of the error body each request was answered with (set where the body is made). */
const errorCodes = new WeakMap<FastifyRequest, ErrorCode>();

/** Records the error code a request is answered with, for its log line. */
export function noteErrorCode(request: FastifyRequest, code: ErrorCode): void {
  errorCodes.set(request, code);
}

/**
 * What an idle installation calls all the time: the worker's long polls and lease renewals, the
 * reconciler's questions, probes and scrapes. Their successes are logged at debug, so an idle log
 * stays quiet; their failures still at info.
 */
const ROUTINE = [
  /^\/trpc\/worker\.(claim|heartbeat|deadDatabases|deployment)(\?|$)/,
  /^\/api\/v1\/health(\/live|\/ready)?(\?|$)/,
  /^\/trpc\/health\.(live|ready|check)(\?|$)/,
  /^\/metrics(\?|$)/,
];

const isRoutine = (request: FastifyRequest) => ROUTINE.some((pattern) => pattern.test(request.url));

/**
 * Fastify's request logging, one line per request: `request completed` with method, URL, status
 * and duration, and on an error answer the error code the client got, so a search by code finds
 * every 4xx and 5xx. The `incoming request` line is at debug, and so are routine successes.
 */
export class RequestLogController extends LogController {
  override incomingRequest(request: FastifyRequest): void {
    request.log.debug({ req: request }, 'incoming request');
  }

  override requestCompleted(
    error: Error | null | undefined,
    request: FastifyRequest,
    reply: FastifyReply,
  ): void {
    const status = reply.statusCode;
    const code = status >= 400 ? errorCodes.get(request) : undefined;
    const fields = {
      req: request,
      res: reply,
      responseTime: reply.elapsedTime,
      ...(code ? { code } : {}),
      ...(error ? { err: error } : {}),
    };
    if (error) reply.log.error(fields, 'request errored');
    else if (status < 400 && isRoutine(request)) reply.log.debug(fields, 'request completed');
    else reply.log.info(fields, 'request completed');
  }
}

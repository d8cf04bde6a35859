import { issuesFromZod } from '@schema-builder/schema-model';
import { TRPCError } from '@trpc/server';
import { ZodError } from 'zod';
import type { ErrorBody, ErrorCode, ErrorDetail } from './codes.ts';
import { AppError, ERROR_MAPPING } from './codes.ts';

const INTERNAL_MESSAGE = 'Something went wrong on our side. Quote the request id if you report it.';

/**
 * Turns anything thrown while serving a request into the one error body. Only AppErrors and
 * input validation carry their own message; everything else is described by its code alone,
 * so SQL, stacks and host names never reach a client.
 */
export function toErrorBody(error: unknown, requestId: string): ErrorBody {
  const { code, message, details } = describe(error);
  return { code, message, details, requestId };
}

/** Seconds a client should wait before retrying, when the error says. */
export function retryAfterOf(error: unknown): number | undefined {
  const cause = error instanceof TRPCError ? error.cause : error;
  return cause instanceof AppError ? cause.retryAfterSeconds : undefined;
}

export function statusOf(code: ErrorCode): number {
  return ERROR_MAPPING[code].status;
}

interface Description {
  code: ErrorCode;
  message: string;
  details: ErrorDetail[];
}

function describe(error: unknown): Description {
  const cause = error instanceof TRPCError ? (error.cause ?? error) : error;
  if (cause instanceof AppError) return { code: cause.code, message: cause.message, details: cause.details };
  if (cause instanceof ZodError) {
    const issues = issuesFromZod(cause);
    return {
      code: 'VALIDATION_ERROR',
      message: `The request has ${plural(issues.length, 'problem')}.`,
      details: issues.map(({ path, code, message }) => ({ path, code, message })),
    };
  }
  if (error instanceof TRPCError) return describeTrpc(error);
  return describeHttp(error);
}

function describeTrpc(error: TRPCError): Description {
  switch (error.code) {
    case 'PARSE_ERROR':
      return simple('INVALID_JSON', 'The request body is not valid JSON.');
    case 'BAD_REQUEST':
      return simple('BAD_REQUEST', 'The request is malformed.');
    case 'NOT_FOUND':
      return simple('ROUTE_NOT_FOUND', 'No such route or procedure.');
    case 'METHOD_NOT_SUPPORTED':
      return simple('METHOD_NOT_ALLOWED', 'This method is not allowed here.');
    case 'UNAUTHORIZED':
      return simple('UNAUTHORIZED', 'Sign in first: send Authorization: Bearer <session token or API key>.');
    case 'FORBIDDEN':
      return simple('FORBIDDEN', 'Your credentials do not allow this.');
    case 'TOO_MANY_REQUESTS':
      return simple('RATE_LIMITED', 'Too many requests; retry later.');
    case 'PAYLOAD_TOO_LARGE':
      return simple('PAYLOAD_TOO_LARGE', 'The request body is too large.');
    case 'UNSUPPORTED_MEDIA_TYPE':
      return simple('UNSUPPORTED_MEDIA_TYPE', 'Send the body as application/json.');
    default:
      return simple('INTERNAL_ERROR', INTERNAL_MESSAGE);
  }
}

/** Errors raised by Fastify itself (body parsing, limits, routing). */
function describeHttp(error: unknown): Description {
  const statusCode =
    typeof error === 'object' && error && 'statusCode' in error ? error.statusCode : undefined;
  const fastifyCode = typeof error === 'object' && error && 'code' in error ? String(error.code) : '';
  switch (statusCode) {
    case 400:
      if (error instanceof SyntaxError || fastifyCode.startsWith('FST_ERR_CTP')) {
        return simple('INVALID_JSON', 'The request body is not valid JSON.');
      }
      return simple('BAD_REQUEST', 'The request is malformed.');
    case 404:
      return simple('ROUTE_NOT_FOUND', 'No such route.');
    case 405:
      return simple('METHOD_NOT_ALLOWED', 'This method is not allowed here.');
    case 413:
      return simple('PAYLOAD_TOO_LARGE', 'The request body is too large.');
    case 415:
      return simple('UNSUPPORTED_MEDIA_TYPE', 'Send the body as application/json.');
    case 429:
      return simple('RATE_LIMITED', 'Too many requests; retry after the number of seconds in Retry-After.');
    default:
      return simple('INTERNAL_ERROR', INTERNAL_MESSAGE);
  }
}

function simple(code: ErrorCode, message: string): Description {
  return { code, message, details: [] };
}

export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

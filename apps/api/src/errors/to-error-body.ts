import { issuesFromZod } from '@schema-builder/schema-model/validation';
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
  const code = error instanceof TRPCError ? codeOfTrpcError(error) : codeOfHttpError(error);
  return { code, message: GENERIC_MESSAGES[code] ?? INTERNAL_MESSAGE, details: [] };
}

/** What a client is told when nothing more specific is known (and must not be). */
const GENERIC_MESSAGES: Partial<Record<ErrorCode, string>> = {
  INVALID_JSON: 'The request body is not valid JSON.',
  BAD_REQUEST: 'The request is malformed.',
  ROUTE_NOT_FOUND: 'No such route or procedure.',
  METHOD_NOT_ALLOWED: 'This method is not allowed here.',
  PAYLOAD_TOO_LARGE: 'The request body is too large.',
  UNSUPPORTED_MEDIA_TYPE: 'Send the body as application/json.',
  UNAUTHORIZED: 'Sign in first: send Authorization: Bearer <session token or API key>.',
  FORBIDDEN: 'Your credentials do not allow this.',
  RATE_LIMITED: 'Too many requests; retry after the number of seconds in Retry-After.',
};

/** Errors tRPC raises itself (parsing, routing, limits). */
function codeOfTrpcError(error: TRPCError): ErrorCode {
  switch (error.code) {
    case 'PARSE_ERROR':
      return 'INVALID_JSON';
    case 'BAD_REQUEST':
      return 'BAD_REQUEST';
    case 'NOT_FOUND':
      return 'ROUTE_NOT_FOUND';
    case 'METHOD_NOT_SUPPORTED':
      return 'METHOD_NOT_ALLOWED';
    case 'PAYLOAD_TOO_LARGE':
      return 'PAYLOAD_TOO_LARGE';
    case 'UNSUPPORTED_MEDIA_TYPE':
      return 'UNSUPPORTED_MEDIA_TYPE';
    case 'UNAUTHORIZED':
      return 'UNAUTHORIZED';
    case 'FORBIDDEN':
      return 'FORBIDDEN';
    case 'TOO_MANY_REQUESTS':
      return 'RATE_LIMITED';
    default:
      return 'INTERNAL_ERROR';
  }
}

/** Errors Fastify and its plugins raise (body parsing, limits, routing), by status. */
function codeOfHttpError(error: unknown): ErrorCode {
  const statusCode =
    typeof error === 'object' && error && 'statusCode' in error ? error.statusCode : undefined;
  const fastifyCode = typeof error === 'object' && error && 'code' in error ? String(error.code) : '';
  switch (statusCode) {
    case 400:
      return error instanceof SyntaxError || fastifyCode.startsWith('FST_ERR_CTP')
        ? 'INVALID_JSON'
        : 'BAD_REQUEST';
    case 404:
      return 'ROUTE_NOT_FOUND';
    case 405:
      return 'METHOD_NOT_ALLOWED';
    case 413:
      return 'PAYLOAD_TOO_LARGE';
    case 415:
      return 'UNSUPPORTED_MEDIA_TYPE';
    case 429:
      return 'RATE_LIMITED';
    default:
      return 'INTERNAL_ERROR';
  }
}

export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

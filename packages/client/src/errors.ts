import { TRPCClientError } from '@trpc/client';
import type { inferRouterError } from '@trpc/server';
import type { AppRouter, ErrorCode } from './server-types.ts';
import { ERROR_CODES } from './server-types.ts';

export { ERROR_CODES, type ErrorCode };

/** The service's one error body: `error` over REST, `data.error` of a tRPC error. */
export type ApiErrorBody = inferRouterError<AppRouter>['data']['error'];

/** A failed call whose body says which of the service's errors it is. */
export type ApiError<TCode extends ErrorCode = ErrorCode> = TRPCClientError<AppRouter> & {
  readonly data: { error: ApiErrorBody & { code: TCode } };
};

const KNOWN_CODES: ReadonlySet<string> = new Set(ERROR_CODES);

/** The error body (`code`, `message`, `details`, `requestId`) of a failed call, if it has one. */
export function errorBodyOf(error: unknown): ApiErrorBody | undefined {
  if (!(error instanceof TRPCClientError)) return undefined;
  const data: unknown = error.data;
  if (typeof data !== 'object' || data === null || !('error' in data)) return undefined;
  const body: unknown = data.error;
  if (typeof body !== 'object' || body === null || !('code' in body)) return undefined;
  // A code this version of the client does not know is still an error body, typed as the known set.
  return typeof body.code === 'string' ? (body as ApiErrorBody) : undefined;
}

/**
 * Whether a call failed with one of the service's errors (any, or the given codes), narrowing it
 * so `error.data.error.code` is typed:
 *
 * ```ts
 * if (isApiError(error, 'VERSION_CONFLICT')) reload(error.data.error.details);
 * ```
 */
export function isApiError<TCode extends ErrorCode = ErrorCode>(
  error: unknown,
  code?: TCode | readonly TCode[],
): error is ApiError<TCode> {
  const body = errorBodyOf(error);
  if (!body) return false;
  if (code === undefined) return true;
  const codes: readonly string[] = typeof code === 'string' ? [code] : code;
  return codes.includes(body.code);
}

/** Whether a string is one of the service's error codes (say, one read from a REST response). */
export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && KNOWN_CODES.has(value);
}

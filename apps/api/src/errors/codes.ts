import type { TRPC_ERROR_CODE_KEY } from '@trpc/server';

/** The closed set of error codes every API response uses, REST and tRPC alike. */
export const ERROR_CODES = [
  'VALIDATION_ERROR',
  'DESIGN_TOO_LARGE',
  'UNSUPPORTED_DATA_TYPE',
  'FOREIGN_KEY_ERROR',
  'CONNECTION_FAILED',
  'INVALID_JSON',
  'BAD_REQUEST',
  'SCHEMA_NOT_FOUND',
  'VERSION_NOT_FOUND',
  'ROUTE_NOT_FOUND',
  'UNAUTHORIZED',
  'INVALID_CREDENTIALS',
  'FORBIDDEN',
  'API_KEY_NOT_FOUND',
  'CONNECTION_NOT_FOUND',
  'CATALOG_OBJECT_NOT_FOUND',
  'CONNECTION_INACTIVE',
  'EMAIL_TAKEN',
  'RATE_LIMITED',
  'METHOD_NOT_ALLOWED',
  'DUPLICATE_NAME',
  'VERSION_CONFLICT',
  'PRECONDITION_FAILED',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'DATABASE_NOT_FOUND',
  'DATABASE_EXISTS',
  'DATABASE_BUSY',
  'DATABASE_NOT_READY',
  'CONFIRMATION_REQUIRED',
  'MIGRATION_REFUSED',
  'JOB_NOT_ACTIVE',
  'SERVICE_UNAVAILABLE',
  'INTERNAL_ERROR',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

interface Mapping {
  status: number;
  trpc: TRPC_ERROR_CODE_KEY;
}

/** Exhaustive: adding a code without its mapping does not compile. */
export const ERROR_MAPPING = {
  VALIDATION_ERROR: { status: 422, trpc: 'UNPROCESSABLE_CONTENT' },
  DESIGN_TOO_LARGE: { status: 422, trpc: 'UNPROCESSABLE_CONTENT' },
  UNSUPPORTED_DATA_TYPE: { status: 422, trpc: 'UNPROCESSABLE_CONTENT' },
  FOREIGN_KEY_ERROR: { status: 422, trpc: 'UNPROCESSABLE_CONTENT' },
  CONNECTION_FAILED: { status: 422, trpc: 'UNPROCESSABLE_CONTENT' },
  INVALID_JSON: { status: 400, trpc: 'PARSE_ERROR' },
  BAD_REQUEST: { status: 400, trpc: 'BAD_REQUEST' },
  SCHEMA_NOT_FOUND: { status: 404, trpc: 'NOT_FOUND' },
  VERSION_NOT_FOUND: { status: 404, trpc: 'NOT_FOUND' },
  ROUTE_NOT_FOUND: { status: 404, trpc: 'NOT_FOUND' },
  UNAUTHORIZED: { status: 401, trpc: 'UNAUTHORIZED' },
  INVALID_CREDENTIALS: { status: 401, trpc: 'UNAUTHORIZED' },
  FORBIDDEN: { status: 403, trpc: 'FORBIDDEN' },
  API_KEY_NOT_FOUND: { status: 404, trpc: 'NOT_FOUND' },
  CONNECTION_NOT_FOUND: { status: 404, trpc: 'NOT_FOUND' },
  CATALOG_OBJECT_NOT_FOUND: { status: 404, trpc: 'NOT_FOUND' },
  CONNECTION_INACTIVE: { status: 409, trpc: 'CONFLICT' },
  EMAIL_TAKEN: { status: 409, trpc: 'CONFLICT' },
  RATE_LIMITED: { status: 429, trpc: 'TOO_MANY_REQUESTS' },
  METHOD_NOT_ALLOWED: { status: 405, trpc: 'METHOD_NOT_SUPPORTED' },
  DUPLICATE_NAME: { status: 409, trpc: 'CONFLICT' },
  VERSION_CONFLICT: { status: 409, trpc: 'CONFLICT' },
  PRECONDITION_FAILED: { status: 412, trpc: 'PRECONDITION_FAILED' },
  PAYLOAD_TOO_LARGE: { status: 413, trpc: 'PAYLOAD_TOO_LARGE' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, trpc: 'UNSUPPORTED_MEDIA_TYPE' },
  DATABASE_NOT_FOUND: { status: 404, trpc: 'NOT_FOUND' },
  DATABASE_EXISTS: { status: 409, trpc: 'CONFLICT' },
  DATABASE_BUSY: { status: 409, trpc: 'CONFLICT' },
  DATABASE_NOT_READY: { status: 409, trpc: 'CONFLICT' },
  CONFIRMATION_REQUIRED: { status: 400, trpc: 'BAD_REQUEST' },
  MIGRATION_REFUSED: { status: 409, trpc: 'CONFLICT' },
  JOB_NOT_ACTIVE: { status: 409, trpc: 'CONFLICT' },
  SERVICE_UNAVAILABLE: { status: 503, trpc: 'SERVICE_UNAVAILABLE' },
  INTERNAL_ERROR: { status: 500, trpc: 'INTERNAL_SERVER_ERROR' },
} as const satisfies Record<ErrorCode, Mapping>;

/** One located problem inside an error (a field of the request, a part of the design). */
export interface ErrorDetail {
  path: string;
  code: string;
  message: string;
}

/** The one error body: `{ "error": ErrorBody }` over REST, `error.data.error` over tRPC. */
export interface ErrorBody {
  code: ErrorCode;
  message: string;
  details: ErrorDetail[];
  requestId: string;
}

/** A failure the domain expects and explains. Framework-free: the transports map it. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: ErrorDetail[];

  /** For RATE_LIMITED: sent as the Retry-After header. */
  readonly retryAfterSeconds: number | undefined;

  constructor(
    code: ErrorCode,
    message: string,
    options: { details?: ErrorDetail[]; cause?: unknown; retryAfterSeconds?: number } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.details = options.details ?? [];
    this.retryAfterSeconds = options.retryAfterSeconds;
  }
}

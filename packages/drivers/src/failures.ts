import { ReconnectRefused } from './one-socket.ts';

/** Why a connection failed, as a stable code: never the server's own text. */
export const DRIVER_FAILURES = [
  'HOST_NOT_FOUND',
  'UNREACHABLE',
  'AUTH_FAILED',
  'DATABASE_NOT_FOUND',
  'TLS_FAILED',
  'FAILED',
] as const;
export type DriverFailure = (typeof DRIVER_FAILURES)[number];

/** A failure this package recognised itself (e.g. a TLS mode the server cannot satisfy). */
export class DriverError extends Error {
  override readonly name = 'DriverError';
  constructor(
    readonly code: DriverFailure,
    options?: { cause?: unknown },
  ) {
    super(code, options);
  }
}

/** Driver errors to stable codes: by SQLSTATE / errno / error code, never by message text. */
export function driverFailureOf(error: unknown): DriverFailure {
  if (error instanceof DriverError) return error.code;
  if (error instanceof ReconnectRefused) return 'UNREACHABLE';
  const code = typeof error === 'object' && error && 'code' in error ? String(error.code) : '';
  const errno = typeof error === 'object' && error && 'errno' in error ? Number(error.errno) : 0;
  if (['28P01', '28000', 'ER_ACCESS_DENIED_ERROR', 'ER_DBACCESS_DENIED_ERROR'].includes(code))
    return 'AUTH_FAILED';
  if (errno === 1045) return 'AUTH_FAILED';
  if (code === '3D000' || code === 'ER_BAD_DB_ERROR' || code === 'SQLITE_CANTOPEN')
    return 'DATABASE_NOT_FOUND';
  if (error instanceof Error && error.name === 'MongoServerError' && code === '18') return 'AUTH_FAILED';
  if (['ENOTFOUND', 'EAI_AGAIN'].includes(code)) return 'HOST_NOT_FOUND';
  if (
    ['ECONNREFUSED', 'ETIMEDOUT', 'CONNECT_TIMEOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ECONNRESET'].includes(
      code,
    ) ||
    (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'MongoServerSelectionError'))
  ) {
    return 'UNREACHABLE';
  }
  return 'FAILED';
}

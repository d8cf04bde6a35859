import postgres from 'postgres';

/** Every code a ProvisioningError carries (the first five of the API's database failure codes). */
export const PROVISIONING_ERROR_CODES = [
  /** A role or database with our name exists but is not marked as this design's. */
  'NOT_OURS',
  /** The database already holds another version of the design (regenerate instead). */
  'VERSION_MISMATCH',
  /** The design's DDL failed; nothing of it was kept. */
  'DDL_FAILED',
  /** A migration step failed; its phase was rolled back and the recorded version is unchanged. */
  'MIGRATION_FAILED',
  /** The target server refused or failed an operation (down, out of disk, permissions…). */
  'SERVER_ERROR',
] as const;
export type ProvisioningErrorCode = (typeof PROVISIONING_ERROR_CODES)[number];

/**
 * A provisioning failure with a message fit for the status endpoint: it names the step and, in
 * our own words, the kind of failure (`reasonOf`), never the server's or driver's text — that
 * may name internal hosts, paths or the failing row, and stays on `cause` for the worker's log.
 */
export class ProvisioningError extends Error {
  override readonly name = 'ProvisioningError';
  /** The PostgreSQL SQLSTATE, when the server reported one (given, or read from `cause`). */
  readonly sqlState: string | undefined;
  constructor(
    readonly code: ProvisioningErrorCode,
    message: string,
    options: { cause?: unknown; sqlState?: string } = {},
  ) {
    super(message, { cause: options.cause });
    this.sqlState =
      options.sqlState ?? (options.cause instanceof postgres.PostgresError ? options.cause.code : undefined);
  }
}

/** Whether `error` is PostgreSQL error `code` (SQLSTATE). */
export function isPgError(error: unknown, ...codes: string[]): error is postgres.PostgresError {
  return error instanceof postgres.PostgresError && codes.includes(error.code);
}

/**
 * The server's reason in one line: message, detail and hint, plus the SQLSTATE. For logs only
 * (the reconciler's report): it is the server's text.
 */
export function describeError(error: unknown): string {
  if (error instanceof postgres.PostgresError) {
    const extras = [error.detail, error.hint].filter((part) => part !== undefined && part !== '');
    return `${[error.message, ...extras].join(' — ')} (SQLSTATE ${error.code})`;
  }
  if (error instanceof Error) {
    const code = 'code' in error && typeof error.code === 'string' ? ` (${error.code})` : '';
    return `${error.message}${code}`;
  }
  return String(error);
}

/**
 * SQLSTATE classes (PostgreSQL's appendix A) in our words: what a client may read of a server
 * failure. A few single conditions are worth naming on their own.
 */
const SQLSTATE_REASONS: Record<string, string> = {
  '53100': 'the server is out of disk space',
  '57014': 'a statement took longer than the statement timeout',
  '57P01': 'the server is shutting down',
  '08': 'the connection to the server failed',
  '0A': 'the server does not support a feature it needs',
  '22': 'a value is invalid for its type',
  '23': 'an integrity constraint was violated',
  '25': 'the transaction was in a state that does not allow it',
  '28': 'the server refused the credentials',
  '2B': 'objects still depend on what it changes',
  '3D': 'the database does not exist',
  '3F': 'the schema does not exist',
  '40': 'the transaction was rolled back (serialization failure or deadlock)',
  '42': 'a statement was refused (syntax, a missing or duplicate object, or permissions)',
  '53': 'the server ran out of resources (disk, memory or connections)',
  '54': 'a program limit of the server was exceeded',
  '55': 'an object was not in the state it needs (e.g. in use by another session)',
  '57': 'an operator or the server stopped it',
  '58': 'the server had a system error',
  XX: 'the server had an internal error',
};

/** Network failures by their error code, in our words. */
const NETWORK_REASONS: Record<string, string> = {
  ECONNREFUSED: 'the server refused the connection',
  ECONNRESET: 'the server closed the connection',
  ETIMEDOUT: 'the server did not answer in time',
  CONNECT_TIMEOUT: 'the server did not answer in time',
  ENOTFOUND: 'the server’s host name does not resolve',
  EAI_AGAIN: 'the server’s host name does not resolve',
  EHOSTUNREACH: 'the server is unreachable',
  ENETUNREACH: 'the server is unreachable',
};

/**
 * Why something failed, fit for a client: our words for the SQLSTATE (or network error code),
 * with the code itself, e.g. `a statement was refused (…) (SQLSTATE 42P07)`. Never the server's
 * message, detail or hint.
 */
export function reasonOf(error: unknown): string {
  if (error instanceof postgres.PostgresError) {
    const reason =
      SQLSTATE_REASONS[error.code] ?? SQLSTATE_REASONS[error.code.slice(0, 2)] ?? 'the server failed it';
    return `${reason} (SQLSTATE ${error.code})`;
  }
  const code = typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined;
  if (typeof code === 'string' && code in NETWORK_REASONS) return `${NETWORK_REASONS[code]} (${code})`;
  return 'an unexpected error (the log has it)';
}

/**
 * Runs one step, turning any unexpected failure into a SERVER_ERROR that says which step failed
 * and, in our words, why; the failure itself is its cause. ProvisioningErrors pass through.
 */
export async function step<T>(name: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof ProvisioningError) throw error;
    throw new ProvisioningError('SERVER_ERROR', `${name}: ${reasonOf(error)}`, { cause: error });
  }
}

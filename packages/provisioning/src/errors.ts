import postgres from 'postgres';

export type ProvisioningErrorCode =
  /** A role or database with our name exists but is not marked as this design's. */
  | 'NOT_OURS'
  /** The database already holds another version of the design (regenerate instead). */
  | 'VERSION_MISMATCH'
  /** The design's DDL failed; nothing of it was kept. */
  | 'DDL_FAILED'
  /** A migration step failed; its phase was rolled back and the recorded version is unchanged. */
  | 'MIGRATION_FAILED'
  /** The target server refused or failed an operation (down, out of disk, permissions…). */
  | 'SERVER_ERROR';

/**
 * A provisioning failure with a message fit for the status endpoint: it names the step and the
 * server's reason, and never contains a password or verifier (we build it from the PostgreSQL
 * error's fields, never from the statement text).
 */
export class ProvisioningError extends Error {
  override readonly name = 'ProvisioningError';
  constructor(
    readonly code: ProvisioningErrorCode,
    message: string,
    /** The PostgreSQL SQLSTATE, when the server reported one. */
    readonly sqlState?: string,
  ) {
    super(message);
  }
}

/** Whether `error` is PostgreSQL error `code` (SQLSTATE). */
export function isPgError(error: unknown, ...codes: string[]): error is postgres.PostgresError {
  return error instanceof postgres.PostgresError && codes.includes(error.code);
}

/** The server's reason in one line: message, detail and hint, plus the SQLSTATE. */
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
 * Runs one step, turning any unexpected failure into a SERVER_ERROR that says which step failed.
 * ProvisioningErrors pass through unchanged.
 */
export async function step<T>(name: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof ProvisioningError) throw error;
    const sqlState = error instanceof postgres.PostgresError ? error.code : undefined;
    throw new ProvisioningError('SERVER_ERROR', `${name}: ${describeError(error)}`, sqlState);
  }
}

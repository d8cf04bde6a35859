import type { Logger } from 'pino';

/**
 * Errors that escape every request (a driver's timer or socket failing after its request has
 * answered) and are known to leave the process intact: a network connection failed. Drivers'
 * errors are caught where their clients are made (@schema-builder/drivers: connect.ts, one-socket.ts);
 * this is the net below that, so that a user's saved connection can never take the API down.
 */
const NETWORK_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'EHOSTDOWN',
  'ENETUNREACH',
  'ENETDOWN',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ERR_SOCKET_BAD_PORT',
  'ERR_SOCKET_CLOSED',
  'ERR_STREAM_DESTROYED',
  'ERR_STREAM_WRITE_AFTER_END',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  // postgres.js and mysql2's names for a connection that went away.
  'CONNECTION_CLOSED',
  'CONNECTION_DESTROYED',
  'CONNECT_TIMEOUT',
  'PROTOCOL_CONNECTION_LOST',
]);
const NETWORK_ERROR_NAMES = new Set([
  'MongoNetworkError',
  'MongoNetworkTimeoutError',
  'MongoServerSelectionError',
]);

/** Whether an uncaught error is a failed network connection, which the process survives. */
export function isSurvivable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = 'code' in error ? String(error.code) : '';
  return NETWORK_CODES.has(code) || NETWORK_ERROR_NAMES.has(error.name);
}

export type Outcome = 'survived' | 'fatal';

/**
 * What to do with an error nothing caught: a network failure is logged and the API keeps
 * serving; anything else is a defect whose effects on shared state are unknown, so it is logged
 * and `onFatal` shuts down (gracefully, then exit 1) for the supervisor to restart a clean process.
 */
export function lastResort(log: Logger, onFatal: (error: unknown) => void) {
  return (error: unknown): Outcome => {
    if (isSurvivable(error)) {
      log.error({ err: error }, 'a network error escaped its request; still serving');
      return 'survived';
    }
    log.fatal({ err: error }, 'uncaught error: shutting down');
    onFatal(error);
    return 'fatal';
  };
}

export function installLastResort(log: Logger, onFatal: (error: unknown) => void): void {
  const handle = lastResort(log, onFatal);
  process.on('uncaughtException', (error) => handle(error));
  process.on('unhandledRejection', (reason) => handle(reason));
}

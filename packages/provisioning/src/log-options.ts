import { hostname } from 'node:os';
import type { DestinationStream, LogFn, LoggerOptions } from 'pino';
import pretty from 'pino-pretty';
import { logSafeArguments, logSafeError, logSafeFields } from './log-safe-error.ts';

export const LOG_FORMATS = ['pretty', 'json'] as const;
export type LogFormat = (typeof LOG_FORMATS)[number];

export interface ProcessLogOptions {
  /** Which process writes the line: `api`, `worker` or `supervisor`. */
  service: string;
  level: string;
}

/**
 * The one shape every process of schema-builder logs in (the API, the worker and the supervisor
 * that runs them write to the same stream): pino's JSON line with `service`, `pid` and `hostname`,
 * errors logged without the values of the query that failed (password and token hashes, sealed
 * secrets, a provisioning statement's literals) — here, once, not at each call site.
 */
export function processLoggerOptions({ service, level }: ProcessLogOptions): LoggerOptions {
  return {
    level,
    base: { service, pid: process.pid, hostname: hostname() },
    serializers: { err: logSafeError },
    formatters: { log: logSafeFields },
    hooks: {
      logMethod(args, method) {
        method.apply(this, logSafeArguments(args) as Parameters<LogFn>);
      },
    },
  };
}

/**
 * The format when none is set: readable lines on a terminal, JSON lines for anything else (a
 * container's log driver, a collector, a file). Children of the supervisor inherit its terminal,
 * and it passes the resolved format on, so the three processes always agree.
 */
export function resolveLogFormat(
  format: LogFormat | undefined,
  stdout: { isTTY?: boolean } = process.stdout,
): LogFormat {
  return format ?? (stdout.isTTY === true ? 'pretty' : 'json');
}

/**
 * Where a logger writes: pino-pretty's stream (in this thread: a terminal is read by a person, not
 * a collector that must never wait) for `pretty`, pino's own stdout writer (undefined) for `json`.
 */
export function logDestination(
  format: LogFormat,
  /** Where pretty lines go (a test's buffer); stdout by default. */
  output?: NodeJS.WritableStream,
): DestinationStream | undefined {
  if (format === 'json') return undefined;
  return pretty({
    colorize: output === undefined,
    ...(output === undefined ? {} : { destination: output }),
    translateTime: 'SYS:HH:MM:ss.l',
    // `service` stays: it tells the API's lines from the worker's.
    ignore: 'pid,hostname',
    // Request lines carry `req`/`res` objects; one line each is enough on a terminal.
    singleLine: true,
  });
}

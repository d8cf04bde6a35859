import { logDestination, processLoggerOptions, resolveLogFormat } from '@schema-builder/provisioning';
import type { Logger, LoggerOptions } from 'pino';
import pino from 'pino';
import type { WorkerConfig } from './env.ts';

/**
 * The worker's logger options: the API's shape (see processLoggerOptions), `service: 'worker'`,
 * errors logged without the values of the query that failed.
 */
export function loggerOptions(level: string): LoggerOptions {
  return processLoggerOptions({ service: 'worker', level });
}

/** A logger writing readable lines on a terminal, JSON lines otherwise (LOG_FORMAT decides when set). */
export function createLogger(config: Pick<WorkerConfig, 'LOG_LEVEL' | 'LOG_FORMAT'>): Logger {
  const options = loggerOptions(config.LOG_LEVEL);
  const destination = logDestination(resolveLogFormat(config.LOG_FORMAT));
  return destination ? pino(options, destination) : pino(options);
}

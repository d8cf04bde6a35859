import { logDestination, processLoggerOptions, resolveLogFormat } from '@schema-builder/provisioning';
import type { Logger, LoggerOptions } from 'pino';
import pino from 'pino';
import type { Config } from './env.ts';

type LogConfig = Pick<Config, 'LOG_LEVEL' | 'AUTH_PROXY_SECRET_HEADER'>;

/**
 * The options of every logger the API makes (`main.ts`, the supervisor's): the shape the worker
 * logs in too (see processLoggerOptions), and credentials in headers redacted.
 */
export function loggerOptions(config: LogConfig, service = 'api'): LoggerOptions {
  return {
    ...processLoggerOptions({ service, level: config.LOG_LEVEL }),
    redact: [
      'req.headers.authorization',
      'req.headers.cookie',
      `req.headers[${JSON.stringify(config.AUTH_PROXY_SECRET_HEADER)}]`,
    ],
  };
}

/** A logger writing readable lines on a terminal, JSON lines otherwise (LOG_FORMAT decides when set). */
export function createLogger(config: LogConfig & Pick<Config, 'LOG_FORMAT'>, service = 'api'): Logger {
  const options = loggerOptions(config, service);
  const destination = logDestination(resolveLogFormat(config.LOG_FORMAT));
  return destination ? pino(options, destination) : pino(options);
}

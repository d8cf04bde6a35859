import { logSafeArguments, logSafeError, logSafeFields } from '@schema-builder/provisioning';
import type { LogFn, LoggerOptions } from 'pino';
import type { Config } from './env.ts';

/**
 * The options of every logger the API makes (`main.ts`, or Fastify's own when none is given):
 * credentials in headers are redacted, and errors are logged without the values of the query
 * that failed (password and token hashes, sealed secrets) — here, once, not at each call site.
 */
export function loggerOptions(config: Pick<Config, 'LOG_LEVEL' | 'AUTH_PROXY_SECRET_HEADER'>): LoggerOptions {
  return {
    level: config.LOG_LEVEL,
    redact: [
      'req.headers.authorization',
      'req.headers.cookie',
      `req.headers[${JSON.stringify(config.AUTH_PROXY_SECRET_HEADER)}]`,
    ],
    serializers: { err: logSafeError },
    formatters: { log: logSafeFields },
    hooks: {
      logMethod(args, method) {
        method.apply(this, logSafeArguments(args) as Parameters<LogFn>);
      },
    },
  };
}

import { logSafeArguments, logSafeError, logSafeFields } from '@schema-builder/provisioning';
import type { LogFn, LoggerOptions } from 'pino';

/**
 * The worker's logger options: errors are logged without the values of the query that failed
 * (a provisioning statement's literals, a driver's parameters) — here, once, not at each call site.
 */
export function loggerOptions(level: string): LoggerOptions {
  return {
    level,
    base: { service: 'worker' },
    serializers: { err: logSafeError },
    formatters: { log: logSafeFields },
    hooks: {
      logMethod(args, method) {
        method.apply(this, logSafeArguments(args) as Parameters<LogFn>);
      },
    },
  };
}

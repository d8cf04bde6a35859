import underPressure from '@fastify/under-pressure';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Config } from '../env.ts';
import { AppError } from '../errors/codes.ts';

/** What a client is told to wait before trying again. */
const RETRY_AFTER_SECONDS = 10;

const LIMIT_NAMES: Readonly<Record<string, string>> = {
  eventLoopDelay: 'event loop delay',
  eventLoopUtilization: 'event loop utilisation',
  heapUsedBytes: 'heap used',
  rssBytes: 'resident memory',
};

/** Liveness and scrapes are answered even under pressure: a restart would not help, and the metrics show why. */
const EXEMPT = [/^\/api\/v1\/health\/live(\?|$)/, /^\/trpc\/health\.live(\?|$)/, /^\/metrics(\?|$)/];
const isExempt = (request: FastifyRequest) => EXEMPT.some((pattern) => pattern.test(request.url));

export interface OverloadOptions {
  config: Pick<
    Config,
    | 'OVERLOAD_MAX_EVENT_LOOP_DELAY_MS'
    | 'OVERLOAD_MAX_EVENT_LOOP_UTILIZATION'
    | 'OVERLOAD_MAX_HEAP_USED_BYTES'
  >;
  /** How often the process is measured (under-pressure's default: every second). */
  sampleIntervalMs?: number;
}

/**
 * An overloaded process says so instead of answering late: past a configured limit (event loop
 * delay or utilisation, heap), every request but liveness and /metrics gets 503
 * SERVICE_UNAVAILABLE with Retry-After and a `server` detail naming the limit, readiness
 * included, so a load balancer sends the traffic elsewhere. @fastify/under-pressure measures.
 */
export const overloadPlugin = fp(
  async (app: FastifyInstance, { config, sampleIntervalMs }: OverloadOptions) => {
    await app.register(underPressure, {
      maxEventLoopDelay: config.OVERLOAD_MAX_EVENT_LOOP_DELAY_MS,
      maxEventLoopUtilization: config.OVERLOAD_MAX_EVENT_LOOP_UTILIZATION,
      maxHeapUsedBytes: config.OVERLOAD_MAX_HEAP_USED_BYTES,
      ...(sampleIntervalMs === undefined ? {} : { sampleInterval: sampleIntervalMs }),
      pressureHandler: async (request, reply, type) => {
        if (isExempt(request)) return;
        reply.header('retry-after', String(RETRY_AFTER_SECONDS));
        const limit = LIMIT_NAMES[type] ?? type;
        throw new AppError(
          'SERVICE_UNAVAILABLE',
          'The server is overloaded; retry after the seconds in Retry-After.',
          {
            details: [
              { path: 'server', code: 'OVERLOADED', message: `The ${limit} is above its configured limit.` },
            ],
            retryAfterSeconds: RETRY_AFTER_SECONDS,
          },
        );
      },
    });
  },
  { name: 'overload' },
);

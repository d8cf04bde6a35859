import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { throttleAddressOf } from '../domain/auth/client-address.ts';
import type { Config } from '../env.ts';

/** Liveness probes and metric scrapes. */
const UNRATIONED = /^\/(api\/v1\/health\/live|trpc\/health\.live|metrics)(\?|$)/;

/** A procedure's budget, declared on it (`meta.rateClass`); absent: the general one. */
export type RateClass = 'default' | 'signIn' | 'signUp' | 'provision';

export interface RateLimitOptions {
  config: Config;
  /** Each procedure's declared class (`rateClassesOf` in rest/routes.ts), by path. */
  rateClasses: ReadonlyMap<string, RateClass>;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The procedure a REST route calls (set by rest/plugin.ts). */
    procedure?: string;
  }
}

/** The procedures a request calls: the REST route's, or those named in a /trpc URL (batches). */
function proceduresOf(request: FastifyRequest): string[] {
  const procedure = request.routeOptions.config.procedure;
  if (procedure) return [procedure];
  const match = /^\/trpc\/([^?]+)/.exec(request.url);
  return match?.[1] ? decodeURIComponent(match[1]).split(',') : [];
}

function classOf(request: FastifyRequest, rateClasses: ReadonlyMap<string, RateClass>): RateClass {
  const classes = proceduresOf(request).map((procedure) => rateClasses.get(procedure) ?? 'default');
  return classes.find((rateClass) => rateClass !== 'default') ?? 'default';
}

/**
 * One limiter, several budgets: sign-in and sign-up per IP, provisioning and everything else
 * per user (per IP before sign-in). 429 with Retry-After; the error body comes from the app's error handler.
 */
export const rateLimitPlugin = fp(
  async (app: FastifyInstance, { config, rateClasses }: RateLimitOptions) => {
    const limits: Record<RateClass, number> = {
      default: config.RATE_LIMIT_PER_MINUTE,
      signIn: config.RATE_LIMIT_SIGN_IN_PER_MINUTE,
      signUp: config.RATE_LIMIT_SIGN_UP_PER_MINUTE,
      provision: config.RATE_LIMIT_PROVISION_PER_MINUTE,
    };
    await app.register(rateLimit, {
      hook: 'preHandler',
      timeWindow: '1 minute',
      keyGenerator: (request) => {
        const rateClass = classOf(request, rateClasses);
        const principal = request.authentication?.principal;
        const perIp = rateClass === 'signIn' || rateClass === 'signUp';
        // An IPv6 client by its /64, like sign-in throttling: its other addresses are no fresh budget.
        if (perIp || !principal) return `${rateClass}|ip:${throttleAddressOf(request.ip)}`;
        return `${rateClass}|${principal.kind === 'user' ? `user:${principal.userId}` : `worker:${principal.apiKeyId}`}`;
      },
      // Workers are the service's own processes: their claims and heartbeats are not rationed;
      // nor are liveness probes and scrapes (a busy client sharing the prober's address must not
      // get the process restarted; /metrics has its own access rule).
      allowList: (request) =>
        request.authentication?.principal?.kind === 'worker' || UNRATIONED.test(request.url),
      max: (_request, key) => limits[key.slice(0, key.indexOf('|')) as RateClass] ?? limits.default,
      errorResponseBuilder: (_request, context) => ({
        statusCode: 429,
        message: `Rate limit exceeded, retry in ${context.after}`,
      }),
    });
  },
  { name: 'schema-builder-rate-limits', fastify: '5.x' },
);

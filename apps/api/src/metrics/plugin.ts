import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { AppError } from '../errors/codes.ts';
import { metricsAccess } from './access.ts';
import type { Metrics } from './metrics.ts';

export const METRICS_PATH = '/metrics';

export interface MetricsPluginOptions {
  metrics: Metrics;
  /** METRICS_TOKEN: see access.ts. */
  token: string | undefined;
  /** Every procedure's path: a /trpc request is labelled by its procedure only when it names one. */
  procedures: ReadonlySet<string>;
}

/**
 * The route label: the route's pattern (`/api/v1/schemas/:id`), never the URL with its ids, so the
 * number of series stays bounded; `/trpc/<procedure>` for a known procedure.
 */
function routeOf(request: FastifyRequest, procedures: ReadonlySet<string>): string {
  const pattern = request.routeOptions.url;
  if (pattern === undefined) return '(unmatched)';
  if (pattern === '/trpc/:path') {
    const path = (request.params as { path?: unknown }).path;
    return typeof path === 'string' && procedures.has(path) ? `/trpc/${path}` : pattern;
  }
  return pattern;
}

/** Times every request but the scrapes, and serves the registry in Prometheus's text format. */
export const metricsPlugin = fp(
  async (app: FastifyInstance, { metrics, token, procedures }: MetricsPluginOptions) => {
    // Synchronous: an async hook costs a promise on every response.
    app.addHook('onResponse', (request, reply, done) => {
      if (request.routeOptions.url !== METRICS_PATH)
        metrics.httpRequestDuration.observe(
          {
            method: request.method,
            route: routeOf(request, procedures),
            status_code: String(reply.statusCode),
          },
          reply.elapsedTime / 1000,
        );
      done();
    });

    app.get(METRICS_PATH, async (request, reply) => {
      const access = metricsAccess(request, token);
      if (access === 'unauthorized')
        throw new AppError('UNAUTHORIZED', 'Send the metrics token: Authorization: Bearer <METRICS_TOKEN>.');
      if (access === 'forbidden')
        throw new AppError(
          'FORBIDDEN',
          'Metrics are served to this machine only; set METRICS_TOKEN to scrape from elsewhere.',
        );
      const body = await metrics.registry.metrics();
      return reply.type(metrics.registry.contentType).send(body);
    });
  },
  { name: 'metrics' },
);

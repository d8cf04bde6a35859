import type { RouteOptions } from 'fastify';
import { toErrorBody } from '../errors/to-error-body.ts';
import type { RestRoute } from './routes.ts';

/** Methods a REST path may be called with by mistake. OPTIONS is CORS's (preflight), not ours. */
const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

/**
 * For each REST path, the methods it does not take: they answer 405 METHOD_NOT_ALLOWED with
 * `Allow` naming the ones it does, in the one error body. A path that does not exist at all
 * stays the not-found handler's 404 ROUTE_NOT_FOUND.
 */
export function methodNotAllowedRoutes(routes: readonly RestRoute[]): RouteOptions[] {
  const allowedByUrl = new Map<string, Set<string>>();
  for (const route of routes) {
    const allowed = allowedByUrl.get(route.url) ?? new Set<string>();
    allowed.add(route.method);
    // Fastify answers HEAD for every GET route.
    if (route.method === 'GET') allowed.add('HEAD');
    allowedByUrl.set(route.url, allowed);
  }
  return [...allowedByUrl].flatMap(([url, allowed]) => {
    const refused = METHODS.filter((method) => !allowed.has(method));
    if (refused.length === 0) return [];
    const allow = METHODS.filter((method) => allowed.has(method)).join(', ');
    return [
      {
        method: refused,
        url,
        handler: (request, reply) => {
          const body = toErrorBody({ statusCode: 405 }, request.id);
          return reply.status(405).header('allow', allow).send({ error: body });
        },
      } satisfies RouteOptions,
    ];
  });
}

import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import ipaddr from 'ipaddr.js';

export type MetricsAccess = 'allowed' | 'unauthorized' | 'forbidden';

const digest = (text: string) => createHash('sha256').update(text).digest();

/** A request from this machine that no proxy forwarded (a local reverse proxy could be forwarding anyone). */
function isLocal(request: FastifyRequest): boolean {
  if (request.headers['x-forwarded-for'] !== undefined || request.headers.forwarded !== undefined)
    return false;
  if (!ipaddr.isValid(request.ip)) return false;
  const address = ipaddr.process(request.ip);
  return address.range() === 'loopback';
}

/**
 * Who may scrape /metrics. With METRICS_TOKEN set: whoever sends it as a bearer token (compared
 * in constant time). Without: only this machine — a scraper elsewhere (another container) needs
 * the token. The metrics hold no per-user data, but they do describe the installation's load.
 */
export function metricsAccess(request: FastifyRequest, token: string | undefined): MetricsAccess {
  if (token === undefined) return isLocal(request) ? 'allowed' : 'forbidden';
  const header = request.headers.authorization ?? '';
  const given = header.startsWith('Bearer ') ? header.slice('Bearer '.length) : '';
  return timingSafeEqual(digest(given), digest(token)) ? 'allowed' : 'unauthorized';
}

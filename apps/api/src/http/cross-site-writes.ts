import type { FastifyRequest } from 'fastify';

/** Methods that never change anything here; every other one may. */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export const CROSS_SITE_MESSAGE =
  'A request signed in by the browser session cookie may change something only when it comes from this app (its Origin or Sec-Fetch-Site). Other clients send Authorization: Bearer.';

/**
 * Whether a request comes from a page of this app: its `Origin` is this app's origin (scheme and
 * host as the request reached us, the proxy's view when TRUST_PROXY trusts it), or, without an
 * Origin, the browser says `Sec-Fetch-Site: same-origin`. A request with neither — which no
 * current browser sends for a POST — is not taken to be from the app.
 */
export function comesFromThisApp(request: FastifyRequest): boolean {
  const origin = request.headers.origin;
  if (origin !== undefined) return origin === `${request.protocol}://${request.host}`;
  return request.headers['sec-fetch-site'] === 'same-origin';
}

/**
 * A write whose only credential is the cookie must come from this app (the cookie travels with
 * other sites' requests too: a form posted from another site must change nothing). Bearer
 * tokens and API keys are never sent by a browser on its own, so they are not asked.
 */
export function isCrossSiteCookieWrite(request: FastifyRequest, viaCookie: boolean): boolean {
  return viaCookie && !SAFE_METHODS.has(request.method) && !comesFromThisApp(request);
}

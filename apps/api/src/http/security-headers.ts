import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import helmet from 'helmet';

/**
 * Helmet's defaults, with a Content-Security-Policy that allows this origin only (the web app
 * loads nothing from elsewhere) and no `upgrade-insecure-requests`, which would break the app
 * served over plain HTTP on a private address. Inline style attributes stay allowed: the
 * diagram and the dialog primitives position elements with them. `'wasm-unsafe-eval'` lets the
 * designer compile PostgreSQL's parser (WebAssembly, shipped by this origin) to check a design's
 * expressions as the server does; it allows no JavaScript eval.
 */
export const HELMET_OPTIONS = {
  contentSecurityPolicy: {
    useDefaults: false,
    directives: {
      'default-src': ["'self'"],
      'base-uri': ["'self'"],
      'connect-src': ["'self'"],
      'font-src': ["'self'", 'data:'],
      'form-action': ["'self'"],
      'frame-ancestors': ["'none'"],
      'img-src': ["'self'", 'data:', 'blob:'],
      'object-src': ["'none'"],
      'script-src': ["'self'", "'wasm-unsafe-eval'"],
      'script-src-attr': ["'none'"],
      'style-src': ["'self'", "'unsafe-inline'"],
    },
  },
} as const satisfies Parameters<typeof helmet>[0];

interface FixedHeaders {
  set: Record<string, string>;
  removed: string[];
}

/**
 * What helmet (HELMET_OPTIONS) does to a response, recorded once against a stand-in response. Helmet 8
 * with its defaults sets only fixed headers (no per-request nonce), so the record is the same
 * for every request; it throws rather than passing an error on.
 */
function recordHelmet(): FixedHeaders {
  const fixed: FixedHeaders = { set: {}, removed: [] };
  const recorder = {
    setHeader(name: string, value: string | number | readonly string[]) {
      fixed.set[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
      return recorder;
    },
    removeHeader(name: string) {
      fixed.removed.push(name.toLowerCase());
    },
  };
  helmet(HELMET_OPTIONS)({} as IncomingMessage, recorder as unknown as ServerResponse, () => {});
  return fixed;
}

/**
 * Helmet's security headers (its defaults: CSP, HSTS, nosniff, frame and referrer policies …) on
 * every response. Running helmet's dozen middlewares per request (each a `setHeader` on the raw
 * response) was a measurable share of a cheap GET; their result is recorded once and put on the
 * reply in one step, which Fastify writes with the rest of its headers.
 */
async function securityHeaders(app: FastifyInstance): Promise<void> {
  const { set, removed } = recordHelmet();
  app.addHook('onRequest', (_request, reply, done) => {
    reply.headers(set);
    for (const name of removed) reply.removeHeader(name);
    done();
  });
}

export const securityHeadersPlugin = fp(securityHeaders, { name: 'security-headers' });

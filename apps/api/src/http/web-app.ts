import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';

/** apps/web/dist beside apps/api: what `pnpm start` builds. */
const DEFAULT_DIST = fileURLToPath(new URL('../../../web/dist/', import.meta.url));

/** Paths that belong to the API: never answered with the app, so a typo stays a JSON 404. */
const API_PATHS = /^\/(api|trpc|docs|metrics|health)(\/|$)/;

const IMMUTABLE = 'public, max-age=31536000, immutable';
/** index.html names the current hashed assets: always revalidated, so a deploy is seen at once. */
const REVALIDATE = 'no-cache';

export interface WebApp {
  /** Answers the app's index.html for a browser navigation the API has no route for. */
  fallback(request: FastifyRequest, reply: FastifyReply): boolean;
}

/**
 * Serves the built web app at `/` on the API's own origin: hashed assets (`/assets/…`) cached as
 * immutable, index.html never cached, and any other GET a browser navigates to (a deep link such
 * as `/designs/…`) answered with index.html, whose router takes it from there.
 */
export async function registerWebApp(
  app: FastifyInstance,
  { distDir = DEFAULT_DIST }: { distDir?: string | undefined },
): Promise<WebApp | undefined> {
  const root = path.resolve(distDir);
  if (!existsSync(path.join(root, 'index.html'))) {
    app.log.info({ distDir: root }, 'no built web app: serving the API only');
    return undefined;
  }
  await app.register(
    fp(async (scope) => {
      await scope.register(fastifyStatic, {
        root,
        // One route per file, made at start: nothing else is read from disk, and unknown paths
        // reach the not-found handler (the app fallback below, or the API's JSON 404).
        wildcard: false,
        index: false,
        cacheControl: false,
        etag: true,
        lastModified: true,
        setHeaders(reply, filePath) {
          const relative = path.relative(root, filePath);
          reply.header('cache-control', relative.startsWith(`assets${path.sep}`) ? IMMUTABLE : REVALIDATE);
        },
      });
      scope.get('/', (_request, reply) => sendIndex(reply));
    }),
  );
  return {
    fallback(request, reply) {
      const pathname = request.url.split('?', 1)[0] ?? '/';
      if (request.method !== 'GET' && request.method !== 'HEAD') return false;
      if (API_PATHS.test(pathname) || pathname.startsWith('/assets/')) return false;
      if (!acceptsHtml(request)) return false;
      void sendIndex(reply);
      return true;
    },
  };
}

function sendIndex(reply: FastifyReply) {
  return reply.header('cache-control', REVALIDATE).type('text/html; charset=utf-8').sendFile('index.html');
}

function acceptsHtml(request: FastifyRequest): boolean {
  const accept = request.headers.accept;
  return typeof accept === 'string' && accept.includes('text/html');
}

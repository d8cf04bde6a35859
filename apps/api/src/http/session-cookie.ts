// The type import also brings @fastify/cookie's additions to Fastify's reply and instance.
import type { CookieSerializeOptions } from '@fastify/cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { comesFromThisApp } from './cross-site-writes.ts';

/** The browser session's cookie: a session token, like a bearer one, that page scripts never see. */
export const SESSION_COOKIE = 'sb_session';

/** What a procedure may do to the browser session of the request it serves. */
export interface SessionCookie {
  /** Starts the browser session: the token goes into the cookie only, never into a body. */
  set(token: string, maxAgeSeconds: number): void;
  /** Ends it in the browser (the session itself is revoked by the caller). */
  clear(): void;
  /** Whether the request comes from a page of this app (see http/cross-site-writes.ts). */
  fromThisApp(): boolean;
}

/**
 * `HttpOnly` (no script reads it), `SameSite=Lax` (other sites' subrequests and form posts go
 * without it), `Path=/`, and `Secure` when the request came over HTTPS — `request.protocol`
 * believes X-Forwarded-Proto only from a proxy TRUST_PROXY declares.
 */
function attributesOf(request: FastifyRequest): CookieSerializeOptions {
  return { httpOnly: true, sameSite: 'lax', path: '/', secure: request.protocol === 'https' };
}

/** One small object per request (every context gets one; only sign-in and sign-out use it). */
class ReplySessionCookie implements SessionCookie {
  constructor(
    private readonly request: FastifyRequest,
    private readonly reply: FastifyReply,
  ) {}
  set(token: string, maxAgeSeconds: number): void {
    this.reply.setCookie(SESSION_COOKIE, token, { ...attributesOf(this.request), maxAge: maxAgeSeconds });
  }
  clear(): void {
    this.reply.clearCookie(SESSION_COOKIE, attributesOf(this.request));
  }
  fromThisApp(): boolean {
    return comesFromThisApp(this.request);
  }
}

export function sessionCookieOf(request: FastifyRequest, reply: FastifyReply): SessionCookie {
  return new ReplySessionCookie(request, reply);
}

/** For callers outside an HTTP request (in-process callers, tests): there is no browser. */
export const NO_SESSION_COOKIE: SessionCookie = {
  set() {
    throw new Error('a browser session needs an HTTP request to answer');
  },
  clear() {},
  fromThisApp: () => false,
};

/** The session cookie's value: parsed only when there is no Authorization header to use instead. */
export function sessionCookieValue(request: FastifyRequest): string | undefined {
  const header = request.headers.cookie;
  if (!header || request.headers.authorization !== undefined) return undefined;
  return request.server.parseCookie(header)[SESSION_COOKIE];
}

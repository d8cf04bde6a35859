import type { Database } from '@schema-builder/db';
import { apiKeys, sessions, users } from '@schema-builder/db';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Config } from '../../env.ts';
import type { CredentialCache } from './credential-cache.ts';
import type { Authentication } from './principal.ts';
import { safeEqual, secretKind, sha256 } from './secrets.ts';

export interface AuthenticateOptions {
  db: Database;
  config: Config;
  cache: CredentialCache;
  headers: Record<string, string | string[] | undefined>;
  /** The browser session cookie's value, if the request carries one. */
  sessionCookie?: string | undefined;
}

/**
 * Resolves a request's credentials: `Authorization: Bearer <session token | API key>`; without
 * that header, the browser's session cookie (a session token, never an API key); then, in proxy
 * mode, the user header accompanied by the shared secret. No credentials is not an error here;
 * procedures that need a principal refuse with 401.
 */
export async function authenticate({
  db,
  config,
  cache,
  headers,
  sessionCookie,
}: AuthenticateOptions): Promise<Authentication> {
  const bearer = bearerToken(headers.authorization);
  if (bearer !== undefined) {
    const hash = sha256(bearer);
    const cached = cache.get(hash);
    if (cached) return { principal: cached };
    const { authentication, notAfter } = await authenticateBearer(db, bearer, hash);
    if (authentication.principal) cache.set(hash, authentication.principal, notAfter);
    return authentication;
  }
  if (sessionCookie !== undefined) return authenticateSessionCookie(db, cache, sessionCookie);
  if (config.AUTH_MODE === 'proxy') return authenticateProxy(db, config, headers);
  return { principal: null };
}

/**
 * The principal of a credential verified recently (the credential cache), without a promise:
 * what nearly every request of a busy client resolves to. Undefined when `authenticate` has to
 * be asked.
 */
export function cachedAuthentication(
  cache: CredentialCache,
  headers: Record<string, string | string[] | undefined>,
  sessionCookie?: string | undefined,
): Authentication | undefined {
  const bearer = bearerToken(headers.authorization);
  if (bearer !== undefined) {
    const principal = bearer ? cache.get(sha256(bearer)) : undefined;
    return principal ? { principal } : undefined;
  }
  if (sessionCookie === undefined || secretKind(sessionCookie) !== 'session') return undefined;
  const principal = cache.get(sha256(sessionCookie));
  return principal ? { principal, viaCookie: true } : undefined;
}

/** Only a session token is accepted from the cookie: API keys are for Authorization headers. */
async function authenticateSessionCookie(
  db: Database,
  cache: CredentialCache,
  token: string,
): Promise<Authentication> {
  if (secretKind(token) !== 'session') return { principal: null, failure: 'invalid_session' };
  const hash = sha256(token);
  const cached = cache.get(hash);
  if (cached) return { principal: cached, viaCookie: true };
  const { authentication, notAfter } = await authenticateBearer(db, token, hash);
  if (!authentication.principal) {
    const failure = authentication.failure === 'expired_token' ? 'expired_token' : 'invalid_session';
    return { principal: null, failure };
  }
  cache.set(hash, authentication.principal, notAfter);
  return { principal: authentication.principal, viaCookie: true };
}

function bearerToken(header: string | string[] | undefined): string | undefined {
  if (typeof header !== 'string') return undefined;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match?.[1] ?? '';
}

async function authenticateBearer(
  db: Database,
  token: string,
  hash: string,
): Promise<{ authentication: Authentication; notAfter?: Date }> {
  const refused = (failure: 'invalid_token' | 'expired_token') => ({
    authentication: { principal: null, failure } as const,
  });
  const kind = secretKind(token);
  if (kind === 'session') {
    const [row] = await db
      .select({
        id: sessions.id,
        userId: sessions.userId,
        expiresAt: sessions.expiresAt,
        expired: sql<boolean>`${sessions.expiresAt} <= now()`,
      })
      .from(sessions)
      .where(and(eq(sessions.tokenHash, hash), isNull(sessions.revokedAt)));
    if (!row) return refused('invalid_token');
    if (row.expired) return refused('expired_token');
    return {
      authentication: { principal: { kind: 'user', userId: row.userId, via: 'session', sessionId: row.id } },
      notAfter: row.expiresAt,
    };
  }
  if (kind === 'key') {
    const [row] = await db
      .update(apiKeys)
      .set({ lastUsedAt: sql`now()` })
      .where(
        and(
          eq(apiKeys.keyHash, hash),
          isNull(apiKeys.revokedAt),
          sql`(${apiKeys.expiresAt} IS NULL OR ${apiKeys.expiresAt} > now())`,
        ),
      )
      .returning({
        id: apiKeys.id,
        userId: apiKeys.userId,
        scope: apiKeys.scope,
        expiresAt: apiKeys.expiresAt,
      });
    if (!row) return refused('invalid_token');
    const notAfter = row.expiresAt ?? undefined;
    if (row.scope === 'worker')
      return { authentication: { principal: { kind: 'worker', apiKeyId: row.id } }, notAfter };
    if (!row.userId) return refused('invalid_token');
    return {
      authentication: { principal: { kind: 'user', userId: row.userId, via: 'api_key', apiKeyId: row.id } },
      notAfter,
    };
  }
  return refused('invalid_token');
}

/** The gateway's user id, trusted only with the shared secret; its first request creates the user. */
async function authenticateProxy(
  db: Database,
  config: Config,
  headers: AuthenticateOptions['headers'],
): Promise<Authentication> {
  const externalId = headers[config.AUTH_PROXY_USER_HEADER];
  const secret = headers[config.AUTH_PROXY_SECRET_HEADER];
  if (externalId === undefined && secret === undefined) return { principal: null };
  const expected = config.AUTH_PROXY_SECRET;
  if (
    typeof externalId !== 'string' ||
    typeof secret !== 'string' ||
    !expected ||
    !safeEqual(secret, expected) ||
    !/^[\w.@:-]{1,200}$/.test(externalId)
  ) {
    return { principal: null, failure: 'invalid_proxy_credentials' };
  }
  return { principal: { kind: 'user', userId: await proxyUserId(db, externalId), via: 'proxy' } };
}

async function proxyUserId(db: Database, externalId: string): Promise<string> {
  const find = () => db.select({ id: users.id }).from(users).where(eq(users.externalId, externalId));
  const [existing] = await find();
  if (existing) return existing.id;
  await db.insert(users).values({ externalId }).onConflictDoNothing();
  const [created] = await find();
  if (!created) throw new Error('a proxy user could not be created');
  return created.id;
}

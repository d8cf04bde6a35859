import type { Database } from '@schema-builder/db';
import { apiKeys, sessions, users } from '@schema-builder/db';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Config } from '../../env.ts';
import type { Authentication } from './principal.ts';
import { safeEqual, secretKind, sha256 } from './secrets.ts';

export interface AuthenticateOptions {
  db: Database;
  config: Config;
  headers: Record<string, string | string[] | undefined>;
}

/**
 * Resolves a request's credentials: `Authorization: Bearer <session token | API key>`, or in
 * proxy mode the user header accompanied by the shared secret. No credentials is not an
 * error here; procedures that need a principal refuse with 401.
 */
export async function authenticate({ db, config, headers }: AuthenticateOptions): Promise<Authentication> {
  const bearer = bearerToken(headers.authorization);
  if (bearer !== undefined) return authenticateBearer(db, bearer);
  if (config.AUTH_MODE === 'proxy') return authenticateProxy(db, config, headers);
  return { principal: null };
}

function bearerToken(header: string | string[] | undefined): string | undefined {
  if (typeof header !== 'string') return undefined;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match?.[1] ?? '';
}

async function authenticateBearer(db: Database, token: string): Promise<Authentication> {
  const kind = secretKind(token);
  if (kind === 'session') {
    const [row] = await db
      .select({
        id: sessions.id,
        userId: sessions.userId,
        expired: sql<boolean>`${sessions.expiresAt} <= now()`,
      })
      .from(sessions)
      .where(and(eq(sessions.tokenHash, sha256(token)), isNull(sessions.revokedAt)));
    if (!row) return { principal: null, failure: 'invalid_token' };
    if (row.expired) return { principal: null, failure: 'expired_token' };
    return { principal: { kind: 'user', userId: row.userId, via: 'session', sessionId: row.id } };
  }
  if (kind === 'key') {
    const [row] = await db
      .update(apiKeys)
      .set({ lastUsedAt: sql`now()` })
      .where(
        and(
          eq(apiKeys.keyHash, sha256(token)),
          isNull(apiKeys.revokedAt),
          sql`(${apiKeys.expiresAt} IS NULL OR ${apiKeys.expiresAt} > now())`,
        ),
      )
      .returning({ id: apiKeys.id, userId: apiKeys.userId, scope: apiKeys.scope });
    if (!row) return { principal: null, failure: 'invalid_token' };
    if (row.scope === 'worker') return { principal: { kind: 'worker', apiKeyId: row.id } };
    if (!row.userId) return { principal: null, failure: 'invalid_token' };
    return { principal: { kind: 'user', userId: row.userId, via: 'api_key', apiKeyId: row.id } };
  }
  return { principal: null, failure: 'invalid_token' };
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

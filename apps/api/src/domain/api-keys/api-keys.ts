import type { ApiKeyRow, Database } from '@schema-builder/db';
import { apiKeys } from '@schema-builder/db';
import { and, eq, getTableColumns, isNull, sql } from 'drizzle-orm';
import { AppError } from '../../errors/codes.ts';
import type { RequestOrigin } from '../audit/record-event.ts';
import { recordEvent } from '../audit/record-event.ts';
import type { CredentialCache } from '../auth/credential-cache.ts';
import { newSecret, sha256 } from '../auth/secrets.ts';
import type { KeysetOrder } from '../pagination/keyset.ts';
import { afterCursor, cursorKeyOf, orderOf, rowsFor, toPage } from '../pagination/keyset.ts';
import type { PageInput } from '../pagination/page.ts';

export interface ApiKeySummary {
  id: string;
  name: string;
  scope: 'user' | 'worker';
  prefix: string;
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

const PREFIX_LENGTH = 12; // "sbk_" + 8 characters of the secret: enough to tell keys apart

function toSummary(row: ApiKeyRow): ApiKeySummary {
  return {
    id: row.id,
    name: row.name,
    scope: row.scope === 'worker' ? 'worker' : 'user',
    prefix: row.prefix,
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt?.toISOString() ?? null,
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}

export interface CreateApiKeyOptions {
  db: Database;
  origin: RequestOrigin;
  /** The owner; null only for worker keys, which belong to the deployment. */
  userId: string | null;
  name: string;
  scope: 'user' | 'worker';
  expiresAt?: Date | undefined;
}

/** Creates a key and returns its secret — the only time it is ever shown. */
export async function createApiKey(
  options: CreateApiKeyOptions,
): Promise<{ key: string; apiKey: ApiKeySummary }> {
  const key = newSecret('key');
  return options.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(apiKeys)
      .values({
        userId: options.userId,
        name: options.name,
        scope: options.scope,
        prefix: key.slice(0, PREFIX_LENGTH),
        keyHash: sha256(key),
        expiresAt: options.expiresAt ?? null,
      })
      .returning();
    if (!row) throw new Error('INSERT … RETURNING returned no row');
    await recordEvent(tx, options.origin, {
      userId: options.userId,
      action: 'api_key.created',
      resourceType: 'api_key',
      resourceId: row.id,
      details: { name: row.name, scope: row.scope },
    });
    return { key, apiKey: toSummary(row) };
  });
}

const NEWEST_FIRST: KeysetOrder = {
  name: 'api-keys',
  columns: [apiKeys.createdAt, apiKeys.id],
  direction: 'desc',
};

/** A page of the user's keys (revoked ones too), newest first. */
export async function listApiKeys({ db, userId, ...page }: { db: Database; userId: string } & PageInput) {
  const rows = await db
    .select({ ...getTableColumns(apiKeys), cursorKey: cursorKeyOf(NEWEST_FIRST) })
    .from(apiKeys)
    .where(and(eq(apiKeys.userId, userId), afterCursor(NEWEST_FIRST, page.cursor)))
    .orderBy(...orderOf(NEWEST_FIRST))
    .limit(rowsFor(page));
  return toPage(NEWEST_FIRST, page, rows, toSummary);
}

/** One of the user's keys (revoked ones too). */
export async function getApiKey({ db, userId, id }: { db: Database; userId: string; id: string }) {
  const [row] = await db
    .select()
    .from(apiKeys)
    .where(and(eq(apiKeys.id, id), eq(apiKeys.userId, userId)));
  if (!row) throw apiKeyNotFound(`No API key with id ${id}.`);
  return toSummary(row);
}

function apiKeyNotFound(message: string): AppError {
  return new AppError('API_KEY_NOT_FOUND', message, {
    details: [{ path: 'id', code: 'API_KEY_NOT_FOUND', message: 'No such API key.' }],
  });
}

export async function revokeApiKey(options: {
  db: Database;
  cache: CredentialCache;
  origin: RequestOrigin;
  userId: string;
  id: string;
}) {
  return options.db.transaction(async (tx) => {
    const [row] = await tx
      .update(apiKeys)
      .set({ revokedAt: sql`now()` })
      .where(and(eq(apiKeys.id, options.id), eq(apiKeys.userId, options.userId), isNull(apiKeys.revokedAt)))
      .returning();
    if (!row) {
      throw apiKeyNotFound(`No active API key with id ${options.id}.`);
    }
    options.cache.forget(row.keyHash);
    await recordEvent(tx, options.origin, {
      userId: options.userId,
      action: 'api_key.revoked',
      resourceType: 'api_key',
      resourceId: row.id,
      // Its name, so the log reads without looking the key up.
      details: { name: row.name },
    });
    return toSummary(row);
  });
}

/**
 * Revokes a worker key the deployment made for itself (the supervisor's, when it stops): no
 * owner and no audit event, as when it was made; a user's key is never revoked through here.
 */
export async function revokeWorkerKey({ db, id }: { db: Database; id: string }): Promise<void> {
  await db
    .update(apiKeys)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(apiKeys.id, id), eq(apiKeys.scope, 'worker'), isNull(apiKeys.userId)));
}

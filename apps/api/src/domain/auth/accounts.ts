import type { Database, Queryable, UserRow } from '@schema-builder/db';
import { isUniqueViolation, sessions, USERS_EMAIL_KEY, users } from '@schema-builder/db';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { AppError } from '../../errors/codes.ts';
import type { RequestOrigin } from '../audit/record-event.ts';
import { recordEvent } from '../audit/record-event.ts';
import { throttleAddressOf } from './client-address.ts';
import type { CredentialCache } from './credential-cache.ts';
import { decoyPasswordHash, hashPassword, newSecret, sha256, verifyPassword } from './secrets.ts';
import type { SignInKey, SignInWait, ThrottleSettings } from './sign-in-throttle.ts';
import { clearSignInFailures, recordSignInFailure, signInWait } from './sign-in-throttle.ts';

export interface AccountSettings {
  sessionTtlHours: number;
  throttle: ThrottleSettings;
}

export interface Credentials {
  email: string;
  password: string;
  name?: string | undefined;
}

export interface PublicUser {
  id: string;
  email: string | null;
  name: string;
  createdAt: string;
}

export const toPublicUser = (row: Pick<UserRow, 'id' | 'email' | 'name' | 'createdAt'>): PublicUser => ({
  id: row.id,
  email: row.email,
  name: row.name,
  createdAt: row.createdAt.toISOString(),
});

interface AccountOptions {
  db: Database;
  settings: AccountSettings;
  origin: RequestOrigin;
  credentials: Credentials;
}

/** Creates an account and signs it in. */
export async function signUp({ db, settings, origin, credentials }: AccountOptions) {
  const passwordHash = await hashPassword(credentials.password);
  try {
    return await db.transaction(async (tx) => {
      const [user] = await tx
        .insert(users)
        .values({ email: credentials.email, name: credentials.name ?? '', passwordHash })
        .returning();
      if (!user) throw new Error('INSERT … RETURNING returned no row');
      await recordEvent(tx, origin, {
        userId: user.id,
        action: 'auth.signed_up',
        resourceType: 'user',
        resourceId: user.id,
      });
      const token = await startSession(tx, user.id, settings.sessionTtlHours);
      return { token, user: toPublicUser(user) };
    });
  } catch (error) {
    if (!isUniqueViolation(error, USERS_EMAIL_KEY)) throw error;
    throw new AppError(
      'EMAIL_TAKEN',
      'An account with this e-mail address already exists. Sign in instead.',
      {
        details: [{ path: 'email', code: 'EMAIL_TAKEN', message: 'Already registered.' }],
        cause: error,
      },
    );
  }
}

/**
 * Checks a password; the same 401 whether the address is unknown or the password wrong. Failures
 * slow down the client address they come from (see sign-in-throttle.ts); the account's owner sees
 * each failure, each wait it started and each attempt refused during one in the audit log.
 */
export async function signIn({ db, settings, origin, credentials }: AccountOptions) {
  const email = credentials.email;
  const key: SignInKey = { email, address: throttleAddressOf(origin.ip) };
  const [user] = await db.select().from(users).where(sql`lower(${users.email}) = ${email}`);
  const waiting = await signInWait(db, key);
  if (waiting) {
    if (user) await recordEvent(db, origin, throttleEvent(user.id, 'auth.sign_in_refused', waiting));
    throw tooManyFailures(waiting);
  }
  const valid = user?.passwordHash
    ? await verifyPassword(user.passwordHash, credentials.password)
    : await verifyPassword(await decoyPasswordHash(), credentials.password).then(() => false);
  if (!user || !valid) {
    const count = await recordSignInFailure(db, key, settings.throttle);
    if (user) {
      await recordEvent(db, origin, {
        userId: user.id,
        action: 'auth.sign_in_failed',
        resourceType: 'user',
        resourceId: user.id,
        details: { failures: count.failures, accountFailures: count.accountFailures },
      });
      if (count.wait)
        await recordEvent(db, origin, throttleEvent(user.id, 'auth.sign_in_locked', count.wait));
    }
    throw new AppError('INVALID_CREDENTIALS', 'The e-mail address or the password is wrong.');
  }
  await clearSignInFailures(db, key);
  const token = await startSession(db, user.id, settings.sessionTtlHours);
  await recordEvent(db, origin, {
    userId: user.id,
    action: 'auth.signed_in',
    resourceType: 'user',
    resourceId: user.id,
  });
  return { token, user: toPublicUser(user) };
}

function tooManyFailures(wait: SignInWait): AppError {
  const message =
    wait.scope === 'address'
      ? 'Too many failed sign-ins for this e-mail address from here. Try again later.'
      : 'Too many failed sign-ins for this e-mail address. Try again later.';
  return new AppError('RATE_LIMITED', message, { retryAfterSeconds: wait.retryAfterSeconds });
}

/** A wait started or an attempt refused: its scope and length, never the password tried. */
const throttleEvent = (
  userId: string,
  action: 'auth.sign_in_locked' | 'auth.sign_in_refused',
  wait: SignInWait,
) => ({
  userId,
  action,
  resourceType: 'user',
  resourceId: userId,
  details: { scope: wait.scope, retryAfterSeconds: wait.retryAfterSeconds },
});

async function startSession(db: Queryable, userId: string, ttlHours: number): Promise<string> {
  const token = newSecret('session');
  await db.insert(sessions).values({
    userId,
    tokenHash: sha256(token),
    expiresAt: sql`now() + ${`${ttlHours} hours`}::interval`,
  });
  return token;
}

/**
 * Revokes the session the request came with (API keys are revoked through their own route),
 * here and in this instance's credential cache.
 */
export async function signOut(options: {
  db: Database;
  cache: CredentialCache;
  origin: RequestOrigin;
  userId: string;
  sessionId?: string | undefined;
}) {
  if (options.sessionId) {
    const revoked = await options.db
      .update(sessions)
      .set({ revokedAt: sql`now()` })
      .where(
        and(
          eq(sessions.id, options.sessionId),
          eq(sessions.userId, options.userId),
          isNull(sessions.revokedAt),
        ),
      )
      .returning({ tokenHash: sessions.tokenHash });
    for (const { tokenHash } of revoked) options.cache.forget(tokenHash);
  }
  await recordEvent(options.db, options.origin, {
    userId: options.userId,
    action: 'auth.signed_out',
    resourceType: 'session',
    resourceId: options.sessionId,
  });
  return { signedOut: true as const };
}

export async function currentUser({ db, userId }: { db: Database; userId: string }): Promise<PublicUser> {
  const [user] = await db.select().from(users).where(eq(users.id, userId));
  if (!user) throw new AppError('UNAUTHORIZED', 'The account no longer exists.');
  return toPublicUser(user);
}

import type { Database } from '@schema-builder/db';
import { signInFailures } from '@schema-builder/db';
import { eq, sql } from 'drizzle-orm';
import { AppError } from '../../errors/codes.ts';

export interface ThrottleOptions {
  db: Database;
  email: string;
  maxFailures: number;
  lockMinutes: number;
}

/** Refuses with 429 while the address is locked after too many failed sign-ins. */
export async function assertSignInAllowed({
  db,
  email,
}: Pick<ThrottleOptions, 'db' | 'email'>): Promise<void> {
  const [row] = await db
    .select({ seconds: sql<number>`ceil(extract(epoch FROM ${signInFailures.lockedUntil} - now()))::int` })
    .from(signInFailures)
    .where(sql`${signInFailures.email} = ${email} AND ${signInFailures.lockedUntil} > now()`);
  if (!row) return;
  throw new AppError('RATE_LIMITED', 'Too many failed sign-ins for this address. Try again later.', {
    retryAfterSeconds: Math.max(1, row.seconds),
  });
}

/** Counts a failure within a rolling window; reaching the maximum locks the address. */
export async function recordSignInFailure({
  db,
  email,
  maxFailures,
  lockMinutes,
}: ThrottleOptions): Promise<void> {
  const window = `${lockMinutes} minutes`;
  await db.execute(sql`
    INSERT INTO sign_in_failures AS f (email, failures, window_started_at)
    VALUES (${email}, 1, now())
    ON CONFLICT (email) DO UPDATE SET
      failures = CASE WHEN f.window_started_at < now() - ${window}::interval THEN 1 ELSE f.failures + 1 END,
      window_started_at = CASE WHEN f.window_started_at < now() - ${window}::interval
        THEN now() ELSE f.window_started_at END,
      locked_until = CASE
        WHEN f.window_started_at >= now() - ${window}::interval AND f.failures + 1 >= ${maxFailures}
        THEN now() + ${window}::interval ELSE f.locked_until END`);
}

export async function clearSignInFailures(db: Database, email: string): Promise<void> {
  await db.delete(signInFailures).where(eq(signInFailures.email, email));
}

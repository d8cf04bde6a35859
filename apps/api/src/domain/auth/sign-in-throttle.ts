import type { Database } from '@schema-builder/db';
import { signInAccountFailures, signInFailures } from '@schema-builder/db';
import type { SQL } from 'drizzle-orm';
import { and, eq, sql } from 'drizzle-orm';

/**
 * Sign-in throttling that a stranger cannot turn against an account's owner. Failures count per
 * e-mail *and* client address: after `backoffAfterFailures` that address waits 1 s before trying
 * that e-mail again, and each further failure doubles the wait (up to `backoffMaxSeconds`), while
 * the owner signing in from elsewhere is not held up. Only a far higher count from all addresses
 * together (`accountMaxFailures` within the window) locks the e-mail itself, against guessers
 * spread over many addresses. The per-IP sign-in rate limit (http/rate-limits.ts) keeps one address from
 * spraying many e-mails.
 */
export interface ThrottleSettings {
  backoffAfterFailures: number;
  backoffMaxSeconds: number;
  accountMaxFailures: number;
  windowMinutes: number;
}

/** What is counted: an e-mail (lower case) from an address (see client-address.ts). */
export interface SignInKey {
  email: string;
  address: string;
}

/** A wait ahead: for this address only, or for the e-mail from everywhere. */
export interface SignInWait {
  scope: 'address' | 'account';
  retryAfterSeconds: number;
}

export interface FailureCount {
  /** Failures of this e-mail from this address in the window, this one included. */
  failures: number;
  /** Failures of this e-mail from every address in the window. */
  accountFailures: number;
  /** The wait this failure started, if it started one. */
  wait: SignInWait | null;
}

/** Seconds until a timestamp, rounded up: 0 or less once it has passed, null for none. */
const secondsUntil = (column: SQL) => sql`ceil(extract(epoch FROM ${column} - now()))::int`;

/** The longer wait that holds for this e-mail from this address now, if any. */
export async function signInWait(db: Database, { email, address }: SignInKey): Promise<SignInWait | null> {
  const rows = await db.execute<{ address_wait: number | null; account_wait: number | null }>(sql`
    SELECT
      (SELECT ${secondsUntil(sql`locked_until`)} FROM sign_in_failures
        WHERE email = ${email} AND address = ${address} AND locked_until > now()) AS address_wait,
      (SELECT ${secondsUntil(sql`locked_until`)} FROM sign_in_account_failures
        WHERE email = ${email} AND locked_until > now()) AS account_wait`);
  return longerWait(rows[0]?.address_wait ?? null, rows[0]?.account_wait ?? null);
}

/**
 * Counts a failure for the pair and for the e-mail in one statement (row locks of the upserts keep
 * concurrent failures exact across API instances) and starts the wait it earns. A count older than
 * the window starts again at 1; a wait is never shortened by a later failure.
 */
export async function recordSignInFailure(
  db: Database,
  { email, address }: SignInKey,
  settings: ThrottleSettings,
): Promise<FailureCount> {
  const window = sql`make_interval(mins => ${settings.windowMinutes}::int)`;
  const after = sql`${settings.backoffAfterFailures}::int`;
  const ceiling = sql`${settings.accountMaxFailures}::int`;
  // 2^(failures - after) seconds; the exponent is capped so power() cannot overflow.
  const backoffUntil = (failures: SQL) => sql`CASE WHEN ${failures} >= ${after} THEN now() + make_interval(
    secs => least(power(2, least(${failures} - ${after}, 30)), ${settings.backoffMaxSeconds}::int)) END`;
  const pairExpired = sql`f.window_started_at < now() - ${window}`;
  const pairNext = sql`(CASE WHEN ${pairExpired} THEN 1 ELSE f.failures + 1 END)`;
  const accountExpired = sql`a.window_started_at < now() - ${window}`;
  const accountNext = sql`(CASE WHEN ${accountExpired} THEN 1 ELSE a.failures + 1 END)`;
  const accountWindowStart = sql`(CASE WHEN ${accountExpired} THEN now() ELSE a.window_started_at END)`;

  const rows = await db.execute<{
    failures: number;
    account_failures: number;
    address_wait: number | null;
    account_wait: number | null;
  }>(sql`
    WITH pair AS (
      INSERT INTO sign_in_failures AS f (email, address, failures, window_started_at, locked_until)
      VALUES (${email}, ${address}, 1, now(), ${backoffUntil(sql`1`)})
      ON CONFLICT (email, address) DO UPDATE SET
        failures = ${pairNext},
        window_started_at = CASE WHEN ${pairExpired} THEN now() ELSE f.window_started_at END,
        locked_until = greatest(f.locked_until, ${backoffUntil(pairNext)})
      RETURNING f.failures, f.locked_until
    ), account AS (
      INSERT INTO sign_in_account_failures AS a (email, failures, window_started_at, locked_until)
      VALUES (${email}, 1, now(), CASE WHEN 1 >= ${ceiling} THEN now() + ${window} END)
      ON CONFLICT (email) DO UPDATE SET
        failures = ${accountNext},
        window_started_at = ${accountWindowStart},
        locked_until = CASE WHEN ${accountNext} >= ${ceiling}
          THEN greatest(a.locked_until, ${accountWindowStart} + ${window}) ELSE a.locked_until END
      RETURNING a.failures, a.locked_until
    )
    SELECT pair.failures, account.failures AS account_failures,
      ${secondsUntil(sql`pair.locked_until`)} AS address_wait,
      ${secondsUntil(sql`account.locked_until`)} AS account_wait
    FROM pair, account`);
  const [row] = rows;
  if (!row) throw new Error('the sign-in failure upsert returned no row');
  await pruneStaleFailures(db, window);
  return {
    failures: row.failures,
    accountFailures: row.account_failures,
    wait: longerWait(row.address_wait, row.account_wait),
  };
}

/**
 * Each failure deletes a few rows whose window and wait are over (they would count from 1 again
 * anyway): more than it adds, so the tables stay small without a timer, however many e-mails a
 * guesser tries. Oldest first, through the window indexes.
 */
const PRUNED_PER_FAILURE = 10;

async function pruneStaleFailures(db: Database, window: SQL): Promise<void> {
  const stale = (table: typeof signInFailures | typeof signInAccountFailures) => sql`
    DELETE FROM ${table} WHERE ctid = ANY(ARRAY(
      SELECT ctid FROM ${table}
      WHERE ${table.windowStartedAt} < now() - ${window}
        AND (${table.lockedUntil} IS NULL OR ${table.lockedUntil} <= now())
      ORDER BY ${table.windowStartedAt} LIMIT ${PRUNED_PER_FAILURE}))`;
  await db.execute(stale(signInFailures));
  await db.execute(stale(signInAccountFailures));
}

/** A successful sign-in forgets this address's failures for the e-mail, and only those. */
export async function clearSignInFailures(db: Database, { email, address }: SignInKey): Promise<void> {
  await db
    .delete(signInFailures)
    .where(and(eq(signInFailures.email, email), eq(signInFailures.address, address)));
}

function longerWait(addressWait: number | null, accountWait: number | null): SignInWait | null {
  const address = addressWait !== null && addressWait > 0 ? addressWait : 0;
  const account = accountWait !== null && accountWait > 0 ? accountWait : 0;
  if (address === 0 && account === 0) return null;
  return account >= address
    ? { scope: 'account', retryAfterSeconds: account }
    : { scope: 'address', retryAfterSeconds: address };
}

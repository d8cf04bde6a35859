import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Harness, TestUser } from '../../test/harness.test-support.ts';
import { startHarness } from '../../test/harness.test-support.ts';

/** Three failures from one address before it waits; the e-mail itself locks at ten from all. */
const BACKOFF_AFTER = 3;
const ACCOUNT_MAX = 10;

let h: Harness;
let baseUrl: string;
beforeAll(async () => {
  h = await startHarness({
    SIGN_IN_BACKOFF_AFTER_FAILURES: String(BACKOFF_AFTER),
    SIGN_IN_BACKOFF_MAX_SECONDS: '8',
    SIGN_IN_ACCOUNT_MAX_FAILURES: String(ACCOUNT_MAX),
  });
  baseUrl = await h.listen();
});
afterAll(() => h.close());

const ATTACKER = '127.0.0.2';
const OWNER = '127.0.0.1';

interface Outcome {
  status: number;
  retryAfter: number | undefined;
  code: string | undefined;
  token: string | undefined;
}

interface RestBody {
  token?: string;
  error?: { code: string };
}
interface TrpcBody {
  result?: { data: { token: string } };
  error?: { data: { error: { code: string } } };
}

type Transport = 'rest' | 'trpc';

/** Signs in over real HTTP from a loopback address of the caller's choosing. */
function signInFrom(localAddress: string, email: string, password: string, via: Transport = 'rest') {
  const path = via === 'rest' ? '/api/v1/auth/sign-in' : '/trpc/auth.signIn';
  const payload = JSON.stringify({ email, password });
  return new Promise<Outcome>((resolve, reject) => {
    const req = request(
      `${baseUrl}${path}`,
      { method: 'POST', localAddress, headers: { 'content-type': 'application/json' } },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          text += chunk;
        });
        res.on('end', () => {
          const header = res.headers['retry-after'];
          const outcome = { status: res.statusCode ?? 0, retryAfter: header ? Number(header) : undefined };
          if (via === 'rest') {
            const body = JSON.parse(text) as RestBody;
            resolve({ ...outcome, code: body.error?.code, token: body.token });
          } else {
            const body = JSON.parse(text) as TrpcBody;
            resolve({ ...outcome, code: body.error?.data.error.code, token: body.result?.data.token });
          }
        });
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

/** As if the current wait of this e-mail from this address had run out. */
const endWait = (email: string, address: string) =>
  h.services.sql`UPDATE sign_in_failures SET locked_until = now()
    WHERE email = ${email.toLowerCase()} AND address = ${address}`;

/** Stretches the current wait to a minute, so a slow machine cannot outlast it mid-test. */
const holdWait = (email: string, address: string) =>
  h.services.sql`UPDATE sign_in_failures SET locked_until = now() + interval '1 minute'
    WHERE email = ${email.toLowerCase()} AND address = ${address} AND locked_until IS NOT NULL`;

/** The waits that failures started, oldest first, as the owner's audit log tells them. */
async function lockEvents(user: TestUser) {
  const response = await h.request('GET', '/api/v1/audit-events?pageSize=100', undefined, {
    token: user.token,
  });
  const events: Array<{ action: string; details: { retryAfterSeconds?: number } }> = response.json().items;
  return events
    .filter((event) => event.action === 'auth.sign_in_locked')
    .map((event) => event.details.retryAfterSeconds)
    .reverse();
}

const failFrom = async (address: string, user: TestUser, times: number, via: Transport = 'rest') => {
  for (let i = 0; i < times; i++) {
    expect((await signInFrom(address, user.email, 'a wrong guess', via)).status).toBe(401);
  }
};

describe.each<Transport>(['rest', 'trpc'])('sign-in throttling over %s', (via) => {
  test("an attacker's failures make the attacker wait, while the owner signs in from another address", async () => {
    const victim = await h.signUp('victim');
    await failFrom(ATTACKER, victim, BACKOFF_AFTER, via);
    for (let round = 0; round < 4; round++) {
      await holdWait(victim.email, ATTACKER);
      const refused = await signInFrom(ATTACKER, victim.email, 'another guess', via);
      expect(refused.status).toBe(429);
      expect(refused.code).toBe('RATE_LIMITED');
      expect(refused.retryAfter).toBeGreaterThan(0);
      // Even the right password waits from there: the guesser learns nothing during the wait.
      expect((await signInFrom(ATTACKER, victim.email, victim.password, via)).status).toBe(429);
      await endWait(victim.email, ATTACKER);
      await failFrom(ATTACKER, victim, 1, via);
    }
    const owner = await signInFrom(OWNER, victim.email, victim.password, via);
    expect(owner.status).toBe(200);
    expect(owner.token).toMatch(/^sbs_/);
  });

  test('each failure past the free ones doubles the wait, up to the maximum', async () => {
    const victim = await h.signUp('backoff');
    await failFrom(ATTACKER, victim, BACKOFF_AFTER - 1, via);
    for (let i = 0; i < 6; i++) {
      await failFrom(ATTACKER, victim, 1, via);
      // The first wait (1 s) could run out before a slow machine asks; the audit log tells it below.
      if (i > 0) {
        const refused = await signInFrom(ATTACKER, victim.email, 'guess', via);
        expect(refused.status).toBe(429);
        expect(refused.retryAfter).toBeGreaterThan(0);
        expect(refused.retryAfter).toBeLessThanOrEqual(Math.min(2 ** i, 8));
      }
      await endWait(victim.email, ATTACKER);
    }
    expect(await lockEvents(victim)).toEqual([1, 2, 4, 8, 8, 8]);
  });
});

describe('the ceiling for an e-mail from all addresses', () => {
  /** Signs in through Fastify's request injection, from any address (the socket's remote address). */
  const signInAs = (remoteAddress: string, email: string, password: string) =>
    h.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      remoteAddress,
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ email, password }),
    });

  test('locks the e-mail only far above what one address may try', async () => {
    const victim = await h.signUp('spread');
    // Each address stops short of its own wait; together they reach the ceiling but for one.
    const addresses = ['10.0.0.1', '10.0.0.2', '10.0.0.3', '10.0.0.4', '10.0.0.5'];
    let failures = 0;
    for (const address of addresses) {
      for (let i = 0; i < BACKOFF_AFTER - 1 && failures < ACCOUNT_MAX - 1; i++, failures++) {
        expect((await signInAs(address, victim.email, 'guess')).statusCode).toBe(401);
      }
    }
    expect(failures).toBe(ACCOUNT_MAX - 1);
    expect(ACCOUNT_MAX).toBeGreaterThan(3 * BACKOFF_AFTER);
    const owner = await signInAs('10.9.9.9', victim.email, victim.password);
    expect(owner.statusCode).toBe(200);

    expect((await signInAs('10.0.0.6', victim.email, 'guess')).statusCode).toBe(401);
    const locked = await signInAs('10.9.9.9', victim.email, victim.password);
    expect(locked.statusCode).toBe(429);
    expect(locked.json().error.code).toBe('RATE_LIMITED');
    // The lock lasts until the window of the first counted failure ends (60 minutes by default).
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(59 * 60);
    expect(Number(locked.headers['retry-after'])).toBeLessThanOrEqual(60 * 60);
  });

  test('a successful sign-in forgets the failures of its own address only', async () => {
    const victim = await h.signUp('forget');
    for (let i = 0; i < BACKOFF_AFTER - 1; i++) await signInAs('10.1.0.1', victim.email, 'guess');
    for (let i = 0; i < BACKOFF_AFTER - 1; i++) await signInAs('10.1.0.2', victim.email, 'guess');
    expect((await signInAs('10.1.0.1', victim.email, victim.password)).statusCode).toBe(200);
    // One more failure from each: free again from the first address, a wait from the second.
    expect((await signInAs('10.1.0.1', victim.email, 'guess')).statusCode).toBe(401);
    expect((await signInAs('10.1.0.2', victim.email, 'guess')).statusCode).toBe(401);
    const rows = await h.services.sql<{ address: string; failures: number; waiting: boolean }[]>`
      SELECT address, failures, locked_until IS NOT NULL AS waiting FROM sign_in_failures
      WHERE email = ${victim.email.toLowerCase()} ORDER BY address`;
    expect(rows).toEqual([
      { address: '10.1.0.1', failures: 1, waiting: false },
      { address: '10.1.0.2', failures: BACKOFF_AFTER, waiting: true },
    ]);
  });
});

describe('stale counts', () => {
  test('are pruned as failures come in, unless a wait is still running', async () => {
    const stale = `stale-${Date.now()}@example.test`;
    const waiting = `waiting-${Date.now()}@example.test`;
    await h.services.sql`
      INSERT INTO sign_in_failures (email, address, failures, window_started_at, locked_until) VALUES
        (${stale}, '10.2.0.1', 4, now() - interval '1 year', NULL),
        (${waiting}, '10.2.0.1', 9, now() - interval '1 year', now() + interval '1 day')`;
    await h.services.sql`
      INSERT INTO sign_in_account_failures (email, failures, window_started_at) VALUES
        (${stale}, 4, now() - interval '1 year')`;
    const victim = await h.signUp('pruner');
    await h.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ email: victim.email, password: 'guess' }),
    });
    const pairs = await h.services.sql<{ email: string }[]>`
      SELECT email FROM sign_in_failures WHERE email IN (${stale}, ${waiting})`;
    expect(pairs.map((row) => row.email)).toEqual([waiting]);
    const accounts = await h.services.sql`SELECT 1 FROM sign_in_account_failures WHERE email = ${stale}`;
    expect(accounts).toHaveLength(0);
  });
});

describe('the audit log of the account', () => {
  test('shows each failure, the wait it started and the refused attempts, with the address, never the password', async () => {
    const victim = await h.signUp('watched');
    const guess = 'a-very-recognisable-guess';
    for (let i = 0; i < BACKOFF_AFTER; i++) await signInFrom(ATTACKER, victim.email, guess);
    await holdWait(victim.email, ATTACKER);
    expect((await signInFrom(ATTACKER, victim.email, guess)).status).toBe(429);
    await signInFrom(OWNER, victim.email, victim.password);

    const response = await h.request('GET', '/api/v1/audit-events', undefined, { token: victim.token });
    expect(response.statusCode).toBe(200);
    const events: Array<{ action: string; ip: string; details: Record<string, unknown> }> =
      response.json().items;
    expect(events.map((e) => [e.action, e.ip])).toEqual([
      ['auth.signed_in', OWNER],
      ['auth.sign_in_refused', ATTACKER],
      ['auth.sign_in_locked', ATTACKER],
      ['auth.sign_in_failed', ATTACKER],
      ['auth.sign_in_failed', ATTACKER],
      ['auth.sign_in_failed', ATTACKER],
      ['auth.signed_up', OWNER],
    ]);
    expect(events[2]?.details).toEqual({ scope: 'address', retryAfterSeconds: 1 });
    expect(events[3]?.details).toEqual({ failures: BACKOFF_AFTER, accountFailures: BACKOFF_AFTER });
    expect(response.body).not.toContain(guess);
  });
});

describe('the client address behind proxies', () => {
  const signInVia = (app: Harness['app'], forwardedFor: string, email: string, password: string) =>
    app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      remoteAddress: '127.0.0.1',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': forwardedFor },
      payload: JSON.stringify({ email, password }),
    });

  test('X-Forwarded-For from an untrusted peer gives a guesser no fresh addresses', async () => {
    const victim = await h.signUp('spoofer');
    for (let i = 0; i < BACKOFF_AFTER; i++) {
      expect((await signInVia(h.app, `198.51.100.${i}`, victim.email, 'guess')).statusCode).toBe(401);
    }
    const [row] = await h.services.sql<{ address: string; failures: number }[]>`
      SELECT address, failures FROM sign_in_failures WHERE email = ${victim.email.toLowerCase()}`;
    expect(row).toEqual({ address: '127.0.0.1', failures: BACKOFF_AFTER });
  });

  test('with TRUST_PROXY the client the proxy names is the address counted and audited', async () => {
    const proxied = await startHarness({
      TRUST_PROXY: '127.0.0.1',
      SIGN_IN_BACKOFF_AFTER_FAILURES: String(BACKOFF_AFTER),
    });
    try {
      const victim = await proxied.signUp('proxied');
      for (let i = 0; i < BACKOFF_AFTER; i++) {
        expect((await signInVia(proxied.app, '203.0.113.7', victim.email, 'guess')).statusCode).toBe(401);
      }
      const owner = await signInVia(proxied.app, '203.0.113.8', victim.email, victim.password);
      expect(owner.statusCode).toBe(200);
      const events = await proxied.request('GET', '/api/v1/audit-events', undefined, { token: victim.token });
      const failed = events
        .json()
        .items.filter((e: { action: string }) => e.action === 'auth.sign_in_failed');
      expect(failed.map((e: { ip: string }) => e.ip)).toEqual(Array(BACKOFF_AFTER).fill('203.0.113.7'));
    } finally {
      await proxied.close();
    }
  });
});

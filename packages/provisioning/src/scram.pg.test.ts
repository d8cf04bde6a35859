import { quoteIdent, quotePostgresLiteral } from '@schema-builder/schema-model/sql';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parseScramVerifier, scramSha256Verifier } from './scram.ts';
import { loginUrl, openTestServer, type TestServer, tryLogin } from './test-server.test-support.ts';

/**
 * What these tests prove about the verifiers we send instead of passwords:
 * - PostgreSQL stores our verifier verbatim (it does not re-hash it), and
 * - for the same salt and iterations it is byte-for-byte the verifier PostgreSQL itself computes
 *   from the plain password, so authentication against it behaves exactly as if PostgreSQL had
 *   hashed the password. Both read pg_authid, which needs a superuser (the test servers' user is).
 * - Where the server enforces passwords for TCP (the embedded test server), a login with the
 *   password succeeds and one with another password is refused. Under `trust` (e.g. a developer
 *   machine's pg_hba for 127.0.0.1) any password is accepted, so that test is skipped, saying so.
 */
let server: TestServer;
let superuser = false;
const role = () => `${server.prefix}_scram`;
// Its own database to log in to: provisioning closes `postgres` to PUBLIC (shared-databases.ts).
const database = () => `${server.prefix}_scram_db`;

async function storedVerifier(name: string): Promise<string | null> {
  const [row] = await server.session.admin<{ password: string | null }[]>`
    SELECT rolpassword AS password FROM pg_authid WHERE rolname = ${name}`;
  return row?.password ?? null;
}

beforeAll(async () => {
  server = openTestServer();
  const [row] = await server.session.admin<{ superuser: boolean }[]>`
    SELECT rolsuper AS superuser FROM pg_roles WHERE rolname = current_user`;
  superuser = row?.superuser === true;
  await server.session.admin.unsafe(`CREATE ROLE ${quoteIdent(role())} LOGIN`);
  await server.session.admin.unsafe(`CREATE DATABASE ${quoteIdent(database())} OWNER ${quoteIdent(role())}`);
});

afterAll(async () => {
  await server?.cleanup();
});

describe('SCRAM verifiers on PostgreSQL', () => {
  test('PostgreSQL stores the verifier we send verbatim', async (context) => {
    if (!superuser) context.skip('reading pg_authid needs a superuser');
    const verifier = scramSha256Verifier('a generated password');
    await server.session.admin.unsafe(
      `ALTER ROLE ${quoteIdent(role())} PASSWORD ${quotePostgresLiteral(verifier)}`,
    );
    expect(await storedVerifier(role())).toBe(verifier);
  });

  test("equals PostgreSQL's own verifier of the plain password for the same salt and iterations", async (context) => {
    if (!superuser) context.skip('reading pg_authid needs a superuser');
    const password = 'Plain-password_42 with spaces';
    // Inside a transaction, so SET LOCAL makes the server hash with SCRAM whatever its default.
    await server.session.admin.begin(async (tx) => {
      await tx`SET LOCAL password_encryption = 'scram-sha-256'`;
      await tx.unsafe(`ALTER ROLE ${quoteIdent(role())} PASSWORD ${quotePostgresLiteral(password)}`);
    });
    const theirs = await storedVerifier(role());
    const parsed = parseScramVerifier(theirs ?? '');
    if (!parsed) throw new Error('PostgreSQL did not store a SCRAM verifier');
    expect(scramSha256Verifier(password, { salt: parsed.salt, iterations: parsed.iterations })).toBe(theirs);
  });

  test('a role whose password was set as our verifier logs in with that password only', async (context) => {
    const password = 'the real password';
    await server.session.admin.unsafe(
      `ALTER ROLE ${quoteIdent(role())} PASSWORD ${quotePostgresLiteral(scramSha256Verifier(password))}`,
    );
    const wrong = await tryLogin(loginUrl(server, role(), 'not the password', database()));
    if (!('refused' in wrong))
      context.skip('the server does not check passwords for TCP (trust): see the catalog tests above');
    expect(wrong).toEqual({ refused: '28P01' });
    expect(await tryLogin(loginUrl(server, role(), password, database()))).toEqual({
      user: role(),
      database: database(),
    });
  });
});

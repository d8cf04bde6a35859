import { createHash, createHmac } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { generatePassword, parseScramVerifier, scramSha256Verifier, scramVerifierMatches } from './scram.ts';

// RFC 7677 §3: the SCRAM-SHA-256 exchange for user "user", password "pencil".
const rfc = {
  password: 'pencil',
  salt: Buffer.from('W22ZaJ0SNY7soEsUEjb6gQ==', 'base64'),
  iterations: 4096,
  authMessage:
    'n=user,r=rOprNGfwEbeRWgbNEkqO,' +
    'r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096,' +
    'c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0',
  clientProof: Buffer.from('dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=', 'base64'),
  serverSignature: '6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=',
};

describe('scramSha256Verifier', () => {
  test('produces the keys with which a server verifies the RFC 7677 example exchange', () => {
    const verifier = scramSha256Verifier(rfc.password, { salt: rfc.salt, iterations: rfc.iterations });
    const parsed = parseScramVerifier(verifier);
    if (!parsed) throw new Error(`not a verifier: ${verifier}`);
    // What a SCRAM server does with the stored verifier (RFC 5802 §3):
    // ServerSignature = HMAC(ServerKey, AuthMessage) must match the RFC's,
    const hmac = (key: Buffer, text: string) => createHmac('sha256', key).update(text).digest();
    expect(hmac(parsed.serverKey, rfc.authMessage).toString('base64')).toBe(rfc.serverSignature);
    // and ClientKey = ClientProof XOR HMAC(StoredKey, AuthMessage) must hash to StoredKey.
    const signature = hmac(parsed.storedKey, rfc.authMessage);
    const clientKey = Buffer.from(rfc.clientProof.map((byte, i) => byte ^ (signature[i] ?? 0)));
    expect(createHash('sha256').update(clientKey).digest().equals(parsed.storedKey)).toBe(true);
  });

  test("has PostgreSQL's layout: SCRAM-SHA-256$<iterations>:<salt>$<StoredKey>:<ServerKey>", () => {
    expect(scramSha256Verifier('pencil', { salt: rfc.salt })).toMatch(
      /^SCRAM-SHA-256\$4096:W22ZaJ0SNY7soEsUEjb6gQ==\$[A-Za-z0-9+/]{43}=:[A-Za-z0-9+/]{43}=$/,
    );
  });

  test('salts every verifier randomly by default', () => {
    expect(scramSha256Verifier('pencil')).not.toBe(scramSha256Verifier('pencil'));
  });

  test('records a custom iteration count', () => {
    expect(parseScramVerifier(scramSha256Verifier('pencil', { iterations: 10_000 }))?.iterations).toBe(
      10_000,
    );
  });

  test.each([
    ['empty', ''],
    ['non-ASCII (SASLprep would apply)', 'pässwort'],
    ['a control character', 'pass\u0000word'],
  ])('refuses a %s password', (_case, password) => {
    expect(() => scramSha256Verifier(password)).toThrow(/printable ASCII/);
  });

  test.each([0, -1, 1.5])('refuses %s iterations', (iterations) => {
    expect(() => scramSha256Verifier('pencil', { iterations })).toThrow(/iterations/);
  });
});

describe('scramVerifierMatches', () => {
  const verifier = scramSha256Verifier('pencil', { iterations: 64 });

  test.each([
    ['the password', 'pencil', true],
    ['another password', 'pencils', false],
    ['a non-ASCII password', 'péncil', false],
  ])('with %s is %s', (_case, password, expected) => {
    expect(scramVerifierMatches(verifier, password)).toBe(expected);
  });

  test.each(['', 'md5abc', 'SCRAM-SHA-256$4096:salt', 'pencil'])('is false for non-verifier %j', (text) => {
    expect(scramVerifierMatches(text, 'pencil')).toBe(false);
  });
});

describe('generatePassword', () => {
  test('is 43 URL-safe characters with 256 bits of randomness', () => {
    const password = generatePassword();
    expect(password).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(generatePassword()).not.toBe(password);
  });
});

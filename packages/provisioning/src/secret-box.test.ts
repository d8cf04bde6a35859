import { describe, expect, test } from 'vitest';
import { decodeKey, deriveKeyId, generateKey, SecretBox, SecretBoxError } from './secret-box.ts';

const keyA = { id: 'a', key: Buffer.alloc(32, 1) };
const keyB = { id: 'b', key: Buffer.alloc(32, 2) };

function errorCodeOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    return error instanceof SecretBoxError ? error.code : `not a SecretBoxError: ${String(error)}`;
  }
  return undefined;
}

describe('SecretBox', () => {
  test('opens what it sealed, with the same associated data', () => {
    const box = new SecretBox(keyA);
    const sealed = box.seal('correct horse battery staple', 'row-1');
    expect(box.open(sealed, 'row-1')).toBe('correct horse battery staple');
  });

  test('writes v1:<keyId>:<iv>:<tag>:<ciphertext> in base64url, never the plaintext', () => {
    const sealed = new SecretBox(keyA).seal('s3cret-password', 'row-1');
    expect(sealed).toMatch(/^v1:a:[A-Za-z0-9_-]{16}:[A-Za-z0-9_-]{22}:[A-Za-z0-9_-]+$/);
    expect(sealed).not.toContain('s3cret');
  });

  test('uses a fresh IV for every value, so equal secrets do not look equal', () => {
    const box = new SecretBox(keyA);
    expect(box.seal('same', 'row-1')).not.toBe(box.seal('same', 'row-1'));
  });

  test('refuses a ciphertext moved to another row (associated data differs)', () => {
    const box = new SecretBox(keyA);
    expect(errorCodeOf(() => box.open(box.seal('secret', 'row-1'), 'row-2'))).toBe('TAMPERED');
  });

  test.each([
    ['ciphertext', 4],
    ['tag', 3],
    ['iv', 2],
  ])('refuses an envelope whose %s was altered', (_part, index) => {
    const box = new SecretBox(keyA);
    const parts = box.seal('secret value', 'row-1').split(':');
    const part = parts[index] ?? '';
    parts[index] = (part.startsWith('A') ? 'B' : 'A') + part.slice(1);
    expect(errorCodeOf(() => box.open(parts.join(':'), 'row-1'))).toBe('TAMPERED');
  });

  test('refuses an envelope relabelled with another configured key id', () => {
    const box = new SecretBox(keyA, [{ id: 'b', key: keyA.key }]);
    const relabelled = box.seal('secret', 'row-1').replace(/^v1:a:/, 'v1:b:');
    expect(errorCodeOf(() => box.open(relabelled, 'row-1'))).toBe('TAMPERED');
  });

  test.each([
    ['empty', ''],
    ['another version', 'v2:a:AAAAAAAAAAAAAAAA:AAAAAAAAAAAAAAAAAAAAAA:AA'],
    ['too few parts', 'v1:a:AAAAAAAAAAAAAAAA'],
    ['too many parts', 'v1:a:AAAAAAAAAAAAAAAA:AAAAAAAAAAAAAAAAAAAAAA:AA:AA'],
    ['a short IV', 'v1:a:AAAA:AAAAAAAAAAAAAAAAAAAAAA:AA'],
    ['non-base64url characters', 'v1:a:AAAAAAAAAAAAAAAA:AAAAAAAAAAAAAAAAAAAAAA:A+/='],
  ])('reports a malformed envelope (%s)', (_case, envelope) => {
    expect(errorCodeOf(() => new SecretBox(keyA).open(envelope, 'row-1'))).toBe('MALFORMED');
  });

  test('reports an envelope sealed under a key it does not have', () => {
    const sealed = new SecretBox(keyB).seal('secret', 'row-1');
    expect(errorCodeOf(() => new SecretBox(keyA).open(sealed, 'row-1'))).toBe('UNKNOWN_KEY');
  });

  test('a wrong key under the right id fails authentication', () => {
    const sealed = new SecretBox(keyA).seal('secret', 'row-1');
    expect(errorCodeOf(() => new SecretBox({ id: 'a', key: keyB.key }).open(sealed, 'row-1'))).toBe(
      'TAMPERED',
    );
  });

  test.each([
    ['a 16-byte key', { key: Buffer.alloc(16) }],
    ['a key id with a colon', { id: 'a:b', key: Buffer.alloc(32) }],
    ['an empty key id', { id: '', key: Buffer.alloc(32) }],
  ])('rejects %s', (_case, key) => {
    expect(errorCodeOf(() => new SecretBox(key))).toBe('BAD_KEY');
  });

  test('rejects two different keys under one id', () => {
    expect(errorCodeOf(() => new SecretBox(keyA, [{ id: 'a', key: keyB.key }]))).toBe('BAD_KEY');
  });
});

describe('key rotation', () => {
  test('a box with the new key and the old one as previous opens old values', () => {
    const sealed = new SecretBox(keyA).seal('secret', 'row-1');
    expect(new SecretBox(keyB, [keyA]).open(sealed, 'row-1')).toBe('secret');
  });

  test('reseal moves a value to the current key, and is idempotent', () => {
    const rotated = new SecretBox(keyB, [keyA]);
    const old = new SecretBox(keyA).seal('secret', 'row-1');
    expect(rotated.needsReseal(old)).toBe(true);
    const resealed = rotated.reseal(old, 'row-1');
    expect(resealed.startsWith('v1:b:')).toBe(true);
    expect(rotated.needsReseal(resealed)).toBe(false);
    expect(rotated.reseal(resealed, 'row-1')).toBe(resealed);
    expect(new SecretBox(keyB).open(resealed, 'row-1')).toBe('secret');
  });

  test('reseal still checks the associated data', () => {
    const rotated = new SecretBox(keyB, [keyA]);
    const current = rotated.seal('secret', 'row-1');
    expect(errorCodeOf(() => rotated.reseal(current, 'row-2'))).toBe('TAMPERED');
  });

  test('a key without an id gets a stable one derived from it', () => {
    const key = generateKey();
    const box = new SecretBox({ key });
    expect(box.currentKeyId).toBe(deriveKeyId(key));
    expect(new SecretBox({ key }).open(box.seal('x', 'r'), 'r')).toBe('x');
  });
});

describe('decodeKey', () => {
  const key = Buffer.from(Array.from({ length: 32 }, (_, i) => i * 7));

  test.each([
    ['hex', key.toString('hex')],
    ['base64', key.toString('base64')],
    ['base64url', key.toString('base64url')],
    ['base64 with surrounding whitespace', `  ${key.toString('base64')}\n`],
  ])('reads a 32-byte key written as %s', (_format, text) => {
    expect(decodeKey(text).equals(key)).toBe(true);
  });

  test.each([
    ['too short', 'abcd'],
    ['31 bytes of hex', 'ab'.repeat(31)],
    ['a passphrase', 'correct horse battery staple and more words!'],
  ])('rejects %s', (_case, text) => {
    expect(errorCodeOf(() => decodeKey(text))).toBe('BAD_KEY');
  });
});

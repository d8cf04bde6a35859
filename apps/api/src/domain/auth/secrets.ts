import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';

/**
 * Passwords are hashed with argon2id (OWASP's minimum: 19 MiB, 2 passes). Tokens and API keys
 * are 256-bit random secrets, so a fast SHA-256 is the right way to store them: it cannot be
 * brute-forced, and lookups by hash stay one index probe.
 */
const ARGON2 = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const; // 2 = argon2id

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2);
}

export function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  return verify(passwordHash, password).catch(() => false);
}

/** Verifying against this when the e-mail is unknown keeps both answers equally slow. */
let decoyHash: Promise<string> | undefined;
export function decoyPasswordHash(): Promise<string> {
  decoyHash ??= hashPassword(randomBytes(16).toString('hex'));
  return decoyHash;
}

export type SecretKind = 'session' | 'key';
const PREFIXES = { session: 'sbs_', key: 'sbk_' } as const satisfies Record<SecretKind, string>;

/** A new bearer secret, e.g. `sbk_3q2…`; the prefix says what it is without a lookup. */
export function newSecret(kind: SecretKind): string {
  return `${PREFIXES[kind]}${randomBytes(32).toString('base64url')}`;
}

export function secretKind(token: string): SecretKind | undefined {
  if (token.startsWith(PREFIXES.session)) return 'session';
  if (token.startsWith(PREFIXES.key)) return 'key';
  return undefined;
}

export function sha256(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** Constant-time string comparison (for the proxy's shared secret). */
export function safeEqual(a: string, b: string): boolean {
  const left = createHash('sha256').update(a).digest();
  const right = createHash('sha256').update(b).digest();
  return timingSafeEqual(left, right);
}

import { createHash, createHmac, pbkdf2Sync, randomBytes, timingSafeEqual } from 'node:crypto';

export interface ScramOptions {
  /** PBKDF2 rounds; PostgreSQL's default (scram_iterations) is 4096. */
  iterations?: number;
  /** Raw salt bytes; 16 random bytes (PostgreSQL's length) when omitted. */
  salt?: Uint8Array;
}

export interface ScramVerifier {
  iterations: number;
  salt: Buffer;
  storedKey: Buffer;
  serverKey: Buffer;
}

const PREFIX = 'SCRAM-SHA-256';
const SALT_BYTES = 16;
// Printable ASCII is its own SASLprep: for it, our bytes are exactly the ones PostgreSQL hashes.
// Other text would need PostgreSQL's SASLprep reproduced exactly, or logins fail silently.
const PRINTABLE_ASCII = /^[\x20-\x7e]+$/;

const hmac = (key: Uint8Array, text: string) => createHmac('sha256', key).update(text, 'utf8').digest();

function keysOf(password: string, salt: Uint8Array, iterations: number) {
  if (!PRINTABLE_ASCII.test(password))
    throw new Error('a SCRAM password must be non-empty printable ASCII (generated passwords are)');
  if (!Number.isInteger(iterations) || iterations < 1) throw new Error('SCRAM iterations must be ≥ 1');
  const saltedPassword = pbkdf2Sync(password, salt, iterations, 32, 'sha256');
  const clientKey = hmac(saltedPassword, 'Client Key');
  return {
    storedKey: createHash('sha256').update(clientKey).digest(),
    serverKey: hmac(saltedPassword, 'Server Key'),
  };
}

/**
 * The SCRAM-SHA-256 verifier PostgreSQL stores for `password` (RFC 5802/7677):
 * `SCRAM-SHA-256$<iterations>:<salt>$<StoredKey>:<ServerKey>`, base64. Given to
 * CREATE/ALTER ROLE … PASSWORD, PostgreSQL stores it as is, so the plain password never reaches
 * the server, its statement log or pg_stat_activity. The verifier is not a login secret (the
 * client key cannot be derived from it), but it allows an offline guess, so it is not logged either.
 */
export function scramSha256Verifier(password: string, options: ScramOptions = {}): string {
  const iterations = options.iterations ?? 4096;
  const salt = Buffer.from(options.salt ?? randomBytes(SALT_BYTES));
  const { storedKey, serverKey } = keysOf(password, salt, iterations);
  const b64 = (bytes: Buffer) => bytes.toString('base64');
  return `${PREFIX}$${iterations}:${b64(salt)}$${b64(storedKey)}:${b64(serverKey)}`;
}

/** The parts of a verifier, or undefined when the text is not one. */
export function parseScramVerifier(text: string): ScramVerifier | undefined {
  const match = /^SCRAM-SHA-256\$(\d+):([A-Za-z0-9+/=]+)\$([A-Za-z0-9+/=]+):([A-Za-z0-9+/=]+)$/.exec(text);
  const [, iterations, salt, storedKey, serverKey] = match ?? [];
  if (!iterations || !salt || !storedKey || !serverKey) return undefined;
  return {
    iterations: Number(iterations),
    salt: Buffer.from(salt, 'base64'),
    storedKey: Buffer.from(storedKey, 'base64'),
    serverKey: Buffer.from(serverKey, 'base64'),
  };
}

/** Whether `verifier` was made from `password` (recomputed with the verifier's own salt). */
export function scramVerifierMatches(verifier: string, password: string): boolean {
  const parsed = parseScramVerifier(verifier);
  if (!parsed || !PRINTABLE_ASCII.test(password)) return false;
  const { storedKey, serverKey } = keysOf(password, parsed.salt, parsed.iterations);
  return (
    storedKey.length === parsed.storedKey.length &&
    timingSafeEqual(storedKey, parsed.storedKey) &&
    serverKey.length === parsed.serverKey.length &&
    timingSafeEqual(serverKey, parsed.serverKey)
  );
}

/** A random database password: 32 bytes as 43 base64url characters (printable ASCII, URL-safe). */
export function generatePassword(): string {
  return randomBytes(32).toString('base64url');
}

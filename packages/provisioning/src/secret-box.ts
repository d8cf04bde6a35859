import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

/** A 256-bit key and the short id written into every envelope it seals. */
export interface SecretKey {
  /** `[A-Za-z0-9_-]{1,32}`; derived from the key when omitted. */
  id?: string;
  key: Uint8Array;
}

export type SecretBoxErrorCode = 'MALFORMED' | 'UNKNOWN_KEY' | 'TAMPERED' | 'BAD_KEY';

/** Why a secret could not be sealed or opened. Messages never contain the secret. */
export class SecretBoxError extends Error {
  override readonly name = 'SecretBoxError';
  constructor(
    readonly code: SecretBoxErrorCode,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

const VERSION = 'v1';
const KEY_BYTES = 32;
// 96-bit IVs are GCM's native size; random per value keeps (key, IV) pairs unique far beyond
// the number of secrets this service will ever seal under one key.
const IV_BYTES = 12;
const TAG_BYTES = 16;
const KEY_ID = /^[A-Za-z0-9_-]{1,32}$/;

/** A stable id for a key that reveals nothing about it (a truncated, domain-separated hash). */
export function deriveKeyId(key: Uint8Array): string {
  return createHash('sha256')
    .update('schema-builder secret-box key id\0')
    .update(key)
    .digest('base64url')
    .slice(0, 11);
}

function checkedKey(entry: SecretKey): { id: string; key: Buffer } {
  if (entry.key.length !== KEY_BYTES)
    throw new SecretBoxError('BAD_KEY', `a secret key must be ${KEY_BYTES} bytes, got ${entry.key.length}`);
  const id = entry.id ?? deriveKeyId(entry.key);
  if (!KEY_ID.test(id)) throw new SecretBoxError('BAD_KEY', `invalid key id ${JSON.stringify(id)}`);
  return { id, key: Buffer.from(entry.key) };
}

// The envelope's header is authenticated too, so a value cannot be relabelled with another key id.
function additionalData(keyId: string, aad: string): Buffer {
  return Buffer.from(`${VERSION}:${keyId}:${aad}`, 'utf8');
}

/**
 * AES-256-GCM sealing of small secrets (database passwords) as one string
 * `v1:<keyId>:<iv>:<tag>:<ciphertext>` (base64url parts). The associated data (e.g. the
 * metadata row id) binds a ciphertext to its row: copied into another row, it fails to open.
 * Keys rotate by building the box with the new key as `current` and the old ones as
 * `previous`, then `reseal`ing stored values.
 */
export class SecretBox {
  private readonly current: { id: string; key: Buffer };
  private readonly keys: ReadonlyMap<string, Buffer>;

  constructor(current: SecretKey, previous: readonly SecretKey[] = []) {
    this.current = checkedKey(current);
    const keys = new Map<string, Buffer>();
    for (const entry of [current, ...previous]) {
      const { id, key } = checkedKey(entry);
      const existing = keys.get(id);
      if (existing && !existing.equals(key)) throw new SecretBoxError('BAD_KEY', `duplicate key id ${id}`);
      keys.set(id, key);
    }
    this.keys = keys;
  }

  get currentKeyId(): string {
    return this.current.id;
  }

  seal(plaintext: string, aad: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.current.key, iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(additionalData(this.current.id, aad));
    const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    const parts = [iv, cipher.getAuthTag(), ciphertext].map((part) => part.toString('base64url'));
    return [VERSION, this.current.id, ...parts].join(':');
  }

  open(envelope: string, aad: string): string {
    const { keyId, iv, tag, ciphertext } = parseEnvelope(envelope);
    const key = this.keys.get(keyId);
    if (!key) throw new SecretBoxError('UNKNOWN_KEY', `no key with id ${keyId} is configured`);
    const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(additionalData(keyId, aad));
    decipher.setAuthTag(tag);
    try {
      return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString('utf8');
    } catch (error) {
      throw new SecretBoxError('TAMPERED', 'the secret failed authentication (tampered, or another row)', {
        cause: error,
      });
    }
  }

  /** Whether the envelope was sealed under an older key. */
  needsReseal(envelope: string): boolean {
    return parseEnvelope(envelope).keyId !== this.current.id;
  }

  /**
   * The same secret sealed under the current key. Idempotent: an envelope already under the
   * current key is returned unchanged (after checking it opens), so a rotation job can rerun.
   */
  reseal(envelope: string, aad: string): string {
    const plaintext = this.open(envelope, aad);
    return this.needsReseal(envelope) ? this.seal(plaintext, aad) : envelope;
  }
}

function parseEnvelope(envelope: string): { keyId: string; iv: Buffer; tag: Buffer; ciphertext: Buffer } {
  const [version, keyId, iv, tag, ciphertext, ...rest] = envelope.split(':');
  if (version !== VERSION || keyId === undefined || !KEY_ID.test(keyId) || rest.length > 0)
    throw new SecretBoxError('MALFORMED', 'not a v1 secret envelope');
  const decoded = [iv, tag, ciphertext].map((part) =>
    part !== undefined && /^[A-Za-z0-9_-]*$/.test(part) ? Buffer.from(part, 'base64url') : undefined,
  );
  const [ivBytes, tagBytes, ciphertextBytes] = decoded;
  if (ivBytes?.length !== IV_BYTES || tagBytes?.length !== TAG_BYTES || ciphertextBytes === undefined)
    throw new SecretBoxError('MALFORMED', 'not a v1 secret envelope');
  return { keyId, iv: ivBytes, tag: tagBytes, ciphertext: ciphertextBytes };
}

/** A 32-byte key from its configured text: 64 hex digits, or base64/base64url. */
export function decodeKey(text: string): Buffer {
  const trimmed = text.trim();
  const key = /^[0-9a-fA-F]{64}$/.test(trimmed)
    ? Buffer.from(trimmed, 'hex')
    : /^[A-Za-z0-9+/_-]{43}={0,1}$/.test(trimmed)
      ? Buffer.from(trimmed.replaceAll('+', '-').replaceAll('/', '_').replace(/=$/, ''), 'base64url')
      : undefined;
  if (key?.length !== KEY_BYTES)
    throw new SecretBoxError('BAD_KEY', 'a secret key must be 32 bytes as 64 hex digits or base64');
  return key;
}

/** A fresh random key, for the embedded default and for operators generating one. */
export function generateKey(): Buffer {
  return randomBytes(KEY_BYTES);
}

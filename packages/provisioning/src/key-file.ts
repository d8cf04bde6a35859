import { randomBytes } from 'node:crypto';
import { link, mkdir, readFile, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { decodeKey, generateKey } from './secret-box.ts';

export interface KeyFile {
  key: Buffer;
  /** True when this call generated the key (worth one log line, without the key). */
  created: boolean;
}

function isErrnoCode(error: unknown, code: string): boolean {
  return error instanceof Error && 'code' in error && error.code === code;
}

/**
 * The embedded default's secret key: read from `file`, or generated and kept there (mode 0600,
 * directory 0700) on first use. Safe when several processes start at once: the key is written
 * to a private temporary file and hard-linked into place, which either wins atomically or finds
 * the winner's complete file, so every process ends up with the same key.
 */
export async function loadOrCreateKeyFile(file: string): Promise<KeyFile> {
  const existing = await readKey(file);
  if (existing) return { key: existing, created: false };

  await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  const temporary = `${file}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  await writeFile(temporary, `${generateKey().toString('base64url')}\n`, { mode: 0o600, flag: 'wx' });
  let created = false;
  try {
    await link(temporary, file);
    created = true;
  } catch (error) {
    if (!isErrnoCode(error, 'EEXIST')) throw error;
  } finally {
    await unlink(temporary);
  }
  // Read back rather than trusting our own copy: when another process won the race, its key rules.
  const key = await readKey(file);
  if (!key) throw new Error(`the key file ${file} vanished while it was being created`);
  return { key, created };
}

async function readKey(file: string): Promise<Buffer | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if (isErrnoCode(error, 'ENOENT')) return undefined;
    throw error;
  }
  try {
    return decodeKey(text);
  } catch {
    // Never echo the file's content: it is (or was meant to be) a secret.
    throw new Error(`the key file ${file} does not hold a 32-byte key (hex or base64)`);
  }
}

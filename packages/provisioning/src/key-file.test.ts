import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadOrCreateKeyFile } from './key-file.ts';

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'sb-key-file-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('loadOrCreateKeyFile', () => {
  test('creates a 32-byte key readable only by its owner, then keeps returning it', async () => {
    const file = path.join(dir, 'nested', 'secret.key');
    const first = await loadOrCreateKeyFile(file);
    expect(first.created).toBe(true);
    expect(first.key).toHaveLength(32);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect((await stat(path.dirname(file))).mode & 0o777).toBe(0o700);

    const second = await loadOrCreateKeyFile(file);
    expect(second.created).toBe(false);
    expect(second.key.equals(first.key)).toBe(true);
  });

  test('processes starting at once agree on one key', async () => {
    const file = path.join(dir, 'race.key');
    const results = await Promise.all(Array.from({ length: 8 }, () => loadOrCreateKeyFile(file)));
    const keys = new Set(results.map((result) => result.key.toString('hex')));
    expect(keys.size).toBe(1);
    expect(results.filter((result) => result.created)).toHaveLength(1);
  });

  test('reads a key an operator wrote as hex', async () => {
    const file = path.join(dir, 'operator.key');
    await writeFile(file, `${'0f'.repeat(32)}\n`, { mode: 0o600 });
    expect((await loadOrCreateKeyFile(file)).key.equals(Buffer.alloc(32, 0x0f))).toBe(true);
  });

  test('refuses a file that holds no key, without printing its content', async () => {
    const file = path.join(dir, 'bad.key');
    await writeFile(file, 'hunter2', { mode: 0o600 });
    const error = await loadOrCreateKeyFile(file).then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(Error);
    expect(String(error)).toContain('does not hold a 32-byte key');
    expect(String(error)).not.toContain('hunter2');
    expect(await readFile(file, 'utf8')).toBe('hunter2');
  });
});

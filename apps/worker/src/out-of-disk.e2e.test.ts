import { execFile } from 'node:child_process';
import { chmod, chown, mkdir, mkdtemp, rm, stat, statfs, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { type EmbeddedServer, startEmbeddedPostgres } from '@schema-builder/db/embedded';
import { freePort } from '@schema-builder/testing/free-port';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  connectWith,
  createDesign,
  credentialsOf,
  existingOn,
  requestDatabase,
  tryLogin,
} from './e2e.test-support.ts';
import { startTestStack, type TestStack } from './test-stack.test-support.ts';

/**
 * A target server that runs out of disk, for real: an embedded PostgreSQL whose template0 lives
 * in a tablespace on a 16 MB tmpfs, so every database created from it is written there. The
 * tmpfs is filled until a new database no longer fits. Mounting needs root (CAP_SYS_ADMIN); where
 * that is refused the tests say so and skip.
 */
const run = promisify(execFile);
const SIZE = '16m';
/** Free space left on the tmpfs: far less than a new database (template0 is ~7.5 MB). */
const LEFT_FREE = 512 * 1024;

let root: string | undefined;
let disk: string | undefined;
let unavailable: string | undefined;
let embedded: EmbeddedServer | undefined;
let stack: TestStack | undefined;

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'sb-e2e-disk-'));
  // Under root the server runs as `postgres`, which must be able to reach the data directory.
  await chmod(root, 0o755);
  const mountPoint = path.join(root, 'small');
  await mkdir(mountPoint);
  try {
    await run('mount', ['-t', 'tmpfs', '-o', `size=${SIZE}`, 'tmpfs', mountPoint]);
  } catch (error) {
    unavailable = `cannot mount a small tmpfs here (${String(error).split('\n')[0]}): out-of-disk tests skipped`;
    console.warn(unavailable);
    return;
  }
  disk = mountPoint;
  const dataDir = path.join(root, 'data');
  embedded = await startEmbeddedPostgres({ dataDir, port: await freePort(), database: 'postgres' });
  const tablespace = path.join(mountPoint, 'tablespace');
  await mkdir(tablespace);
  const owner = await stat(dataDir);
  await chown(tablespace, owner.uid, owner.gid);
  await connectWith(embedded.adminUrl, async (sql) => {
    await sql.unsafe(`CREATE TABLESPACE small LOCATION '${tablespace}'`);
    await sql.unsafe('ALTER DATABASE template0 SET TABLESPACE small');
  });
  stack = await startTestStack({ PROVISION_TARGETS: `small=${embedded.adminUrl}` });
  // No warm pool: the database must be created while the disk is full.
  await stack.startWorker(1, 0);
});

afterAll(async () => {
  await stack?.close();
  await embedded?.stop();
  if (disk) await run('umount', [disk]);
  if (root) await rm(root, { recursive: true, force: true });
});

/** Fills the tmpfs until only LEFT_FREE bytes are free. */
async function fillDisk(mountPoint: string): Promise<string> {
  const { bavail, bsize } = await statfs(mountPoint);
  const filler = path.join(mountPoint, 'filler');
  await writeFile(filler, Buffer.alloc(Math.max(0, bavail * bsize - LEFT_FREE)));
  return filler;
}

describe('a target server out of disk', () => {
  test('fails the job with a readable reason, leaves nothing behind, and a retry succeeds once there is room', async (context) => {
    if (unavailable || !stack || !embedded || !disk) return context.skip(unavailable);
    const filler = await fillDisk(disk);
    const schemaId = await createDesign(stack, 'no room');
    await requestDatabase(stack, schemaId);
    const failed = await stack.waitFor(schemaId, ['failed', 'ready']);
    expect(failed).toMatchObject({
      status: 'failed',
      server: 'small',
      lastErrorCode: 'SERVER_ERROR',
      lastErrorSqlState: '53100',
    });
    // In our words: the server's "No space left on device" names its files.
    expect(failed.lastError).toMatch(/out of disk space \(SQLSTATE 53100\)/);
    expect(failed.lastError).not.toContain('schema-builder-embedded');
    const names = { databases: [String(failed.database)], roles: [String(failed.role)] };
    expect(await existingOn(embedded.adminUrl, names)).toEqual({ databases: [], roles: [] });

    await rm(filler);
    const retried = await stack.h.request('POST', `/api/v1/schemas/${schemaId}/database/retry`);
    expect(retried.statusCode).toBe(202);
    expect(await stack.waitFor(schemaId, ['failed', 'ready'])).toMatchObject({
      status: 'ready',
      lastError: null,
      catalog: { exists: true, matchesDesign: true },
    });
    const login = await tryLogin((await credentialsOf(stack, schemaId)).url);
    expect(login).toEqual({ user: failed.role, database: failed.database });
  });
});

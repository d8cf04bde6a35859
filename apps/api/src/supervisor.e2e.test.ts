/**
 * `pnpm start` for real: the README's `npx -y pnpm@10.34.9 start` from the repository root, its
 * processes killed and signalled for real, against a fresh database on the test server (or, in
 * one test, the embedded PostgreSQL default in a temporary data directory).
 */
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { chmod, mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '@schema-builder/testing/free-port';
import { createTestDatabase, type TestDatabase } from '@schema-builder/testing/postgres';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import {
  groupRunning,
  healthy,
  isRunning,
  type LogLine,
  type PnpmStart,
  portInUse,
  runPnpmStart,
  startPnpmStart,
} from './test/pnpm-start.test-support.ts';

/** How long everything may take to stop after a signal. */
const STOP_MS = 15_000;
const RESTART_MS = 30_000;

const dirs: string[] = [];
const databases: TestDatabase[] = [];
const started: PnpmStart[] = [];

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'sb-start-'));
  // Under root the embedded server runs as `postgres`, which must be able to reach its data directory.
  await chmod(dir, 0o755);
  dirs.push(dir);
  return dir;
}

/** A fresh database and settings for it; no warm pool or reconciler, whose work is not tested here. */
async function settings(): Promise<{ env: Record<string, string>; db: TestDatabase }> {
  const db = await createTestDatabase('sbstart');
  databases.push(db);
  const env = {
    DATABASE_URL: db.url,
    DATA_DIR: await tempDir(),
    DEPLOYMENT_ID: `test-${randomBytes(4).toString('hex')}`,
    WORKER_POOL_SIZE: '0',
    RECONCILE_INTERVAL_SECONDS: '0',
    LOG_LEVEL: 'info',
  };
  return { env, db };
}

/** `pnpm start` against a fresh database, serving. */
async function start(): Promise<{ stack: PnpmStart; db: TestDatabase }> {
  const { env, db } = await settings();
  const stack = await startPnpmStart(env, await freePort());
  started.push(stack);
  return { stack, db };
}

const isError = (line: LogLine) =>
  (line.level ?? 0) >= 50 || /ELIFECYCLE|ERR!|Command failed/.test(line.msg ?? '');

/** Everything it ran is gone, its port is free and it stopped on purpose, printing no error. */
async function expectStoppedCleanly(stack: PnpmStart, otherPids: number[] = []): Promise<void> {
  // Every process that logged (supervisor, API, embedded database process) and every child started.
  const logged = stack.lines.map((line) => line.pid).filter((pid) => typeof pid === 'number');
  const pids = [...logged, ...stack.childPids('api'), ...stack.childPids('worker'), ...otherPids];
  const top = stack.top.pid;
  await stack.waitUntil(
    () =>
      pids.every((pid) => pid === undefined || !isRunning(pid)) && (top === undefined || !groupRunning(top)),
    STOP_MS,
    'the supervisor, API, worker and the processes of the command have exited',
  );
  expect(await portInUse(stack.port), stack.report()).toBe(false);
  expect(
    stack.lines.some((line) => line.service === 'supervisor' && line.msg === 'stopped'),
    stack.report(),
  ).toBe(true);
  expect(stack.lines.filter(isError), stack.report()).toEqual([]);
  expect(stack.stderr.join(''), stack.report()).toBe('');
}

afterEach((context) => {
  if (context.task.result?.state === 'fail') for (const stack of started) console.log(stack.report());
});

afterAll(async () => {
  for (const stack of started) stack.killAll();
  await Promise.all(databases.map((db) => db.drop()));
  await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

describe('pnpm start, when a process it runs dies', () => {
  let stack: PnpmStart;
  let db: TestDatabase;
  beforeAll(async () => {
    ({ stack, db } = await start());
  }, 120_000);

  test('restarts the API killed with SIGKILL, says so in the log, and the service answers again', async () => {
    const [api] = stack.childPids('api');
    const [worker] = stack.childPids('worker');
    if (api === undefined || worker === undefined)
      throw new Error(`no api or worker pid logged\n${stack.report()}`);
    process.kill(api, 'SIGKILL');

    const exit = await stack.waitForLine(
      (line) => line.child === 'api' && line.childPid === api && line.signal === 'SIGKILL',
      RESTART_MS,
      'the supervisor logs the death of the API',
    );
    expect(exit.msg).toMatch(/^the api process exited unexpectedly; restarting it in \d+ ms$/);
    await stack.waitUntil(
      () => stack.childPids('api').length === 2,
      RESTART_MS,
      'a new API process is started',
    );
    await stack.waitUntil(() => healthy(stack.port), RESTART_MS, 'the API answers /health again');
    // The worker kept running beside it.
    expect(isRunning(worker), stack.report()).toBe(true);
  }, 120_000);

  test('restarts the worker killed with SIGKILL, with its worker key still valid', async () => {
    const [worker] = stack.childPids('worker');
    if (worker === undefined) throw new Error(`no worker pid logged\n${stack.report()}`);
    const startedBefore = stack.lines.filter(
      (line) => line.service === 'worker' && line.msg === 'worker started',
    );
    process.kill(worker, 'SIGKILL');

    await stack.waitForLine(
      (line) => line.child === 'worker' && line.childPid === worker && line.signal === 'SIGKILL',
      RESTART_MS,
      'the supervisor logs the death of the worker',
    );
    await stack.waitUntil(
      () =>
        stack.lines.filter((line) => line.service === 'worker' && line.msg === 'worker started').length >
        startedBefore.length,
      RESTART_MS,
      'a new worker process has started',
    );
    const [second] = stack.childPids('worker').slice(1);
    expect(second !== undefined && isRunning(second), stack.report()).toBe(true);
    // One key for the worker, across its restarts, and not revoked while it runs.
    const keys = await db.sql<{ revoked: boolean }[]>`
      SELECT revoked_at IS NOT NULL AS revoked FROM api_keys WHERE scope = 'worker'`;
    expect(keys).toEqual([{ revoked: false }]);
  }, 120_000);
});

describe('pnpm start, when it is told to stop', () => {
  test('SIGTERM to the top process of npx pnpm start stops the API and the worker, leaving nothing running', async () => {
    const { stack, db } = await start();
    const top = stack.top.pid;
    if (top === undefined) throw new Error('the command did not start');
    process.kill(top, 'SIGTERM');

    await expectStoppedCleanly(stack);
    // The worker's key does not outlive the worker.
    const keys = await db.sql<{ revoked: boolean }[]>`
      SELECT revoked_at IS NOT NULL AS revoked FROM api_keys WHERE scope = 'worker'`;
    expect(keys).toEqual([{ revoked: true }]);
  }, 120_000);

  test('Ctrl-C (SIGINT to the whole process group) stops everything without an error line', async () => {
    const { stack } = await start();
    const top = stack.top.pid;
    if (top === undefined) throw new Error('the command did not start');
    process.kill(-top, 'SIGINT');

    await expectStoppedCleanly(stack);
  }, 120_000);

  test('the API and the worker stop by themselves when the supervisor is killed with SIGKILL', async () => {
    const { stack } = await start();
    const supervisor = stack.supervisorPid();
    if (supervisor === undefined) throw new Error(`no supervisor pid logged\n${stack.report()}`);
    process.kill(supervisor, 'SIGKILL');

    const pids = [...stack.childPids('api'), ...stack.childPids('worker')];
    await stack.waitUntil(
      () => pids.every((pid) => !isRunning(pid)),
      STOP_MS,
      'the API and the worker have exited',
    );
    expect(await portInUse(stack.port), stack.report()).toBe(false);
  }, 120_000);

  // Ctrl-C reaches the embedded server too (it is in the supervisor's process group) and it stops
  // before the supervisor asks it to.
  test.each([
    { how: 'SIGTERM to the top process', signal: 'SIGTERM' as const, group: false },
    { how: 'Ctrl-C', signal: 'SIGINT' as const, group: true },
  ])(
    'with DATABASE_URL unset, $how also stops the embedded PostgreSQL',
    async ({ signal, group }) => {
      const dataDir = await tempDir();
      const stack = await startPnpmStart(
        {
          DATA_DIR: dataDir,
          EMBEDDED_POSTGRES_PORT: String(await freePort()),
          WORKER_POOL_SIZE: '0',
          RECONCILE_INTERVAL_SECONDS: '0',
          LOG_LEVEL: 'info',
        },
        await freePort(),
        120_000,
      );
      started.push(stack);
      const postmaster = Number.parseInt(
        (await readFile(path.join(dataDir, 'postgres', 'postmaster.pid'), 'utf8')).split('\n')[0] ?? '',
        10,
      );
      expect(isRunning(postmaster), stack.report()).toBe(true);
      const top = stack.top.pid;
      if (top === undefined) throw new Error('the command did not start');
      process.kill(group ? -top : top, signal);

      await expectStoppedCleanly(stack, [postmaster]);
    },
    180_000,
  );

  test('exits 1 with the reason, leaving nothing running, when the API cannot start (its port is taken)', async () => {
    const { env } = await settings();
    const port = await freePort();
    const blocker = createServer().listen(port, '127.0.0.1');
    await once(blocker, 'listening');
    try {
      const stack = runPnpmStart(env, port);
      started.push(stack);
      await stack.waitUntil(() => stack.top.exitCode !== null, 90_000, 'the command exits');
      expect(stack.top.exitCode, stack.report()).toBe(1);
      await stack.waitForLine(
        (line) =>
          line.service === 'supervisor' &&
          line.msg === 'stopping' &&
          /before it was ready/.test(String(line.reason)),
        STOP_MS,
        'the supervisor says the API did not start',
      );
      // Not restarted: a port in use is not something a restart fixes.
      expect(stack.childPids('api'), stack.report()).toHaveLength(1);
      const pids = [stack.supervisorPid(), ...stack.childPids('api')];
      expect(
        pids.filter((pid) => pid !== undefined && isRunning(pid)),
        stack.report(),
      ).toEqual([]);
    } finally {
      blocker.close();
    }
  }, 120_000);
});

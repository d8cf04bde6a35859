import { type ChildProcess, spawn } from 'node:child_process';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { testEnv } from '@schema-builder/testing/env';
import { freePort } from '@schema-builder/testing/free-port';

const API_DIR = fileURLToPath(new URL('../../../api/', import.meta.url));
const READY_MS = 120_000;
const STOP_MS = 30_000;

export interface Stack {
  baseUrl: string;
  stop(): Promise<void>;
}

/**
 * What `pnpm start` runs — the supervisor with the API and one worker, and its own embedded
 * PostgreSQL for the metadata (no DATABASE_URL), as a newcomer gets it — serving the built web
 * app. Saved connections may reach loopback (the test databases live there).
 */
export async function startStack(): Promise<Stack> {
  const port = await freePort();
  const dataDir = await mkdtemp(path.join(tmpdir(), 'sb-web-e2e-'));
  // Under root the embedded server runs as `postgres`, which must be able to reach its data directory.
  await chmod(dataDir, 0o755);
  const output: string[] = [];
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/supervisor.ts'], {
    cwd: API_DIR,
    env: {
      PATH: testEnv.PATH,
      HOME: testEnv.HOME,
      START_WORKER: 'true',
      PORT: String(port),
      DATA_DIR: dataDir,
      EMBEDDED_POSTGRES_PORT: String(await freePort()),
      DEPLOYMENT_ID: `web-e2e-${port}`,
      WORKER_POOL_SIZE: '0',
      RECONCILE_INTERVAL_SECONDS: '0',
      CONNECTIONS_ALLOWED_HOSTS: '127.0.0.1,localhost',
      // Every test signs up its own user from one address.
      RATE_LIMIT_SIGN_UP_PER_MINUTE: '10000',
      RATE_LIMIT_SIGN_IN_PER_MINUTE: '10000',
      LOG_LEVEL: 'warn',
      LOG_FORMAT: 'json',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  const baseUrl = `http://127.0.0.1:${port}`;
  const report = () => `the stack printed:\n${output.join('').slice(-8000)}`;

  const deadline = Date.now() + READY_MS;
  while (!(await answers(`${baseUrl}/api/v1/health/ready`))) {
    if (child.exitCode !== null) throw new Error(`the stack exited with ${child.exitCode}\n${report()}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`the stack did not get ready within ${READY_MS} ms\n${report()}`);
    }
    await sleep(200);
  }
  return {
    baseUrl,
    async stop() {
      await stop(child, report);
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

async function answers(url: string): Promise<boolean> {
  try {
    return (await fetch(url, { signal: AbortSignal.timeout(1000) })).status === 200;
  } catch {
    return false;
  }
}

async function stop(child: ChildProcess, report: () => string): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timedOut = await Promise.race([exited.then(() => false), sleep(STOP_MS).then(() => true)]);
  if (timedOut) {
    child.kill('SIGKILL');
    throw new Error(`the stack did not stop within ${STOP_MS} ms\n${report()}`);
  }
}

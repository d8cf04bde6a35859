import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { apiKeys } from '@schema-builder/db';
import { eq, sql } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import { createApiKey } from './domain/api-keys/api-keys.ts';
import { formatTargets } from './domain/databases/targets.ts';
import type { Services } from './trpc/context.ts';

/** apps/worker beside apps/api: `pnpm start` runs both from the repository. */
const WORKER_DIR = fileURLToPath(new URL('../../worker/', import.meta.url));
const RESTART_DELAY_MS = 1000;

export interface EmbeddedWorker {
  stop(): Promise<void>;
}

/**
 * `pnpm start`: runs one worker as a child process with a worker key made for it (revoked when
 * the API stops), so provisioning works with no setup. The worker is still its own process and
 * talks to this API over HTTP like any other; it is restarted if it dies.
 */
export async function startEmbeddedWorker(options: {
  services: Services;
  apiUrl: string;
  log: FastifyBaseLogger;
}): Promise<EmbeddedWorker> {
  const { services, log } = options;
  const main = `${WORKER_DIR}src/main.ts`;
  if (!existsSync(main)) throw new Error(`START_WORKER=true needs the worker at ${main}`);
  const { key, apiKey } = await createApiKey({
    db: services.db,
    origin: { requestId: 'embedded-worker' },
    userId: null,
    name: `embedded worker (${process.pid})`,
    scope: 'worker',
  });
  // Only what the worker needs: never the secrets key or other settings of the API.
  const env = {
    API_URL: options.apiUrl,
    WORKER_TOKEN: key,
    PROVISION_TARGETS: formatTargets(services.targets.targets),
    LOG_LEVEL: services.config.LOG_LEVEL,
  };
  let child: ChildProcess | undefined;
  let stopping = false;
  const launch = () => {
    // The IPC channel tells the worker when this process is gone, even after a kill -9.
    child = spawn(process.execPath, ['--import', 'tsx', main], {
      cwd: WORKER_DIR,
      env,
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    child.once('exit', (code, signal) => {
      // A clean exit or Ctrl-C/SIGTERM (the whole process group gets it) is a stop, not a crash.
      if (stopping || code === 0 || signal === 'SIGINT' || signal === 'SIGTERM') return;
      log.error({ code, signal }, `worker exited; restarting in ${RESTART_DELAY_MS} ms`);
      setTimeout(() => stopping || launch(), RESTART_DELAY_MS);
    });
  };
  launch();
  log.info({ keyId: apiKey.id }, 'started the worker process');
  return {
    async stop() {
      stopping = true;
      const running = child;
      if (running && running.exitCode === null && running.signalCode === null) {
        const exited = new Promise((resolve) => running.once('exit', resolve));
        running.kill('SIGTERM');
        await exited;
      }
      await services.db.update(apiKeys).set({ revokedAt: sql`now()` }).where(eq(apiKeys.id, apiKey.id));
    },
  };
}

/**
 * `pnpm start`: owns the embedded PostgreSQL (when DATABASE_URL is unset), runs the API and one
 * worker as child processes and restarts either when it dies, and stops everything in order on
 * SIGTERM/SIGINT (or when the top process of `npx pnpm start` is gone), exiting 0.
 */
import { fileURLToPath } from 'node:url';
import { createDatabase, runMigrations } from '@schema-builder/db';
import { resolveLogFormat } from '@schema-builder/provisioning';
import { formatTargets, resolveTargets } from './domain/databases/targets.ts';
import { apiProcessEnv, loadConfig, workerSettings } from './env.ts';
import { createLogger } from './logger.ts';
import { type SupervisedChild, superviseChild } from './supervisor/child.ts';
import { type EmbeddedDatabase, startEmbeddedDatabase } from './supervisor/embedded-database.ts';
import { watchLauncher } from './supervisor/launcher.ts';
import { createWorkerKey, type WorkerKey } from './supervisor/worker-key.ts';

const API_DIR = fileURLToPath(new URL('..', import.meta.url));
/** apps/worker beside apps/api: `pnpm start` runs both from the repository. */
const WORKER_DIR = fileURLToPath(new URL('../../worker/', import.meta.url));
/** The worker finishes the jobs in hand; the API its requests (its own limit is 10 s). */
const WORKER_GRACE_MS = 10_000;
const API_GRACE_MS = 12_000;

const config = loadConfig();
const log = createLogger(config, 'supervisor');
/** Resolved here, once: the API and the worker write to this process's stdout and log alike. */
const logFormat = resolveLogFormat(config.LOG_FORMAT);

let embedded: EmbeddedDatabase | undefined;
let database: ReturnType<typeof createDatabase> | undefined;
let workerKey: WorkerKey | undefined;
let api: SupervisedChild | undefined;
let worker: SupervisedChild | undefined;
let stopping = false;

/** Stops the worker, then the API, revokes the worker key, stops the database; exits. */
async function shutdown(reason: string, exitCode: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  if (exitCode === 0) log.info({ reason }, 'stopping');
  else log.error({ reason }, 'stopping');
  // Whatever the start is doing (starting the database, migrating) finishes first, so it is stopped too.
  await prepared.catch(() => {});
  // Waiting claims answer at once, so the worker's claim loops end without waiting out their poll.
  api?.send({ type: 'drain' });
  let failed = false;
  // Each step even when one before it failed: the database is stopped whatever happened.
  const step = async (what: string, run: () => Promise<void> | undefined) => {
    try {
      await run();
    } catch (error) {
      failed = true;
      log.error({ err: error }, `${what} failed`);
    }
  };
  await step('stopping the worker', () => worker?.stop(WORKER_GRACE_MS));
  await step('stopping the API', () => api?.stop(API_GRACE_MS));
  await step("revoking the worker's key", () => workerKey?.revoke());
  await step('closing the database connection', () => database?.close());
  await step('stopping the embedded PostgreSQL', () => embedded?.stop());
  log.info('stopped');
  process.exit(failed ? 1 : exitCode);
}

/** The metadata database, migrated, and the worker's key. */
async function prepare(): Promise<string> {
  let url = config.DATABASE_URL;
  if (!url) {
    embedded = await startEmbeddedDatabase({ cwd: API_DIR, env: apiProcessEnv({}), log });
    url = embedded.url;
  }
  // Before the worker key is made (its table must exist); the API's own run then finds nothing to do.
  await runMigrations(url);
  if (config.START_WORKER) {
    database = createDatabase({ url, max: 1 });
    workerKey = await createWorkerKey(database.db);
  }
  return url;
}

const prepared = prepare();
for (const signal of ['SIGTERM', 'SIGINT'] as const)
  process.on(signal, () => void shutdown(`received ${signal}`, 0));
watchLauncher((leader) => void shutdown(`the process that ran pnpm start (pid ${leader}) is gone`, 0));
const url = await prepared.catch((error: unknown) => {
  log.error({ err: error }, 'could not prepare the metadata database');
  return shutdown('the start failed', 1).then(() => undefined);
});

if (url !== undefined && !stopping) {
  // The API gets the embedded server's URL, so its restarts never restart the database.
  let port = config.PORT;
  const apiChild = superviseChild({
    name: 'api',
    script: 'src/main.ts',
    cwd: API_DIR,
    env: () => apiProcessEnv({ DATABASE_URL: url, PORT: String(port), LOG_FORMAT: logFormat }),
    sendsReady: true,
    log,
  });
  api = apiChild;
  try {
    port = (await apiChild.ready).port;
  } catch (error) {
    await shutdown(error instanceof Error ? error.message : String(error), 1);
  }
  const key = workerKey;
  if (key && !stopping) {
    const host = config.HOST === '0.0.0.0' || config.HOST === '::' ? '127.0.0.1' : config.HOST;
    // Only what the worker needs: never the secrets key or other settings of the API.
    const workerEnv = {
      API_URL: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
      WORKER_TOKEN: key.key,
      PROVISION_TARGETS: formatTargets(resolveTargets(config.PROVISION_TARGETS, url)),
      LOG_LEVEL: config.LOG_LEVEL,
      LOG_FORMAT: logFormat,
      ...workerSettings(),
    };
    worker = superviseChild({
      name: 'worker',
      script: 'src/main.ts',
      cwd: WORKER_DIR,
      env: () => workerEnv,
      sendsReady: false,
      log,
    });
    log.info({ keyId: key.id }, 'the worker runs with a worker key made for it (revoked at stop)');
  }
}

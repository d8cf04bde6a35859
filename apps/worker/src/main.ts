import { createClient } from '@schema-builder/client';
import { loadWorkerConfig } from './env.ts';
import { createLogger } from './logger.ts';
import { startReconciler } from './reconciler.ts';
import { startWorker } from './worker.ts';

const config = loadWorkerConfig();
const log = createLogger(config);
const client = createClient({ url: config.API_URL, token: config.WORKER_TOKEN, batch: false });

const worker = startWorker({
  client,
  targets: config.PROVISION_TARGETS,
  concurrency: config.WORKER_CONCURRENCY,
  heartbeatSeconds: config.WORKER_HEARTBEAT_SECONDS,
  poolSize: config.WORKER_POOL_SIZE,
  log,
});
const stopReconciler =
  config.RECONCILE_INTERVAL_SECONDS > 0
    ? startReconciler({
        client,
        targets: config.PROVISION_TARGETS,
        session: worker.session,
        log,
        intervalSeconds: config.RECONCILE_INTERVAL_SECONDS,
      })
    : async () => {};

// SIGTERM/SIGINT: stop claiming, let the jobs in hand finish; a job cut short expires and is retried.
let stopping = false;
function stop(reason: string) {
  if (stopping) return;
  stopping = true;
  log.info({ reason }, 'worker stopping');
  void Promise.all([stopReconciler(), worker.stop()]).then(
    () => process.exit(0),
    (error: unknown) => {
      log.error({ err: error }, 'worker stopped with an error');
      process.exit(1);
    },
  );
}
for (const signal of ['SIGTERM', 'SIGINT'] as const) process.once(signal, () => stop(signal));
// Started by the API (`pnpm start`): stop when it is gone, however it ended.
if (process.channel) process.once('disconnect', () => stop('the API that started this worker exited'));

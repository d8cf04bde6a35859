import closeWithGrace from 'close-with-grace';
import { loadConfig } from './env.ts';
import { installLastResort } from './last-resort.ts';
import { createLogger } from './logger.ts';
import { createServer } from './server.ts';
import { startServices } from './services.ts';
import { isDrainMessage, type ReadyMessage } from './supervisor/messages.ts';

const config = loadConfig();
const log = createLogger(config);

const { services, close } = await startServices(config, log);
const app = await createServer({ services, logger: log });

/** Stop accepting, finish in-flight requests, then release the database. */
async function stop(): Promise<void> {
  services.queue.drain();
  await app.close();
  await close();
}

const SHUTDOWN_DELAY_MS = 10_000;
// SIGTERM/SIGINT. Uncaught errors go to the last resort below instead.
const graceful = closeWithGrace(
  { delay: SHUTDOWN_DELAY_MS, logger: log, skip: ['uncaughtException', 'unhandledRejection'] },
  async ({ signal }) => {
    log.info({ signal }, 'shutting down');
    await stop();
  },
);
// A network error escaping a driver is logged and survived (a user's connection must not take
// the API down); any other uncaught error is a defect: shut down gracefully and exit 1.
let stopping = false;
installLastResort(log, () => {
  if (stopping) return;
  stopping = true;
  setTimeout(() => process.exit(1), SHUTDOWN_DELAY_MS).unref();
  stop().finally(() => process.exit(1));
});

// Run by the supervisor (`pnpm start`): it asks for a drain before stopping the worker, and when
// it is gone, however it ended (even kill -9), this process stops too rather than live on orphaned.
if (process.channel) {
  process.on('message', (message) => {
    if (isDrainMessage(message)) services.queue.drain();
  });
  process.once('disconnect', () => {
    log.info('the supervisor that started this API is gone');
    graceful.close();
  });
}

await app.listen({ port: config.PORT, host: config.HOST });
log.info(
  { rest: `/api/v1`, trpc: '/trpc', docs: '/docs' },
  `schema-builder API listening on http://${config.HOST}:${config.PORT}`,
);

const address = app.server.address();
const ready: ReadyMessage = {
  type: 'ready',
  port: typeof address === 'object' && address ? address.port : config.PORT,
};
process.send?.(ready);

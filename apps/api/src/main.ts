import closeWithGrace from 'close-with-grace';
import pino from 'pino';
import { type EmbeddedWorker, startEmbeddedWorker } from './embedded-worker.ts';
import { loadConfig } from './env.ts';
import { installLastResort } from './last-resort.ts';
import { createServer } from './server.ts';
import { startServices } from './services.ts';

const config = loadConfig();
const log = pino({ level: config.LOG_LEVEL, redact: ['req.headers.authorization', 'req.headers.cookie'] });

const { services, close } = await startServices(config, log);
const app = await createServer({ services, logger: log });
let worker: EmbeddedWorker | undefined;

/** Stop accepting, finish in-flight requests, then release the database. */
async function stop(): Promise<void> {
  services.queue.drain();
  await worker?.stop();
  await app.close();
  await close();
}

const SHUTDOWN_DELAY_MS = 10_000;
// SIGTERM/SIGINT. Uncaught errors go to the last resort below instead.
closeWithGrace(
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

await app.listen({ port: config.PORT, host: config.HOST });
log.info(
  { rest: `/api/v1`, trpc: '/trpc', docs: '/docs' },
  `schema-builder API listening on http://${config.HOST}:${config.PORT}`,
);

if (config.START_WORKER) {
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.PORT;
  const host = config.HOST === '0.0.0.0' || config.HOST === '::' ? '127.0.0.1' : config.HOST;
  worker = await startEmbeddedWorker({
    services,
    apiUrl: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    log,
  });
}

import closeWithGrace from 'close-with-grace';
import pino from 'pino';
import { type EmbeddedWorker, startEmbeddedWorker } from './embedded-worker.ts';
import { loadConfig } from './env.ts';
import { loggerOptions } from './logger.ts';
import { createServer } from './server.ts';
import { startServices } from './services.ts';

const config = loadConfig();
const log = pino(loggerOptions(config));

const { services, close } = await startServices(config, log);
const app = await createServer({ services, logger: log });
let worker: EmbeddedWorker | undefined;

// SIGTERM/SIGINT: stop accepting, finish in-flight requests, then release the database.
closeWithGrace({ delay: 10_000, logger: log }, async ({ err, signal }) => {
  if (err) log.error({ err }, 'shutting down after an uncaught error');
  else log.info({ signal }, 'shutting down');
  services.queue.drain();
  await worker?.stop();
  await app.close();
  await close();
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

import closeWithGrace from 'close-with-grace';
import pino from 'pino';
import { loadConfig } from './env.ts';
import { createServer } from './server.ts';
import { startServices } from './services.ts';
import { isDrainMessage, type ReadyMessage } from './supervisor/messages.ts';

const config = loadConfig();
const log = pino({ level: config.LOG_LEVEL, redact: ['req.headers.authorization', 'req.headers.cookie'] });

const { services, close } = await startServices(config, log);
const app = await createServer({ services, logger: log });

// SIGTERM/SIGINT: stop accepting, finish in-flight requests, then release the database.
const graceful = closeWithGrace({ delay: 10_000, logger: log }, async ({ err, signal }) => {
  if (err) log.error({ err }, 'shutting down after an uncaught error');
  else log.info({ signal }, 'shutting down');
  services.queue.drain();
  await app.close();
  await close();
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

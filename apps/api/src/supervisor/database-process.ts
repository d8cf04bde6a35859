/**
 * The embedded PostgreSQL of `pnpm start`, in a process of its own that the supervisor starts in
 * its own process group: a Ctrl-C in the terminal then reaches only the supervisor, and the
 * server stops last, after the API and the worker are done with it (were it the supervisor's
 * child, it would get the terminal's SIGINT too and stop first, under their feet).
 */
import { startEmbeddedMetadataDatabase } from '../embedded-metadata-database.ts';
import { loadConfig } from '../env.ts';
import { createLogger } from '../logger.ts';
import { type DatabaseMessage, isStopMessage } from './messages.ts';

const config = loadConfig();
const log = createLogger(config, 'embedded-postgres');
const server = await startEmbeddedMetadataDatabase(config, log);

let stopping = false;
async function stop(reason: string) {
  if (stopping) return;
  stopping = true;
  log.info({ reason }, 'stopping embedded PostgreSQL');
  await server.stop();
  process.exit(0);
}
process.on('message', (message) => {
  if (isStopMessage(message)) void stop('the supervisor is done with it');
});
// The supervisor is gone, however it ended (even kill -9): stop rather than hold the data directory.
process.once('disconnect', () => void stop('the supervisor that started it is gone'));
for (const signal of ['SIGTERM', 'SIGINT'] as const) process.once(signal, () => void stop(signal));

const ready: DatabaseMessage = { type: 'database', url: server.url };
process.send?.(ready);

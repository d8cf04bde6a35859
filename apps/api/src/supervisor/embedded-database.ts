import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Logger } from 'pino';
import { isDatabaseMessage, type StopMessage } from './messages.ts';

const SCRIPT = fileURLToPath(new URL('database-process.ts', import.meta.url));
/** A fast shutdown takes well under this; past it the process is killed (the next start stops a leftover server). */
const STOP_WAIT_MS = 30_000;

export interface EmbeddedDatabase {
  url: string;
  /** Stops the server and waits for its process to exit. */
  stop(): Promise<void>;
}

/**
 * Starts database-process.ts (the embedded PostgreSQL) in its own process group and resolves
 * with the server's URL once it runs; rejects when the process exits first.
 */
export function startEmbeddedDatabase(options: { cwd: string; env: NodeJS.ProcessEnv; log: Logger }) {
  const child = spawn(process.execPath, ['--import', 'tsx', SCRIPT], {
    cwd: options.cwd,
    env: options.env,
    detached: true,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  child.on('error', (error) =>
    options.log.warn({ err: error }, `the embedded PostgreSQL process: ${error.message}`),
  );
  let exited = false;
  let stopping = false;
  const gone = new Promise<void>((resolve) => {
    child.once('exit', (code, signal) => {
      exited = true;
      resolve();
      // Not restarted: the API then reports the database down (GET /health) until the next start.
      if (!stopping)
        options.log.error({ code, signal }, 'the embedded PostgreSQL process exited unexpectedly');
    });
  });
  return new Promise<EmbeddedDatabase>((resolve, reject) => {
    child.once('exit', (code, signal) =>
      reject(
        new Error(`the embedded PostgreSQL process exited (code ${code}, signal ${signal}) before it ran`),
      ),
    );
    child.on('message', (message) => {
      if (!isDatabaseMessage(message)) return;
      resolve({
        url: message.url,
        async stop() {
          stopping = true;
          if (exited) return;
          const request: StopMessage = { type: 'stop' };
          if (child.connected) child.send(request);
          else child.kill('SIGTERM');
          const timer = setTimeout(() => child.kill('SIGKILL'), STOP_WAIT_MS);
          await gone;
          clearTimeout(timer);
        },
      });
    });
  });
}

import { type ChildProcess, spawn } from 'node:child_process';
import type { Logger } from 'pino';
import { type DrainMessage, isReadyMessage, type ReadyMessage } from './messages.ts';

/** First restart delay; doubled after each quick death, up to MAX_RESTART_DELAY_MS. */
const FIRST_RESTART_DELAY_MS = 1000;
const MAX_RESTART_DELAY_MS = 30_000;
/** A child that ran this long before dying counts as healthy: its next restart is quick again. */
const HEALTHY_RUN_MS = 60_000;
/** After the grace period a child still running gets SIGKILL; this long is then allowed for it to go. */
const KILL_WAIT_MS = 5000;

export interface ChildSpec {
  /** `api`, `worker`: the name in the log. */
  name: string;
  /** The script run with `node --import tsx`. */
  script: string;
  cwd: string;
  /** The environment of each start (read at every restart). */
  env: () => NodeJS.ProcessEnv;
  /** The child sends a ReadyMessage when it serves; dying before the first one is fatal, not restarted. */
  sendsReady: boolean;
  log: Logger;
}

export interface SupervisedChild {
  /**
   * Resolves with the first ready message; rejects when the first process exits before sending
   * one (it cannot start at all: that is not something a restart fixes).
   */
  readonly ready: Promise<ReadyMessage>;
  /** Sends `message` over IPC to the running process, if any. */
  send(message: DrainMessage): void;
  /** SIGTERM, up to `graceMs` to exit, then SIGKILL; no more restarts. */
  stop(graceMs: number): Promise<void>;
}

function exited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

/** Resolves once `child` has exited, or after `ms` (false then). */
function exitWithin(child: ChildProcess, ms: number): Promise<boolean> {
  if (exited(child)) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

/**
 * Runs `node --import tsx <script>` and starts it again whenever it dies unexpectedly, after a
 * delay that doubles while it keeps dying quickly (1 s … 30 s), saying so in the log. The child
 * has its own process group, so a Ctrl-C in the terminal reaches only the supervisor, which then
 * stops the children in order; the IPC channel tells the child when the supervisor is gone, even
 * after a kill -9.
 */
export function superviseChild(spec: ChildSpec): SupervisedChild {
  const { name, log } = spec;
  let child: ChildProcess | undefined;
  let stopping = false;
  let everReady = false;
  let delay = FIRST_RESTART_DELAY_MS;
  let restartTimer: NodeJS.Timeout | undefined;
  let resolveReady: (message: ReadyMessage) => void = () => {};
  let rejectReady: (error: Error) => void = () => {};
  const ready = new Promise<ReadyMessage>((resolve, reject) => {
    resolveReady = resolve;
    rejectReady = reject;
  });
  // Nobody may be waiting for it (the worker sends none): an unawaited rejection is not a crash.
  ready.catch(() => {});

  const launch = () => {
    const startedAt = Date.now();
    const running = spawn(process.execPath, ['--import', 'tsx', spec.script], {
      cwd: spec.cwd,
      env: spec.env(),
      detached: true,
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    child = running;
    log.info({ child: name, childPid: running.pid }, `started the ${name} process`);
    // An IPC send to a process that has just died: logged, never a crash of the supervisor.
    running.on('error', (error) =>
      log.warn({ child: name, err: error }, `the ${name} process: ${error.message}`),
    );
    running.on('message', (message) => {
      if (!isReadyMessage(message)) return;
      everReady = true;
      resolveReady(message);
    });
    running.once('exit', (code, signal) => {
      if (stopping) return;
      if (spec.sendsReady && !everReady) {
        rejectReady(
          new Error(`the ${name} process exited (code ${code}, signal ${signal}) before it was ready`),
        );
        return;
      }
      if (Date.now() - startedAt >= HEALTHY_RUN_MS) delay = FIRST_RESTART_DELAY_MS;
      log.error(
        { child: name, childPid: running.pid, code, signal, restartInMs: delay },
        `the ${name} process exited unexpectedly; restarting it in ${delay} ms`,
      );
      restartTimer = setTimeout(() => {
        restartTimer = undefined;
        if (!stopping) launch();
      }, delay);
      delay = Math.min(delay * 2, MAX_RESTART_DELAY_MS);
    });
  };
  launch();

  return {
    ready,
    send(message) {
      if (child && !exited(child) && child.connected) child.send(message);
    },
    async stop(graceMs) {
      stopping = true;
      clearTimeout(restartTimer);
      const running = child;
      if (!running || exited(running)) return;
      running.kill('SIGTERM');
      if (await exitWithin(running, graceMs)) return;
      log.warn(
        { child: name, childPid: running.pid, graceMs },
        `the ${name} process did not stop in time; killing it`,
      );
      running.kill('SIGKILL');
      await exitWithin(running, KILL_WAIT_MS);
    },
  };
}

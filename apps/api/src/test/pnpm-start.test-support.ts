import { type ChildProcess, spawn } from 'node:child_process';
import { createConnection } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { testEnv } from '@schema-builder/testing/env';

/** The repository root, where the README's `npx -y pnpm@10 start` runs. */
const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const POLL_MS = 100;

export interface LogLine {
  msg?: string;
  level?: number;
  service?: string;
  pid?: number;
  child?: string;
  childPid?: number;
  signal?: string | null;
  [key: string]: unknown;
}

/** `npx -y pnpm@10.34.9 start` from the repository root, run for real and followed. */
export interface PnpmStart {
  /** The top process (npm exec): it leads the process group, as when a shell runs the command. */
  top: ChildProcess;
  port: number;
  lines: LogLine[];
  stderr: string[];
  /** Everything printed, for a failing test's message. */
  report(): string;
  /** Resolves with the first line (seen or to come) that matches; throws with the report after `ms`. */
  waitForLine(predicate: (line: LogLine) => boolean, ms: number, what: string): Promise<LogLine>;
  /** Polls `check` until it holds; throws with the report after `ms`. */
  waitUntil(check: () => boolean | Promise<boolean>, ms: number, what: string): Promise<void>;
  /** Every pid the supervisor logged for `child` (`api`, `worker`), in start order. */
  childPids(child: string): number[];
  supervisorPid(): number | undefined;
  /** Kills whatever is left (test cleanup). */
  killAll(): void;
}

export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Whether any process of group `group` is left. */
export function groupRunning(group: number): boolean {
  return isRunning(-group);
}

/** Whether something accepts connections on 127.0.0.1:`port`. */
export function portInUse(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** Whether GET /api/v1/health answers 200. */
export async function healthy(port: number): Promise<boolean> {
  try {
    const response = await fetch(`http://127.0.0.1:${port}/api/v1/health`, {
      signal: AbortSignal.timeout(1000),
    });
    return response.status === 200;
  } catch {
    return false;
  }
}

/**
 * Runs the README's start command with `env` (nothing else of the test's environment but PATH
 * and HOME, which npx needs); see startPnpmStart to wait until it serves.
 */
export function runPnpmStart(env: Record<string, string>, port: number): PnpmStart {
  const top = spawn('npx', ['-y', 'pnpm@10.34.9', 'start'], {
    cwd: REPO_ROOT,
    env: { PATH: testEnv.PATH, HOME: testEnv.HOME, PORT: String(port), ...env },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: LogLine[] = [];
  const stderr: string[] = [];
  const raw: string[] = [];
  let pending = '';
  top.stdout?.on('data', (chunk: Buffer) => {
    pending += chunk.toString();
    const parts = pending.split('\n');
    pending = parts.pop() ?? '';
    for (const text of parts) {
      raw.push(text);
      try {
        lines.push(JSON.parse(text) as LogLine);
      } catch {
        lines.push({ msg: text });
      }
    }
  });
  top.stderr?.on('data', (chunk: Buffer) => stderr.push(chunk.toString()));

  const report = () =>
    `top process: exit ${top.exitCode}, signal ${top.signalCode}\nstdout:\n${raw.join('\n')}${pending}\nstderr:\n${stderr.join('')}`;
  const waitUntil = async (check: () => boolean | Promise<boolean>, ms: number, what: string) => {
    const deadline = Date.now() + ms;
    while (!(await check())) {
      if (Date.now() > deadline) throw new Error(`not within ${ms} ms: ${what}\n${report()}`);
      await sleep(POLL_MS);
    }
  };
  const childPids = (child: string) =>
    lines
      .filter((line) => line.msg === `started the ${child} process` && typeof line.childPid === 'number')
      .map((line) => line.childPid as number);
  const supervisorPid = () => lines.find((line) => line.service === 'supervisor')?.pid;

  const started: PnpmStart = {
    top,
    port,
    lines,
    stderr,
    report,
    waitUntil,
    async waitForLine(predicate, ms, what) {
      let found: LogLine | undefined;
      await waitUntil(
        () => {
          found = lines.find(predicate);
          return found !== undefined;
        },
        ms,
        what,
      );
      if (!found) throw new Error(`no line: ${what}`);
      return found;
    },
    childPids,
    supervisorPid,
    killAll() {
      const pids = [...childPids('api'), ...childPids('worker'), supervisorPid()];
      for (const pid of pids) if (pid !== undefined && isRunning(pid)) process.kill(pid, 'SIGKILL');
      if (top.pid !== undefined && groupRunning(top.pid)) process.kill(-top.pid, 'SIGKILL');
    },
  };
  return started;
}

/** runPnpmStart, then waits until the API answers /health and the worker has started. */
export async function startPnpmStart(
  env: Record<string, string>,
  port: number,
  readyMs = 90_000,
): Promise<PnpmStart> {
  const started = runPnpmStart(env, port);
  try {
    await started.waitUntil(() => healthy(port), readyMs, 'the API answers /api/v1/health');
    await started.waitForLine(
      (line) => line.service === 'worker' && line.msg === 'worker started',
      30_000,
      'the worker has started',
    );
  } catch (error) {
    started.killAll();
    throw error;
  }
  return started;
}

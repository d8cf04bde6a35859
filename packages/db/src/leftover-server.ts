import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/** How long a leftover server gets for its fast shutdown before we give up. */
const SHUTDOWN_WAIT_MS = 30_000;

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    // ESRCH: gone. EPERM: another user's process, so not a server we started.
    return false;
  }
}

/**
 * Whether `pid` is a postgres process: on Linux, /proc guards against a stale postmaster.pid
 * whose pid now belongs to something else; elsewhere liveness has to do.
 */
async function isPostgres(pid: number): Promise<boolean> {
  if (process.platform !== 'linux') return true;
  try {
    return (await readFile(`/proc/${pid}/cmdline`, 'utf8')).includes('postgres');
  } catch {
    return false;
  }
}

/** The postmaster's pid from `postmaster.pid` (its first line), or undefined without one. */
export async function postmasterPid(dataDir: string): Promise<number | undefined> {
  let content: string;
  try {
    content = await readFile(path.join(dataDir, 'postmaster.pid'), 'utf8');
  } catch {
    return undefined;
  }
  const pid = Number.parseInt(content.split('\n')[0] ?? '', 10);
  return Number.isInteger(pid) && pid > 0 ? pid : undefined;
}

/**
 * When the process that started the embedded server is killed (kill -9, a crash), its
 * PostgreSQL keeps running on the data directory, and the next start fails on the lock file.
 * A data directory belongs to one running service, so a live server still on it is such a
 * leftover: stop it with a fast shutdown (committed data is safe) and wait until it has exited.
 * Returns the pid it stopped, or undefined when there was none (a stale lock file of a dead
 * process is PostgreSQL's own business: it removes it itself).
 */
export async function stopLeftoverServer(dataDir: string): Promise<number | undefined> {
  const pid = await postmasterPid(dataDir);
  if (pid === undefined || pid === process.pid || !isAlive(pid) || !(await isPostgres(pid))) return undefined;
  process.kill(pid, 'SIGINT');
  const deadline = Date.now() + SHUTDOWN_WAIT_MS;
  while (isAlive(pid)) {
    if (Date.now() > deadline)
      throw new Error(`the PostgreSQL server left running on ${dataDir} (pid ${pid}) did not stop`);
    await sleep(100);
  }
  return pid;
}

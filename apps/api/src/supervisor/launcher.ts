import { readFileSync, readlinkSync } from 'node:fs';
import path from 'node:path';

const POLL_MS = 500;

interface ProcStat {
  /** A zombie (Z) has exited; its parent has not collected it yet. */
  state: string;
  processGroup: number;
  /** Clock ticks after boot: tells a process from a later one that got the same pid. */
  startTime: string;
}

/** Fields of /proc/<pid>/stat (Linux), or undefined when there is no such process. */
function procStat(pid: number | 'self'): ProcStat | undefined {
  let text: string;
  try {
    text = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return undefined;
  }
  // "pid (comm) state ppid pgrp …": comm may hold spaces and parentheses, so split after the last ')'.
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  const [state, , group] = fields;
  const processGroup = Number(group);
  const startTime = fields[19];
  return state !== undefined && Number.isInteger(processGroup) && startTime !== undefined
    ? { state, processGroup, startTime }
    : undefined;
}

function isNodeProcess(pid: number): boolean {
  try {
    return path.basename(readlinkSync(`/proc/${pid}/exe`)).startsWith('node');
  } catch {
    return false;
  }
}

/**
 * `npx pnpm start` is a chain: npm exec → sh → pnpm → this process. A SIGTERM to its top process
 * (npm exec) kills only the `sh` below it, which passes nothing on, so no signal ever reaches us.
 * The top process leads the process group a shell made for the command; when that leader is a
 * Node process (npx, npm or pnpm) and it goes away, `onGone` is called. Linux only (/proc); under
 * a service manager or in a container the supervisor is the leader itself, and nothing is watched.
 * Returns a function that stops watching.
 */
export function watchLauncher(onGone: (leader: number) => void): () => void {
  const self = procStat('self');
  if (!self) return () => {};
  const leader = self.processGroup;
  if (leader === process.pid || leader <= 1 || !isNodeProcess(leader)) return () => {};
  const leaderStart = procStat(leader)?.startTime;
  if (leaderStart === undefined) return () => {};
  const timer = setInterval(() => {
    const now = procStat(leader);
    if (now?.startTime === leaderStart && now.state !== 'Z') return;
    clearInterval(timer);
    onGone(leader);
  }, POLL_MS);
  timer.unref();
  return () => clearInterval(timer);
}

/**
 * The worker killed with SIGKILL at several points of a job: a fresh worker (or, once the job's
 * retries are spent, the API and the reconciler) must bring the design to exactly one database
 * and one role and status `ready`, or to `failed` / `dropped` with nothing left on the server.
 * These run the real worker process (`node --import tsx src/main.ts`) and kill it for real.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { findMarked, openTarget, parseTargetList } from '@schema-builder/provisioning';
import { blogDesign } from '@schema-builder/testing/fixtures';
import postgres from 'postgres';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { startTestStack, type TestStack } from './test-stack.test-support.ts';

const WORKER_DIR = fileURLToPath(new URL('..', import.meta.url));
const SETTLE_TIMEOUT_MS = 60_000;

interface LogLine {
  msg?: string;
  step?: string;
  operation?: string;
  attempt?: number;
  database?: string;
  [key: string]: unknown;
}

type LinePredicate = (line: LogLine) => boolean;

interface WorkerProcess {
  child: ChildProcess;
  lines: LogLine[];
  /** Resolves with the first line (seen so far or later) that matches; rejects if the process exits first. */
  waitForLine: (predicate: LinePredicate, timeoutMs?: number) => Promise<LogLine>;
  /** SIGKILLs the process the moment a matching line is read; resolves with that line. */
  killWhen: (predicate: LinePredicate, timeoutMs?: number) => Promise<LogLine>;
  kill: () => void;
  /** Resolves once the process is gone and its output has been read. */
  closed: Promise<void>;
  /** Its log, exit and stderr, for error messages. */
  report: () => string;
  /** Resolves once it has exited; rejects with its report if that takes longer than `ms`. */
  exitedWithin: (ms?: number) => Promise<void>;
}

const running = new Set<WorkerProcess>();

/** Starts the real worker process against `stack` and follows its JSON log lines. */
async function spawnWorker(stack: TestStack): Promise<WorkerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: WORKER_DIR,
    env: {
      API_URL: stack.url,
      WORKER_TOKEN: await stack.h.createWorkerKey(),
      PROVISION_TARGETS: stack.targets,
      WORKER_HEARTBEAT_SECONDS: '0.5',
      RECONCILE_INTERVAL_SECONDS: '1',
      WORKER_CONCURRENCY: '1',
      LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: LogLine[] = [];
  const stderr: string[] = [];
  const watchers = new Set<(line: LogLine) => void>();
  let exited = false;
  let exitedWith = '';
  const exitWatchers = new Set<() => void>();

  const stdout = child.stdout;
  if (!stdout) throw new Error('the worker has no stdout');
  createInterface({ input: stdout }).on('line', (text) => {
    let line: LogLine;
    try {
      line = JSON.parse(text) as LogLine;
    } catch {
      line = { msg: text };
    }
    lines.push(line);
    for (const watch of [...watchers]) watch(line);
  });
  child.stderr?.on('data', (chunk: Buffer) => stderr.push(chunk.toString()));
  let markClosed = () => {};
  const closed = new Promise<void>((resolve) => {
    markClosed = resolve;
  });
  // 'exit', not 'close': a grandchild (tsx's esbuild service) may hold the pipes a little longer.
  child.on('exit', (code, signal) => {
    exitedWith = `code ${code}, signal ${signal}`;
    exited = true;
    markClosed();
    for (const watch of [...exitWatchers]) watch();
  });

  const kill = () => {
    if (!exited && child.pid !== undefined) {
      try {
        process.kill(child.pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
    }
  };

  const follow = (predicate: LinePredicate, onMatch: () => void, timeoutMs: number) =>
    new Promise<LogLine>((resolve, reject) => {
      const seen = lines.find(predicate);
      if (seen) {
        onMatch();
        resolve(seen);
        return;
      }
      const done = () => {
        clearTimeout(timer);
        watchers.delete(watch);
        exitWatchers.delete(onExit);
      };
      const watch = (line: LogLine) => {
        if (!predicate(line)) return;
        // Synchronously, in the same tick the line was read: the kill lands as close to it as it can.
        onMatch();
        done();
        resolve(line);
      };
      const onExit = () => {
        done();
        reject(
          new Error(
            `worker exited (${exitedWith}) before the expected log line; stdout:\n${lines.map((l) => JSON.stringify(l)).join('\n')}\nstderr: ${stderr.join('')}`,
          ),
        );
      };
      const timer = setTimeout(() => {
        done();
        reject(
          new Error(
            `no matching worker log line within ${timeoutMs} ms; seen: ${lines.map((l) => JSON.stringify(l)).join('\n')}\nstderr: ${stderr.join('')}`,
          ),
        );
      }, timeoutMs);
      watchers.add(watch);
      exitWatchers.add(onExit);
      if (exited) onExit();
    });

  const worker: WorkerProcess = {
    child,
    lines,
    waitForLine: (predicate, timeoutMs = SETTLE_TIMEOUT_MS) => follow(predicate, () => {}, timeoutMs),
    killWhen: (predicate, timeoutMs = SETTLE_TIMEOUT_MS) => follow(predicate, kill, timeoutMs),
    kill,
    closed,
    report: () =>
      `pid ${child.pid} ${exited ? `exited (${exitedWith})` : 'running'}\n${lines.map((l) => JSON.stringify(l)).join('\n')}\nstderr: ${stderr.join('')}`,
    exitedWithin: (ms = 30_000) => {
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new Error(`the worker did not exit within ${ms} ms: ${worker.report()}`)),
          ms,
        );
      });
      return Promise.race([closed, late]).finally(() => clearTimeout(timer));
    },
  };
  running.add(worker);
  return worker;
}

async function killAll(): Promise<void> {
  await Promise.all(
    [...running].map((worker) => {
      running.delete(worker);
      worker.kill();
      return worker.closed;
    }),
  );
}

const claimed =
  (operation: string): LinePredicate =>
  (line) =>
    line.msg === 'job claimed' && line.operation === operation;
const stepDone =
  (step: string): LinePredicate =>
  (line) =>
    line.msg === 'step done' && line.step === step;

/** What the server holds for the design and, overall, for the stack's deployment. */
interface ServerCount {
  databases: number;
  roles: number;
  /** Every database and role on the server carrying this deployment's marker. */
  markedDatabases: string[];
  markedRoles: string[];
}

async function countOnServer(stack: TestStack, database: string, role: string): Promise<ServerCount> {
  const [target] = parseTargetList(stack.targets);
  if (!target) throw new Error('the stack has no target');
  const admin = postgres(target.adminUrl, { max: 1, onnotice: () => {} });
  const session = openTarget(target, { ...stack.h.services.deployment });
  try {
    const [databases] = await admin<{ n: number }[]>`
      SELECT count(*)::int AS n FROM pg_database WHERE datname = ${database}`;
    const [roles] = await admin<{ n: number }[]>`
      SELECT count(*)::int AS n FROM pg_roles WHERE rolname = ${role}`;
    const marked = await findMarked(session);
    return {
      databases: databases?.n ?? -1,
      roles: roles?.n ?? -1,
      markedDatabases: marked.databases
        .filter((d) => d.marker.instance === session.instance)
        .map((d) => d.name)
        .sort(),
      markedRoles: marked.roles
        .filter((r) => r.marker.instance === session.instance)
        .map((r) => r.name)
        .sort(),
    };
  } finally {
    await session.close();
    await admin.end({ timeout: 5 });
  }
}

/** The databases and roles the metadata says exist (ready ones): all that may be on the server. */
async function liveObjects(stack: TestStack): Promise<{ databases: string[]; roles: string[] }> {
  const response = await stack.h.request('GET', '/api/v1/databases?limit=100');
  const items = (response.json() as { items: { status: string; database: string; role: string }[] }).items;
  const live = items.filter((item) => item.status === 'ready');
  return {
    databases: live.map((item) => item.database).sort(),
    roles: live.map((item) => item.role).sort(),
  };
}

/**
 * Polls the server until it holds what is expected (the reconciler may still be removing what a
 * killed attempt left), then returns the last count for the assertions.
 */
async function settledCount(
  stack: TestStack,
  database: string,
  role: string,
  exists: boolean,
): Promise<{ count: ServerCount; live: { databases: string[]; roles: string[] } }> {
  const deadline = Date.now() + SETTLE_TIMEOUT_MS;
  for (;;) {
    const count = await countOnServer(stack, database, role);
    const live = await liveObjects(stack);
    const expected = exists ? 1 : 0;
    const settled =
      count.databases === expected &&
      count.roles === expected &&
      JSON.stringify(count.markedDatabases) === JSON.stringify(live.databases) &&
      JSON.stringify(count.markedRoles) === JSON.stringify(live.roles);
    if (settled || Date.now() > deadline) return { count, live };
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

async function createDesign(stack: TestStack, name: string): Promise<string> {
  const created = await stack.h.request('POST', '/api/v1/schemas', { ...blogDesign, name });
  expect(created.statusCode).toBe(201);
  return created.json().id;
}

async function requestDatabase(stack: TestStack, schemaId: string): Promise<void> {
  const requested = await stack.h.request('POST', `/api/v1/schemas/${schemaId}/database`);
  expect(requested.statusCode).toBe(202);
}

/** `stack.waitFor`, with the running workers' logs in the error when the database never settles. */
async function settle(stack: TestStack, schemaId: string, statuses: string[]) {
  try {
    return await stack.waitFor(schemaId, statuses);
  } catch (error) {
    const logs = [...running].map((worker) => worker.report());
    throw new Error(`${String(error)}\nworker logs:\n${logs.join('\n---\n')}`);
  }
}

afterEach(async (context) => {
  // A failed or timed-out test says what every worker process logged.
  if (context.task.result?.state === 'fail')
    for (const worker of running) console.error(`worker ${worker.report()}`);
  await killAll();
});

describe('a worker killed (SIGKILL) in the middle of a job', () => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await startTestStack({
      JOB_EXPIRE_SECONDS: '3',
      JOB_MAINTENANCE_SECONDS: '1',
      JOB_RETRY_LIMIT: '5',
    });
  });
  afterAll(async () => {
    await killAll();
    await stack?.close();
  });

  test.each([
    // `completes`: the killed worker may already have reported the job done (it heartbeats, then
    // completes, right after the last step), in which case no second attempt is needed.
    { point: 'right after claiming the job', killAt: claimed('provision'), completes: false },
    { point: 'after creating the role', killAt: stepDone('role'), completes: false },
    { point: 'after creating the database', killAt: stepDone('database'), completes: false },
    { point: 'after restricting access', killAt: stepDone('restrict'), completes: false },
    {
      point: 'after applying the schema, before reporting completion',
      killAt: stepDone('schema'),
      completes: true,
    },
  ])(
    'killed $point, a fresh worker finishes the job with exactly one database and one role',
    async ({ point, killAt, completes }) => {
      const schemaId = await createDesign(stack, `crash ${point}`);
      await requestDatabase(stack, schemaId);

      const doomed = await spawnWorker(stack);
      await doomed.killWhen(killAt);
      await doomed.exitedWithin();

      const fresh = await spawnWorker(stack);
      const status = await settle(stack, schemaId, ['ready', 'failed']);
      // The fresh worker redid the job. (Its attempt can be above 2: a claim that a worker killed
      // earlier left waiting at the API may have taken an attempt and let it expire.)
      const retried = fresh.lines.find(claimed('provision'));
      if (!completes || retried) expect(retried?.attempt).toBeGreaterThanOrEqual(2);
      expect(status).toMatchObject({
        status: 'ready',
        busy: false,
        lastError: null,
        catalog: { exists: true, matchesDesign: true },
      });
      const database = String(status.database);
      const role = String(status.role);

      const { count, live } = await settledCount(stack, database, role, true);
      expect(count.databases).toBe(1);
      expect(count.roles).toBe(1);
      expect(count.markedDatabases).toContain(database);
      expect(count.markedRoles).toContain(role);
      // Nothing of this deployment on the server beyond the ready databases the metadata knows.
      expect(count.markedDatabases).toEqual(live.databases);
      expect(count.markedRoles).toEqual(live.roles);
    },
  );

  test('killed while dropping, a fresh worker finishes the drop and nothing is left', async () => {
    const schemaId = await createDesign(stack, 'crash while dropping');
    await requestDatabase(stack, schemaId);
    const worker = await spawnWorker(stack);
    const ready = await settle(stack, schemaId, ['ready', 'failed']);
    expect(ready).toMatchObject({ status: 'ready', busy: false });
    const database = String(ready.database);
    const role = String(ready.role);

    const dropped = await stack.h.request('DELETE', `/api/v1/databases/${String(ready.id)}`);
    expect(dropped.statusCode).toBe(202);
    await worker.killWhen(claimed('drop'));
    await worker.exitedWithin();

    await spawnWorker(stack);
    const status = await settle(stack, schemaId, ['dropped', 'failed']);
    expect(status).toMatchObject({ status: 'dropped', busy: false });

    const { count, live } = await settledCount(stack, database, role, false);
    expect(count).toMatchObject({ databases: 0, roles: 0 });
    expect(count.markedDatabases).not.toContain(database);
    expect(count.markedRoles).not.toContain(role);
    expect(count.markedDatabases).toEqual(live.databases);
    expect(count.markedRoles).toEqual(live.roles);
  });
});

describe('a worker killed on every attempt of a job', () => {
  const RETRY_LIMIT = 1;
  let stack: TestStack;

  beforeAll(async () => {
    stack = await startTestStack({
      JOB_EXPIRE_SECONDS: '3',
      JOB_MAINTENANCE_SECONDS: '1',
      JOB_RETRY_LIMIT: String(RETRY_LIMIT),
    });
  });
  afterAll(async () => {
    await killAll();
    await stack?.close();
  });

  test('once the retries are spent the database is failed with a reason, and the reconciler removes what the attempts left', async () => {
    const schemaId = await createDesign(stack, 'crash on every attempt');
    await requestDatabase(stack, schemaId);

    // Each attempt gets as far as creating the database, then its worker dies.
    for (let attempt = 1; attempt <= RETRY_LIMIT + 1; attempt++) {
      const doomed = await spawnWorker(stack);
      const claim = await doomed.waitForLine(claimed('provision'));
      expect(claim.attempt).toBe(attempt);
      await doomed.killWhen(stepDone('database'));
      await doomed.exitedWithin();
    }
    const leftBehind = await stack.h.request('GET', `/api/v1/schemas/${schemaId}/database/status`);
    const database = String(leftBehind.json().database);
    const role = String(leftBehind.json().role);

    const survivor = await spawnWorker(stack);
    const status = await settle(stack, schemaId, ['ready', 'failed']);
    expect(status).toMatchObject({ status: 'failed', busy: false, lastErrorCode: 'WORKER_LOST' });
    expect(status.lastError).toBe(
      `provision failed: the worker stopped responding during provision on ${RETRY_LIMIT + 1} attempts; whatever it created is removed`,
    );
    // The job was not handed out again once its retries were spent.
    expect(survivor.lines.some((line) => line.msg === 'job claimed')).toBe(false);

    const { count, live } = await settledCount(stack, database, role, false);
    expect(count).toMatchObject({ databases: 0, roles: 0 });
    expect(count.markedDatabases).toEqual(live.databases);
    expect(count.markedRoles).toEqual(live.roles);
    expect(count.markedDatabases).toEqual([]);
    expect(count.markedRoles).toEqual([]);
  });
});

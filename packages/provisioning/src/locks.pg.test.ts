import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { unlessJobRuns, whileJobRuns } from './locks.ts';
import { openTarget } from './session.ts';
import { openTestServer, type TestServer } from './test-server.test-support.ts';

let server: TestServer;
let observer: postgres.Sql;
beforeAll(() => {
  server = openTestServer();
  observer = postgres(server.url, { max: 1, onnotice: () => {} });
});
afterAll(async () => {
  await observer?.end();
  await server?.cleanup();
});

/** A promise and the function that resolves it. */
function gate(): { opened: Promise<void>; open: () => void } {
  let open = () => {};
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { opened, open };
}

/** Waits until some session waits for an advisory lock (what a blocked job does). */
async function untilSomeoneWaits(): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt += 1) {
    const [row] = await observer<{ waiting: number }[]>`
      SELECT count(*)::int AS waiting FROM pg_locks WHERE locktype = 'advisory' AND NOT granted`;
    if (row?.waiting) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('nobody ever waited for the lock');
}

describe("a design's job lock", () => {
  test('a job waits while the reconciler drops something of its design, then runs', async () => {
    const database = `${server.prefix}_locked`;
    const reconciler = gate();
    const dropping = unlessJobRuns(server.session, database, () => reconciler.opened.then(() => 'dropped'));
    await untilLockHeld(database);
    let ran = false;
    const job = whileJobRuns(server.session, database, async () => {
      ran = true;
    });
    await untilSomeoneWaits();
    expect(ran).toBe(false);
    reconciler.open();
    expect(await dropping).toBe('dropped');
    await job;
    expect(ran).toBe(true);
  });

  test('jobs of one design run side by side; the reconciler gets the lock only when they are done', async () => {
    const database = `${server.prefix}_shared`;
    // One connection per job lock, one for the reconciler's: as a worker sizes its pool.
    const session = openTarget(server.session.target, {
      instance: server.session.instance,
      deployment: server.session.deployment,
      poolSize: 3,
    });
    const jobs = gate();
    let running = 0;
    const started = gate();
    const run = () =>
      whileJobRuns(session, database, async () => {
        running += 1;
        if (running === 2) started.open();
        await jobs.opened;
      });
    const both = Promise.all([run(), run()]);
    await started.opened;
    try {
      expect(await unlessJobRuns(session, database, async () => 'dropped')).toBeUndefined();
      jobs.open();
      await both;
      expect(await unlessJobRuns(session, database, async () => 'dropped')).toBe('dropped');
    } finally {
      jobs.open();
      await session.close();
    }
  });
});

/** Waits until `database`'s job lock is held (granted) by some session. */
async function untilLockHeld(database: string): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt += 1) {
    const [row] = await observer<{ held: boolean }[]>`
      SELECT EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND granted
        AND objid = (hashtextextended(${`schema-builder:job:${database}`}, 0) & 4294967295)::oid) AS held`;
    if (row?.held) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`the job lock of ${database} was never taken`);
}

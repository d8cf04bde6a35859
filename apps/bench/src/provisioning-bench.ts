import { listPoolDatabases, openTarget } from '@schema-builder/provisioning';
import { generateDdl } from '@schema-builder/schema-model/ddl';
import { DesignDocumentSchema, normalizeDesign } from '@schema-builder/schema-model/design';
import pino from 'pino';
import { callApi, createDesign, dropAll, waitIdle } from './bench-api.ts';
import { type BenchStack, startBenchStack } from './bench-stack.ts';
import { benchDatabase } from './database.ts';
import { benchEnv } from './env.ts';
import { runProvisioningBurst } from './provisioning-burst.ts';
import { createDatabaseFigures, openPsqlBaseline, serverInfo } from './raw-baselines.ts';
import { referenceDesign } from './reference-design.ts';
import { median, percentile } from './stats.ts';

const RUNS = 30;
const WARMUP = 3;
const POLL_MS = 5;
const WORKER_CONCURRENCY = 4;
/** Empty databases the worker keeps ready (WORKER_POOL_SIZE). */
const POOL_SIZE = benchEnv.BENCH_POOL_SIZE;
const TARGET_RATIO = 1.5;
const TARGET_MEDIAN_MS = 600;
const STEPS = ['role', 'database', 'restrict', 'schema'] as const;

/** Worker log lines of the job in flight (the timed runs are sequential), with their times. */
interface LogEvent {
  msg: string;
  step?: string;
  /** `step done` of the database step: `claimed` (from the warm pool) or `created`. */
  detail?: string;
  time: number;
}

/**
 * Provisioning end to end (POST …/database to `ready`, through a real API and worker) next to
 * raw psql doing the same work on the same server, alternating run by run; then 100 requests
 * at once; then CREATE DATABASE by strategy and from a per-design template.
 */
export async function runProvisioningBench(): Promise<void> {
  const database = await benchDatabase();
  const { version, otherSessions } = await serverInfo(database.url);
  const events: LogEvent[] = [];
  const log = pino(
    { level: 'info' },
    {
      write: (line: string) => {
        events.push(JSON.parse(line) as LogEvent);
      },
    },
  );
  const stack = await startBenchStack(database.url, {
    concurrency: WORKER_CONCURRENCY,
    poolSize: POOL_SIZE,
    log,
  });
  const design = referenceDesign('reference');
  const ddl = generateDdl(normalizeDesign(DesignDocumentSchema.parse(design))).sql;
  const psql = await openPsqlBaseline(database.url, ddl);
  try {
    const api: number[] = [];
    const client: number[] = [];
    const raw: number[] = [];
    const phases = new Map<string, number[]>();
    let claimed = 0;
    for (let i = 0; i < WARMUP + RUNS; i++) {
      events.length = 0;
      const run = await provisionOnce(stack, referenceDesign(`reference-${i}`), i === 0);
      // The worker refills the pool in the background: let it finish (untimed), so neither the
      // psql run nor the next API run shares the server with a CREATE DATABASE.
      await poolRefilled(stack);
      const runEvents = [...events];
      const clientMs = await provisionAsClient(stack, referenceDesign(`client-${i}`));
      await poolRefilled(stack);
      const psqlMs = await psql.once();
      if (i < WARMUP) continue;
      api.push(run.ms);
      client.push(clientMs);
      raw.push(psqlMs);
      if (runEvents.some((event) => event.step === 'database' && event.detail === 'claimed')) claimed += 1;
      for (const [phase, ms] of phasesOf(runEvents, run.startedAt, run.readyAt))
        phases.set(phase, [...(phases.get(phase) ?? []), ms]);
    }
    printEndToEnd(
      api,
      client,
      raw,
      phases,
      `${database.server}, PostgreSQL ${Math.floor(version / 10_000)}, ${otherSessions} other client sessions on the server at start`,
    );
    console.log(
      `\nwarm pool (worker pool size ${POOL_SIZE}, refilled in the background after each job; each psql run waits, untimed, until the refill is done): ${claimed} of ${RUNS} timed runs claimed a pool database, ${RUNS - claimed} ran CREATE DATABASE`,
    );

    await runProvisioningBurst(stack, events);
  } finally {
    await psql.close();
    await stack.close();
  }
  if (version >= 150_000) printCreateDatabaseFigures(await createDatabaseFigures(database.url, ddl, RUNS));
  await database.drop();
}

/** Waits (up to 10 s) until the worker's warm pool holds POOL_SIZE databases again. */
async function poolRefilled(stack: BenchStack): Promise<void> {
  const session = openTarget({ name: 'default', adminUrl: stack.targetUrl }, { ...stack.identity });
  try {
    const deadline = Date.now() + 10_000;
    while ((await listPoolDatabases(session)).length < POOL_SIZE && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  } finally {
    await session.close();
  }
}

/** One design: POST /schemas (untimed), then POST …/database until the row says ready; dropped after. */
async function provisionOnce(
  stack: BenchStack,
  design: unknown,
  checkCatalog: boolean,
): Promise<{ ms: number; startedAt: number; readyAt: number }> {
  const schemaId = await createDesign(stack, design);
  const startedAt = Date.now();
  const start = performance.now();
  const requested = await callApi(stack, 'POST', `/schemas/${schemaId}/database`);
  if (requested.status !== 202) throw new Error(`provision refused: ${JSON.stringify(requested.body)}`);
  const id = String(requested.body.id);
  const [row] = await waitIdle(stack, [id], POLL_MS);
  const ms = performance.now() - start;
  const readyAt = Date.now();
  if (row?.status !== 'ready') throw new Error(`provisioning ended ${row?.status}: ${row?.lastError}`);
  if (checkCatalog) {
    const status = await callApi(stack, 'GET', `/schemas/${schemaId}/database/status`);
    const catalog = status.body.catalog as { matchesDesign?: boolean } | null;
    if (catalog?.matchesDesign !== true) throw new Error(`catalog check: ${JSON.stringify(status.body)}`);
  }
  await dropAll(stack, [id]);
  return { ms, startedAt, readyAt };
}

/**
 * One design as a client sees it: POST …/database, then GET …/database/status every POLL_MS
 * until it is no longer busy (ready); timed from the POST to the answer that says ready.
 */
async function provisionAsClient(stack: BenchStack, design: unknown): Promise<number> {
  const schemaId = await createDesign(stack, design);
  const start = performance.now();
  const requested = await callApi(stack, 'POST', `/schemas/${schemaId}/database`);
  if (requested.status !== 202) throw new Error(`provision refused: ${JSON.stringify(requested.body)}`);
  const deadline = Date.now() + 300_000;
  for (;;) {
    const status = await callApi(stack, 'GET', `/schemas/${schemaId}/database/status`);
    if (status.status !== 200) throw new Error(`status: ${JSON.stringify(status.body)}`);
    if (status.body.busy === false) {
      const ms = performance.now() - start;
      if (status.body.status !== 'ready')
        throw new Error(`provisioning ended ${String(status.body.status)}: ${String(status.body.lastError)}`);
      await dropAll(stack, [String(requested.body.id)]);
      return ms;
    }
    if (Date.now() > deadline) throw new Error('provisioning still running after 300 s');
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

/** Where the time of one run went, from the worker's log lines (ms resolution). */
function phasesOf(events: readonly LogEvent[], startedAt: number, readyAt: number): [string, number][] {
  const claimed = events.find((event) => event.msg === 'job claimed');
  const completed = events.find((event) => event.msg === 'job completed');
  if (!claimed || !completed) return [];
  const phases: [string, number][] = [['request → claimed by the worker', claimed.time - startedAt]];
  let previous = claimed.time;
  for (const step of STEPS) {
    const done = events.find((event) => event.msg === 'step done' && event.step === step);
    if (!done) return [];
    phases.push([`step ${step}`, done.time - previous]);
    previous = done.time;
  }
  phases.push(['last step → completed (API call)', completed.time - previous]);
  phases.push(['completed → row seen ready (poll)', readyAt - completed.time]);
  return phases;
}

const fmt = (value: number) => `${value.toFixed(0)} ms`;

function printEndToEnd(
  api: number[],
  client: number[],
  raw: number[],
  phases: Map<string, number[]>,
  server: string,
): void {
  console.log(
    `\n## Provisioning: API call to \`ready\` (20-table reference design, ${RUNS} runs after ${WARMUP} warm-up, alternating, ${server}, worker concurrency ${WORKER_CONCURRENCY}, metadata row polled every ${POLL_MS} ms)`,
  );
  console.log('| path | median | p95 | min | max |');
  console.log('|---|---|---|---|---|');
  for (const [name, values] of [
    ['raw psql: 1 psql (CREATE ROLE, CREATE DATABASE, REVOKE) + psql -1 -f ddl.sql (baseline)', raw],
    ['schema-builder: POST …/database → row `ready`', api],
    [
      `schema-builder as a client sees it: POST …/database, GET …/database/status every ${POLL_MS} ms until ready`,
      client,
    ],
  ] as const)
    console.log(
      `| ${name} | ${fmt(median(values))} | ${fmt(percentile(values, 95))} | ${fmt(Math.min(...values))} | ${fmt(Math.max(...values))} |`,
    );
  const ratio = median(api) / median(raw);
  console.log(
    `\nratio API / psql (medians): ${ratio.toFixed(2)} (target ≤ ${TARGET_RATIO}: ${ratio <= TARGET_RATIO ? 'met' : 'MISSED'})`,
  );
  const clientRatio = median(client) / median(raw);
  console.log(
    `client-seen provisioning ratio (POST + status polls) / psql (medians): ${clientRatio.toFixed(2)} (target < 1, below raw psql: ${clientRatio < 1 ? 'met' : 'MISSED'})`,
  );
  console.log(
    `API median: ${fmt(median(api))} (target < ${TARGET_MEDIAN_MS} ms: ${median(api) < TARGET_MEDIAN_MS ? 'met' : 'MISSED'})`,
  );
  console.log(
    '\nWhere the API path spends its time (worker log lines, ms resolution; a step includes the progress heartbeat, an API call, sent after the step before it):',
  );
  console.log('| phase | median | p95 |');
  console.log('|---|---|---|');
  for (const [phase, values] of phases)
    console.log(`| ${phase} | ${fmt(median(values))} | ${fmt(percentile(values, 95))} |`);
}

function printCreateDatabaseFigures(figures: Record<string, number[]>): void {
  console.log(`\n## CREATE DATABASE alone (raw SQL, same server, ${RUNS} runs each)`);
  console.log('| statement | median | p95 |');
  console.log('|---|---|---|');
  for (const [name, values] of Object.entries(figures))
    console.log(`| ${name} | ${median(values).toFixed(1)} ms | ${percentile(values, 95).toFixed(1)} ms |`);
}

import postgres from 'postgres';
import { callApi, createDesign, dropAll, waitIdle } from './bench-api.ts';
import type { BenchStack } from './bench-stack.ts';
import { referenceDesign } from './reference-design.ts';

const REQUESTS = 100;

/**
 * 100 different designs, 100 POST …/database at once: all must reach `ready` with distinct
 * names and no failed job (lock errors included); prints the wall time, then drops them all.
 */
export async function runProvisioningBurst(
  stack: BenchStack,
  events: { msg: string; step?: string; detail?: string }[],
): Promise<void> {
  const schemaIds: string[] = [];
  for (let i = 0; i < REQUESTS; i++)
    schemaIds.push(await createDesign(stack, referenceDesign(`burst-${i}`, 15 + (i % 10))));
  events.length = 0;

  const start = performance.now();
  const answers = await Promise.all(schemaIds.map((id) => callApi(stack, 'POST', `/schemas/${id}/database`)));
  const accepted = answers.filter((answer) => answer.status === 202).map((answer) => String(answer.body.id));
  const requestsMs = performance.now() - start;
  const rows = await waitIdle(stack, accepted, 20);
  const wallMs = performance.now() - start;

  const ready = rows.filter((row) => row.status === 'ready');
  const failed = rows.filter((row) => row.status !== 'ready');
  const lockErrors = rows.filter((row) => /lock|deadlock|concurrently/i.test(row.lastError ?? ''));
  const names = new Set(rows.map((row) => row.databaseName));
  const roles = new Set(rows.map((row) => row.roleName));
  const onServer = await countOnServer(
    stack.targetUrl,
    rows.map((row) => row.databaseName),
  );
  const workerWarnings = events.filter((event) => /failed|lost/.test(event.msg)).length;
  const claimed = events.filter((event) => event.step === 'database' && event.detail === 'claimed').length;

  console.log(`\n## ${REQUESTS} provisioning requests at once (${REQUESTS} designs of 15–24 tables)`);
  console.log('| figure | value |');
  console.log('|---|---|');
  console.log(`| all ${REQUESTS} POST …/database answered | ${requestsMs.toFixed(0)} ms |`);
  console.log(`| wall time, first request to all \`ready\` | ${wallMs.toFixed(0)} ms |`);
  console.log(
    `| accepted (202) / ready / failed | ${accepted.length} / ${ready.length} / ${failed.length} |`,
  );
  console.log(`| lock errors in last_error | ${lockErrors.length} |`);
  console.log(`| databases claimed from the warm pool (the rest: CREATE DATABASE) | ${claimed} |`);
  console.log(`| worker warnings (job failed, heartbeat failed, lease lost) | ${workerWarnings} |`);
  console.log(
    `| distinct database / role names | ${names.size} / ${roles.size} (of ${rows.length}); on the server: ${onServer} |`,
  );
  const ok =
    accepted.length === REQUESTS &&
    ready.length === REQUESTS &&
    names.size === REQUESTS &&
    roles.size === REQUESTS &&
    onServer === REQUESTS;
  console.log(`\nall ${REQUESTS} ready, distinct and present: ${ok ? 'yes' : 'NO'}`);
  if (failed[0]) console.log(`first failure: ${failed[0].status}: ${failed[0].lastError}`);

  const dropStart = performance.now();
  await dropAll(stack, accepted);
  console.log(
    `dropping all ${REQUESTS} through DELETE /databases/{id}: ${(performance.now() - dropStart).toFixed(0)} ms`,
  );
}

async function countOnServer(serverUrl: string, names: string[]): Promise<number> {
  const sql = postgres(serverUrl, { max: 1, onnotice: () => {} });
  try {
    const [row] = await sql<
      { n: number }[]
    >`SELECT count(*)::int AS n FROM pg_database WHERE datname = ANY(${names})`;
    return row?.n ?? 0;
  } finally {
    await sql.end({ timeout: 5 });
  }
}

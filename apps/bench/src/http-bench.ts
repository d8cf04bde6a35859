import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { ConfigSchema } from '@schema-builder/api/env';
import { createServer } from '@schema-builder/api/server';
import { connectServices } from '@schema-builder/api/services';
import { runMigrations } from '@schema-builder/db';
import { blogDesign } from '@schema-builder/testing/fixtures';
import autocannon from 'autocannon';
import Fastify from 'fastify';
import { benchDatabase } from './database.ts';
import { benchEnv } from './env.ts';
import { median } from './stats.ts';

interface Result {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
}

/** One measured run of `BENCH_DURATION_SECONDS / ROUNDS` seconds (after a warm-up of its own). */
async function load(url: string, headers: Record<string, string>, seconds: number): Promise<Result> {
  // The load generator runs in a worker thread so it does not share the servers' event loop.
  const result = await autocannon({
    url,
    headers,
    connections: benchEnv.BENCH_CONNECTIONS,
    duration: seconds,
    workers: 1,
  });
  return {
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors,
    non2xx: result.non2xx,
  };
}

/** Rounds of bare, API and API-with-If-None-Match back to back: a shared machine's load drifts. */
const ROUNDS = 3;
const TARGET_RATIO = 0.8;

interface Target {
  name: string;
  url: string;
  headers: Record<string, string>;
}

/**
 * Each target for BENCH_DURATION_SECONDS in all, in alternating rounds, so that load from other
 * processes falls on all of them alike; the ratio is the median of the rounds' ratios.
 */
async function measure(targets: readonly Target[]): Promise<Result[][]> {
  const seconds = Math.max(1, Math.round(benchEnv.BENCH_DURATION_SECONDS / ROUNDS));
  // Warm up (JIT, pool connections), then measure.
  for (const target of targets) await load(target.url, target.headers, 2);
  const rounds: Result[][] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const results: Result[] = [];
    for (const target of targets) results.push(await load(target.url, target.headers, seconds));
    rounds.push(results);
  }
  return rounds;
}

/** The targets' results over all rounds: req/s summed, latencies the rounds' worst p99, median p50. */
function combine(rounds: readonly Result[][], index: number): Result {
  const runs = rounds.map((round) => round[index]).filter((run): run is Result => run !== undefined);
  return {
    requestsPerSecond: runs.reduce((sum, run) => sum + run.requestsPerSecond, 0) / runs.length,
    p50: median(runs.map((run) => run.p50)),
    p99: Math.max(...runs.map((run) => run.p99)),
    errors: runs.reduce((sum, run) => sum + run.errors, 0),
    non2xx: runs.reduce((sum, run) => sum + run.non2xx, 0),
  };
}

/**
 * REST GET /api/v1/schemas/{id} through the whole stack (Fastify, REST adapter, tRPC, Drizzle,
 * output validation) next to a bare Fastify route running the same SELECT with postgres.js, and
 * the same GET revalidated with If-None-Match (304, no body).
 */
export async function runHttpBench(): Promise<void> {
  const database = await benchDatabase();
  await runMigrations(database.url);
  const config = ConfigSchema.parse({
    DATABASE_URL: database.url,
    LOG_LEVEL: 'silent',
    SECRETS_KEY: randomBytes(32).toString('hex'),
    // The bench measures throughput, not the limiter.
    RATE_LIMIT_PER_MINUTE: '100000000',
  });
  const { services, close } = await connectServices(config, database.url);
  const { sql } = services;
  const api = await createServer({ services, logger: false });
  const bare = Fastify({ logger: false });
  try {
    const signUp = await api.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-up',
      payload: { email: 'bench@example.test', password: 'benchmark password' },
    });
    if (signUp.statusCode !== 201) throw new Error(`could not sign up: ${signUp.body}`);
    const { token, user } = signUp.json() as { token: string; user: { id: string } };
    const authorization = `Bearer ${token}`;
    const created = await api.inject({
      method: 'POST',
      url: '/api/v1/schemas',
      headers: { authorization },
      payload: { ...blogDesign, name: 'bench-blog' },
    });
    if (created.statusCode !== 201) throw new Error(`could not create the bench schema: ${created.body}`);
    const id: string = created.json().id;

    bare.get<{ Params: { id: string } }>('/schemas/:id', async (request) => {
      const [row] = await sql`
        SELECT * FROM schemas
        WHERE id = ${request.params.id} AND owner_id = ${user.id} AND deleted_at IS NULL`;
      return row;
    });

    await api.listen({ port: 0, host: '127.0.0.1' });
    await bare.listen({ port: 0, host: '127.0.0.1' });
    const apiPort = (api.server.address() as AddressInfo).port;
    const barePort = (bare.server.address() as AddressInfo).port;

    const url = `http://127.0.0.1:${apiPort}/api/v1/schemas/${id}`;
    const first = await fetch(url, { headers: { authorization } });
    const etag = first.headers.get('etag');
    if (!etag) throw new Error('GET /schemas/{id} sent no ETag');
    const rounds = await measure([
      {
        name: 'bare Fastify + postgres.js (baseline)',
        url: `http://127.0.0.1:${barePort}/schemas/${id}`,
        headers: {},
      },
      { name: 'schema-builder REST', url, headers: { authorization } },
      {
        name: 'schema-builder REST, If-None-Match → 304',
        url,
        headers: { authorization, 'if-none-match': etag },
      },
    ]);
    const ratios = rounds.map(
      (round) => (round[1]?.requestsPerSecond ?? 0) / (round[0]?.requestsPerSecond ?? 1),
    );
    const ratio = median(ratios);
    const measured = combine(rounds, 1);

    console.log(
      `\n## REST GET /api/v1/schemas/{id} (${benchEnv.BENCH_CONNECTIONS} connections, ${benchEnv.BENCH_DURATION_SECONDS} s each in ${ROUNDS} alternating rounds, ${database.server}, ${blogDesign.tables.length}-table design)`,
    );
    console.log('| route | req/s (mean of rounds) | p50 | p99 (worst round) | errors | non-2xx |');
    console.log('|---|---|---|---|---|---|');
    for (const [index, name] of [
      'bare Fastify + postgres.js (baseline)',
      'schema-builder REST',
      'schema-builder REST, If-None-Match → 304',
    ].entries()) {
      const r = combine(rounds, index);
      console.log(
        `| ${name} | ${r.requestsPerSecond.toFixed(0)} | ${r.p50} ms | ${r.p99} ms | ${r.errors} | ${r.non2xx} |`,
      );
    }
    console.log(
      `\nREST ratio API / bare: ${ratio.toFixed(2)}, median of the rounds' ${ratios.map((value) => value.toFixed(2)).join(', ')} (target ≥ ${TARGET_RATIO}: ${ratio >= TARGET_RATIO ? 'met' : 'MISSED'})`,
    );
    console.log(`API p99: ${measured.p99} ms (target < 50 ms: ${measured.p99 < 50 ? 'met' : 'MISSED'})`);
  } finally {
    await api.close();
    await bare.close();
    await close();
    await database.drop();
  }
}

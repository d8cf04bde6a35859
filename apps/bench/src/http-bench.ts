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

interface Result {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
}

async function load(url: string, headers: Record<string, string> = {}): Promise<Result> {
  // Warm up (JIT, pool connections), then measure.
  await autocannon({ url, headers, connections: benchEnv.BENCH_CONNECTIONS, duration: 2, workers: 1 });
  // The load generator runs in a worker thread so it does not share the servers' event loop.
  const result = await autocannon({
    url,
    headers,
    connections: benchEnv.BENCH_CONNECTIONS,
    duration: benchEnv.BENCH_DURATION_SECONDS,
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

/**
 * REST GET /api/v1/schemas/{id} through the whole stack (Fastify, REST adapter, tRPC, Drizzle,
 * output validation) next to a bare Fastify route running the same SELECT with postgres.js.
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

    const baseline = await load(`http://127.0.0.1:${barePort}/schemas/${id}`);
    const measured = await load(`http://127.0.0.1:${apiPort}/api/v1/schemas/${id}`, { authorization });
    const ratio = measured.requestsPerSecond / baseline.requestsPerSecond;

    console.log(
      `\n## REST GET /api/v1/schemas/{id} (${benchEnv.BENCH_CONNECTIONS} connections, ${benchEnv.BENCH_DURATION_SECONDS} s, ${database.server}, ${blogDesign.tables.length}-table design)`,
    );
    console.log('| route | req/s | p50 | p99 | errors | non-2xx |');
    console.log('|---|---|---|---|---|---|');
    for (const [name, r] of [
      ['bare Fastify + postgres.js (baseline)', baseline],
      ['schema-builder REST', measured],
    ] as const) {
      console.log(
        `| ${name} | ${r.requestsPerSecond.toFixed(0)} | ${r.p50} ms | ${r.p99} ms | ${r.errors} | ${r.non2xx} |`,
      );
    }
    console.log(`\nratio API / bare: ${ratio.toFixed(2)} (target ≥ 0.6: ${ratio >= 0.6 ? 'met' : 'MISSED'})`);
    console.log(`API p99: ${measured.p99} ms (target < 50 ms: ${measured.p99 < 50 ? 'met' : 'MISSED'})`);
  } finally {
    await api.close();
    await bare.close();
    await close();
    await database.drop();
  }
}

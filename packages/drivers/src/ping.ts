import { type DriverHandle, withDriver } from './connect.ts';
import { type DriverFailure, driverFailureOf } from './failures.ts';
import type { DriverTarget } from './target.ts';

export type PingResult = { ok: true; latencyMs: number } | { ok: false; code: DriverFailure };

/** Opens a connection, runs the cheapest query there is, closes it; bounded by `timeoutMs`. */
export async function ping(target: DriverTarget, timeoutMs: number): Promise<PingResult> {
  const started = performance.now();
  try {
    await withDriver(target, timeoutMs, selectOne);
    return { ok: true, latencyMs: Math.round(performance.now() - started) };
  } catch (error) {
    return { ok: false, code: driverFailureOf(error) };
  }
}

async function selectOne(handle: DriverHandle): Promise<void> {
  switch (handle.type) {
    case 'postgresql':
      await handle.sql`SELECT 1`;
      return;
    case 'mysql':
      await handle.connection.query('SELECT 1');
      return;
    case 'sqlite':
      handle.db.prepare('SELECT 1').get();
      return;
    case 'mongodb':
      await handle.client.db(handle.database).command({ ping: 1 });
  }
}

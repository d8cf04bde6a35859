import type { Sql } from 'postgres';
import { AppError } from '../../errors/codes.ts';

export interface CheckHealthOptions {
  sql: Sql;
  startedAt: Date;
  /** Give up on the database after this long: a hung server is a down server. */
  timeoutMs?: number;
}

/** Liveness plus a round trip to the metadata database; 503 when that fails. */
export async function checkHealth({ sql, startedAt, timeoutMs = 2000 }: CheckHealthOptions) {
  const started = performance.now();
  try {
    await withTimeout(sql`SELECT 1`.execute(), timeoutMs);
  } catch (cause) {
    throw new AppError('SERVICE_UNAVAILABLE', 'The metadata database is not reachable.', {
      details: [
        { path: 'database', code: 'DATABASE_UNREACHABLE', message: 'The metadata database did not answer.' },
      ],
      cause,
    });
  }
  return {
    status: 'ok' as const,
    uptimeSeconds: Math.round((Date.now() - startedAt.getTime()) / 1000),
    checks: {
      database: { status: 'ok' as const, latencyMs: Math.round((performance.now() - started) * 100) / 100 },
    },
  };
}

async function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

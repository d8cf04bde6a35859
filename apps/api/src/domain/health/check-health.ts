import { pendingMigrations } from '@schema-builder/db';
import type { Sql } from 'postgres';
import { AppError, type ErrorDetail } from '../../errors/codes.ts';
import { withTimeout } from './with-timeout.ts';

export interface CheckHealthOptions {
  sql: Sql;
  startedAt: Date;
  /** Give up on the database after this long: a hung server is a down server. */
  timeoutMs?: number;
}

const uptimeOf = (startedAt: Date) => Math.round((Date.now() - startedAt.getTime()) / 1000);

/** Liveness: the process answers. Nothing else is asked, so a database outage never restarts it. */
export function checkLiveness({ startedAt }: Pick<CheckHealthOptions, 'startedAt'>) {
  return { status: 'ok' as const, uptimeSeconds: uptimeOf(startedAt) };
}

/**
 * Readiness: a round trip to the metadata database, which holds every migration of this code;
 * 503 when it does not answer or a migration is missing (say a fresh, empty database). A process
 * under pressure is refused before this runs (see http/overload.ts).
 */
export async function checkReadiness({ sql, startedAt, timeoutMs = 2000 }: CheckHealthOptions) {
  const started = performance.now();
  let pending: number;
  try {
    pending = await withTimeout(pendingMigrations(sql), timeoutMs);
  } catch (cause) {
    throw unavailable('The metadata database is not reachable.', cause, {
      path: 'database',
      code: 'DATABASE_UNREACHABLE',
      message: 'The metadata database did not answer.',
    });
  }
  const latencyMs = Math.round((performance.now() - started) * 100) / 100;
  if (pending > 0)
    throw unavailable('The metadata database is not migrated.', undefined, {
      path: 'migrations',
      code: 'MIGRATIONS_PENDING',
      message: `${pending} migration(s) of this version are not applied; start the API (or run db:migrate) to apply them.`,
    });
  return {
    status: 'ok' as const,
    uptimeSeconds: uptimeOf(startedAt),
    checks: {
      database: { status: 'ok' as const, latencyMs },
      migrations: { status: 'ok' as const, pending: 0 as const },
    },
  };
}

function unavailable(message: string, cause: unknown, detail: ErrorDetail): AppError {
  return new AppError('SERVICE_UNAVAILABLE', message, { details: [detail], cause });
}

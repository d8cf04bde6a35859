import type { DatabaseStatus } from '@schema-builder/db';
import type { User } from '../auth/principal.ts';
import { findSchema } from '../schemas/repository.ts';
import type { DatabaseServices } from './dependencies.ts';
import { eventOfRow } from './events.ts';
import { findLatestDatabaseOfSchema } from './repository.ts';
import { isNews } from './watch-database.ts';

/** Longest `?wait=` of the status route, in seconds: under common proxies' idle timeouts. */
export const MAX_STATUS_WAIT_SECONDS = 30;

export interface WaitRequest {
  services: Pick<DatabaseServices, 'db' | 'events'>;
  user: User;
  schemaId: string;
  /** At most this long (seconds; 0: not at all). */
  waitSeconds: number;
  /**
   * The status the caller last saw: wait while the database is still in it (answer at once when
   * it is not). Without it: wait while a job is in flight, for its next change (step or status).
   */
  since?: DatabaseStatus | undefined;
  /** The caller went away. */
  signal?: AbortSignal | undefined;
}

/**
 * The long poll behind `GET …/database/status?wait=`: resolves as soon as there is something new
 * to report, or after `waitSeconds`, whichever comes first. It waits on the in-memory event bus
 * (one LISTEN per API process), holding no database connection while it waits. The caller then
 * answers with the status as usual (404s included), so `GET status?wait=30` in a loop follows a
 * job step by step, and returns at once when the database is idle.
 */
export async function waitForChange({
  services,
  user,
  schemaId,
  waitSeconds,
  since,
  signal,
}: WaitRequest): Promise<void> {
  if (waitSeconds <= 0) return;
  const timeout = AbortSignal.timeout(waitSeconds * 1000);
  // Subscribed before reading the current state, so a change in between is not missed.
  const events = services.events.subscribe(schemaId, signal ? AbortSignal.any([signal, timeout]) : timeout);
  try {
    if (!(await findSchema(services.db, user.id, schemaId))) return;
    const row = await findLatestDatabaseOfSchema(services.db, user.id, schemaId);
    if (!row) return;
    const current = eventOfRow(row);
    if (since === undefined ? !current.busy : current.status !== since) return;
    for await (const event of events) {
      if (!isNews(event, current)) continue;
      if (since === undefined || event.status !== since) return;
    }
  } finally {
    await events.return?.();
  }
}

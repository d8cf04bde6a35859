import type { User } from '../auth/principal.ts';
import { findSchema } from '../schemas/repository.ts';
import { schemaNotFound } from '../schemas/schema-not-found.ts';
import type { DatabaseServices } from './dependencies.ts';
import { type DatabaseEvent, eventOfRow, noDatabaseEvent } from './events.ts';
import { findLatestDatabaseOfSchema } from './repository.ts';

export interface WatchRequest {
  services: Pick<DatabaseServices, 'db' | 'events'>;
  user: User;
  schemaId: string;
  /** The subscriber went away: stop. */
  signal?: AbortSignal | undefined;
}

/**
 * A design's database events for its owner: first its state as it is now (`status: null` while
 * there is no database), then every change, in order, until `signal` aborts or the API shuts
 * down. Ownership is checked before the stream is handed out, so a stranger's or a deleted design
 * is a SCHEMA_NOT_FOUND answer (404; over tRPC a NOT_FOUND the client does not retry), never a
 * stream that fails later.
 */
export async function watchDatabase(
  request: WatchRequest,
): Promise<AsyncGenerator<DatabaseEvent, void, undefined>> {
  const { services, user, schemaId } = request;
  if (!(await findSchema(services.db, user.id, schemaId))) throw schemaNotFound(schemaId);
  return streamEvents(request);
}

async function* streamEvents({
  services,
  user,
  schemaId,
  signal,
}: WatchRequest): AsyncGenerator<DatabaseEvent, void, undefined> {
  // Listening before reading: a change committed in between is in the queue, not lost.
  const events = services.events.subscribe(schemaId, signal);
  try {
    const row = await findLatestDatabaseOfSchema(services.db, user.id, schemaId);
    let last = row ? eventOfRow(row) : noDatabaseEvent(schemaId);
    yield last;
    for await (const event of events) {
      if (!isNews(event, last)) continue;
      last = event;
      yield event;
    }
  } finally {
    await events.return?.();
  }
}

/**
 * Whether `event` tells a subscriber who saw `last` something new: not the same state again, and
 * not an older state of the same database (a change queued while the first state was being read,
 * already part of it).
 */
export function isNews(event: DatabaseEvent, last: DatabaseEvent): boolean {
  if (event.databaseId === last.databaseId && Date.parse(event.at) < Date.parse(last.at)) return false;
  return (
    event.databaseId !== last.databaseId ||
    event.status !== last.status ||
    event.busy !== last.busy ||
    event.progress !== last.progress ||
    event.operation !== last.operation ||
    event.version !== last.version
  );
}

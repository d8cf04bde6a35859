import { EventEmitter, on } from 'node:events';
import { DATABASE_OPERATIONS, DATABASE_STATUSES, type ProvisionedDatabaseRow } from '@schema-builder/db';
import type { Sql } from 'postgres';
import { z } from 'zod';

/** The NOTIFY channel the `databases` table's trigger announces every state change on (migration 0008). */
export const DATABASE_EVENT_CHANNEL = 'schema_builder_database_events';

/**
 * A design's database as it changes: status, the job in flight and the step it reached. What the
 * trigger sends and what subscribers receive; no names, errors or secrets (the status route has
 * those). `status` is null while the design has no database.
 */
export const DatabaseEventSchema = z
  .object({
    schemaId: z.uuid(),
    databaseId: z.uuid().nullable(),
    status: z.enum(DATABASE_STATUSES).nullable(),
    operation: z.enum(DATABASE_OPERATIONS).nullable(),
    /** The last step the worker reported, e.g. `database`. */
    progress: z.string().nullable(),
    /** A job is queued or running. */
    busy: z.boolean(),
    version: z.number().int().nullable(),
    targetVersion: z.number().int().nullable(),
    /** When the change was written (ISO 8601). */
    at: z.iso.datetime({ offset: true }),
  })
  .meta({ id: 'DatabaseEvent' });

export type DatabaseEvent = z.infer<typeof DatabaseEventSchema>;

/** The event that describes a row as read now (the first event of a stream). */
export function eventOfRow(row: ProvisionedDatabaseRow): DatabaseEvent {
  return {
    schemaId: row.schemaId,
    databaseId: row.id,
    status: row.status,
    operation: row.operation,
    progress: row.progress,
    busy: row.jobId !== null,
    version: row.version,
    targetVersion: row.targetVersion,
    at: row.updatedAt.toISOString(),
  };
}

/** The event of a design that has no database yet. */
export function noDatabaseEvent(schemaId: string): DatabaseEvent {
  return {
    schemaId,
    databaseId: null,
    status: null,
    operation: null,
    progress: null,
    busy: false,
    version: null,
    targetVersion: null,
    at: new Date().toISOString(),
  };
}

/**
 * The database events of the whole metadata database, for this API process: one LISTEN (on the
 * app pool's listener connection, which postgres.js shares with the job queue's), fanned out in
 * memory to however many subscribers, so a subscriber or a waiting status request holds no
 * database connection. Every API instance listens, so a change made through any instance (or by
 * anything else writing the table) reaches the subscribers of all of them.
 */
export class DatabaseEvents {
  private readonly emitter = new EventEmitter();
  private readonly closing = new AbortController();
  private unlisten: (() => Promise<void>) | undefined;

  constructor(
    private readonly sql: Sql,
    private readonly onInvalid: (payload: string) => void = () => {},
  ) {
    // One listener per subscriber, by design: there is no sensible maximum.
    this.emitter.setMaxListeners(0);
  }

  async start(): Promise<void> {
    const listener = await this.sql.listen(DATABASE_EVENT_CHANNEL, (payload) => this.publish(payload));
    this.unlisten = listener.unlisten;
  }

  /**
   * The events of one design from this call on, until `signal` aborts or the process closes the
   * bus (then the iteration simply ends). Listening starts at once, before the first `next()`, so
   * a caller may read the current state after subscribing and miss nothing in between.
   */
  subscribe(schemaId: string, signal?: AbortSignal): AsyncIterableIterator<DatabaseEvent> {
    const stop = signal ? AbortSignal.any([signal, this.closing.signal]) : this.closing.signal;
    if (stop.aborted) return ENDED;
    return subscription(on(this.emitter, schemaId, { signal: stop }), stop);
  }

  /** Subscriptions open right now (a test's proof that closed streams leave nothing behind). */
  get subscriberCount(): number {
    return this.emitter
      .eventNames()
      .reduce<number>(
        (total, name) => (name === 'error' ? total : total + this.emitter.listenerCount(name)),
        0,
      );
  }

  /** Ends every subscription (streams close, waiting status requests answer), e.g. at shutdown. */
  close(): void {
    this.closing.abort();
  }

  async stop(): Promise<void> {
    this.close();
    await this.unlisten?.();
  }

  private publish(payload: string): void {
    let parsed: ReturnType<typeof DatabaseEventSchema.safeParse>;
    try {
      parsed = DatabaseEventSchema.safeParse(JSON.parse(payload));
    } catch {
      this.onInvalid(payload);
      return;
    }
    if (!parsed.success) {
      this.onInvalid(payload);
      return;
    }
    // PostgreSQL writes `+00:00`; the API's timestamps are `Z`.
    const event = { ...parsed.data, at: new Date(parsed.data.at).toISOString() };
    this.emitter.emit(event.schemaId, event);
  }
}

/**
 * `events.on` yields each emit's argument list, and throws when its signal aborts; a subscription
 * yields the event and simply ends. `return()` stops listening even before the first `next()`.
 */
function subscription(
  events: AsyncIterableIterator<unknown[]>,
  stop: AbortSignal,
): AsyncIterableIterator<DatabaseEvent> {
  const done = { done: true, value: undefined } as const;
  return {
    async next() {
      try {
        const result = await events.next();
        return result.done ? done : { done: false, value: result.value[0] as DatabaseEvent };
      } catch (error) {
        if (stop.aborted) return done;
        throw error;
      }
    },
    async return() {
      await events.return?.();
      return done;
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}

const ENDED: AsyncIterableIterator<DatabaseEvent> = {
  next: async () => ({ done: true, value: undefined }),
  [Symbol.asyncIterator]() {
    return this;
  },
};

import type { Client, RouterOutputs } from './index.ts';

type DatabaseResource = RouterOutputs['databases']['status'];
type DatabaseStatus = DatabaseResource['status'];

/** What a job ends in, whichever way it goes. */
const JOB_ENDED: readonly DatabaseStatus[] = ['ready', 'failed', 'migration_failed', 'dropped'];
/** Statuses that only exist while a job runs: reached as soon as they are seen. */
const IN_FLIGHT: ReadonlySet<DatabaseStatus> = new Set(['pending', 'provisioning', 'dropping', 'migrating']);

export interface WaitForDatabaseOptions {
  /** The design whose database to wait for. */
  schemaId: string;
  /**
   * Statuses to wait for (default: any end of a job — ready, failed, migration_failed, dropped).
   * A settled status counts once no job is in flight: `ready` while a regeneration is queued is
   * not yet the regenerated database.
   */
  until?: readonly DatabaseStatus[];
  /** Give up after this long (default 5 minutes): rejects with a DatabaseWaitTimeoutError. */
  timeoutMs?: number;
  /** Stop waiting: rejects with the signal's reason. */
  signal?: AbortSignal;
}

/** The database did not reach the awaited status in time; `lastStatus` is what it was last. */
export class DatabaseWaitTimeoutError extends Error {
  override readonly name = 'DatabaseWaitTimeoutError';
  constructor(
    readonly schemaId: string,
    readonly until: readonly DatabaseStatus[],
    readonly lastStatus: DatabaseStatus | null,
  ) {
    super(
      `The database of ${schemaId} did not become ${until.join(' or ')} in time (last: ${lastStatus ?? 'no database'}).`,
    );
  }
}

/**
 * Resolves with the database's full status (as `databases.status` answers it) once it reaches one
 * of `until`. It listens to the `databases.events` subscription (server-sent events) instead of
 * polling: no loop to write, no interval to tune, and the answer comes the moment the job ends.
 * Rejects on timeout, on `signal`, or with the API's error (a design that is not yours: NOT_FOUND).
 */
export function waitForDatabase(
  client: Client,
  { schemaId, until = JOB_ENDED, timeoutMs = 300_000, signal }: WaitForDatabaseOptions,
): Promise<DatabaseResource> {
  return new Promise((resolve, reject) => {
    let subscription: { unsubscribe: () => void } | undefined;
    let lastStatus: DatabaseStatus | null = null;
    let finished = false;
    const finish = (outcome: () => void) => {
      if (finished) return;
      finished = true;
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      subscription?.unsubscribe();
      outcome();
    };
    const onAbort = () => finish(() => reject(signal?.reason));
    const timer = setTimeout(
      () => finish(() => reject(new DatabaseWaitTimeoutError(schemaId, until, lastStatus))),
      timeoutMs,
    );
    if (signal?.aborted) return onAbort();
    signal?.addEventListener('abort', onAbort, { once: true });
    subscription = client.databases.events.subscribe(
      { id: schemaId },
      {
        onData: (event) => {
          lastStatus = event.status;
          const reached =
            event.status !== null &&
            until.includes(event.status) &&
            (!event.busy || IN_FLIGHT.has(event.status));
          if (reached) finish(() => client.databases.status.query({ id: schemaId }).then(resolve, reject));
        },
        onError: (error) => finish(() => reject(error)),
      },
    );
    // A subscription that failed (or matched) synchronously is already finished: drop it now.
    if (finished) subscription.unsubscribe();
  });
}

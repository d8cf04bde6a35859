import { randomUUID } from 'node:crypto';
import type { DatabaseOperation, ProvisionedDatabaseRow, Queryable } from '@schema-builder/db';
import type { DatabaseServices } from './dependencies.ts';
import { statusAfter } from './lifecycle.ts';
import { type DatabasePatch, updateDatabase } from './repository.ts';

/** One metadata transaction; the queue writes its job with it too. */
export interface JobTransaction {
  db: Queryable;
}

export function inJobTransaction<T>(
  services: Pick<DatabaseServices, 'db'>,
  work: (tx: JobTransaction) => Promise<T>,
): Promise<T> {
  return services.db.transaction((db) => work({ db }));
}

/**
 * Points the row at a new job and queues it, in the caller's transaction: the row never waits
 * for a job that was not queued, and no job runs for a row that was not updated. The row takes
 * the operation's queued status (lifecycle.ts).
 */
export async function startJob(
  services: Pick<DatabaseServices, 'queue'>,
  tx: JobTransaction,
  row: Pick<ProvisionedDatabaseRow, 'id' | 'status'>,
  job: { operation: DatabaseOperation; patch?: DatabasePatch },
): Promise<ProvisionedDatabaseRow> {
  const jobId = randomUUID();
  const updated = await updateDatabase(tx.db, row.id, {
    ...job.patch,
    status: statusAfter(job.operation, 'queued', row.status),
    operation: job.operation,
    jobId,
    progress: null,
    lastError: null,
    lastErrorCode: null,
    lastErrorSqlState: null,
  });
  await services.queue.enqueue(tx.db, jobId, { databaseId: row.id, operation: job.operation });
  return updated;
}

import { randomUUID } from 'node:crypto';
import type {
  DatabaseOperation,
  DatabaseStatus,
  ProvisionedDatabaseRow,
  Queryable,
} from '@schema-builder/db';
import type { Services } from '../../trpc/context.ts';
import { type DatabasePatch, updateDatabase } from './repository.ts';

/** One metadata transaction; the queue writes its job with it too. */
export interface JobTransaction {
  db: Queryable;
}

export function inJobTransaction<T>(
  services: Pick<Services, 'db'>,
  work: (tx: JobTransaction) => Promise<T>,
): Promise<T> {
  return services.db.transaction((db) => work({ db }));
}

/**
 * Points the row at a new job and queues it, in the caller's transaction: the row never waits
 * for a job that was not queued, and no job runs for a row that was not updated.
 */
export async function startJob(
  services: Pick<Services, 'queue'>,
  tx: JobTransaction,
  row: Pick<ProvisionedDatabaseRow, 'id'>,
  job: { operation: DatabaseOperation; status: DatabaseStatus; patch?: DatabasePatch },
): Promise<ProvisionedDatabaseRow> {
  const jobId = randomUUID();
  const updated = await updateDatabase(tx.db, row.id, {
    ...job.patch,
    status: job.status,
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

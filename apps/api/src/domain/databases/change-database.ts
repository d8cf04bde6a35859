import type { DatabaseStatus, ProvisionedDatabaseRow, SchemaRow } from '@schema-builder/db';
import { generatePassword } from '@schema-builder/provisioning';
import type { DesignDocument } from '@schema-builder/schema-model/design';
import { AppError } from '../../errors/codes.ts';
import type { RequestOrigin } from '../audit/record-event.ts';
import { recordEvent } from '../audit/record-event.ts';
import type { User } from '../auth/principal.ts';
import { assertValidDesign } from '../schemas/design-check.ts';
import { findSchema, softDeleteSchema } from '../schemas/repository.ts';
import { schemaNotFound } from '../schemas/schema-not-found.ts';
import type { DatabaseServices } from './dependencies.ts';
import { describeDatabase } from './describe-database.ts';
import { databaseBusy, databaseIdNotFound, databaseNotFound, databaseNotReady } from './errors.ts';
import { canStart, RETRYABLE_STATUS, STATUS_TRAITS } from './lifecycle.ts';
import { detachDatabasesOfSchema, findDatabaseOfSchema, findOwnedDatabase } from './repository.ts';
import type { DatabaseRequest } from './request-provision.ts';
import type { DatabaseResource } from './resource.ts';
import { inJobTransaction, type JobTransaction, startJob } from './transaction.ts';

/**
 * The shape of every change to a design's database: the design must be the caller's, its live
 * database idle (404 without one, 409 while a job runs); `check` may refuse, then `queue` starts
 * the job, audited, in the same transaction.
 */
async function changeIdleDatabase(
  { services, user, origin, schemaId }: DatabaseRequest,
  change: {
    before?: (schema: SchemaRow) => void;
    check: (row: ProvisionedDatabaseRow) => void;
    job: (row: ProvisionedDatabaseRow, schema: SchemaRow) => Parameters<typeof startJob>[3];
  },
): Promise<DatabaseResource> {
  const schema = await findSchema(services.db, user.id, schemaId);
  if (!schema) throw schemaNotFound(schemaId);
  change.before?.(schema);
  const row = await inJobTransaction(services, async (tx) => {
    const current = await findDatabaseOfSchema(tx.db, user.id, schemaId, { forUpdate: true });
    if (!current) throw databaseNotFound(schemaId);
    if (current.jobId !== null) throw databaseBusy(current);
    change.check(current);
    const job = change.job(current, schema);
    await audit(tx, origin, user, current, { operation: job.operation });
    return startJob(services, tx, current, job);
  });
  return describeDatabase(services.db, row, schema.currentVersion);
}

export const REGENERATE_WARNING =
  'Regenerating drops the database with every row in it and rebuilds it empty from the current version.';

/** Drop and rebuild from the current version, keeping the role and its password. Needs `confirm`. */
export async function regenerateDatabase(
  request: DatabaseRequest & { confirm: boolean },
): Promise<DatabaseResource & { warning: string }> {
  const resource = await changeIdleDatabase(request, {
    before: (schema) => {
      if (!request.confirm)
        throw new AppError(
          'CONFIRMATION_REQUIRED',
          `${REGENERATE_WARNING} Send "confirm": true to go ahead.`,
          {
            details: [
              {
                path: 'confirm',
                code: 'CONFIRMATION_REQUIRED',
                message: 'Must be true: all data will be lost.',
              },
            ],
          },
        );
      assertValidDesign(schema.definition as DesignDocument);
    },
    check: (row) => {
      if (!canStart('regenerate', row.status)) throw databaseNotReady(row, 'regenerating');
    },
    job: (_row, schema) => ({
      operation: 'regenerate',
      patch: { targetVersion: schema.currentVersion },
    }),
  });
  return { ...resource, warning: REGENERATE_WARNING };
}

/** Runs a failed job again: the same operation, from wherever the failure left things. */
export function retryDatabase(request: DatabaseRequest): Promise<DatabaseResource> {
  return changeIdleDatabase(request, {
    check: (row) => {
      if (row.status !== RETRYABLE_STATUS)
        throw new AppError(
          'DATABASE_NOT_READY',
          `Database ${row.databaseName} is ${row.status}, not failed: nothing to retry.`,
          {
            details: [
              { path: 'id', code: 'DATABASE_NOT_READY', message: 'Only a failed database can be retried.' },
            ],
          },
        );
    },
    job: (row) => ({ operation: row.operation }),
  });
}

/** Issues a new password; the credentials endpoint returns it once the worker has set it. */
export function rotateCredentials(request: DatabaseRequest): Promise<DatabaseResource> {
  return changeIdleDatabase(request, {
    check: (row) => {
      if (!canStart('rotate', row.status)) throw databaseNotReady(row, 'rotating its credentials');
    },
    job: (row) => ({
      operation: 'rotate',
      patch: { nextPasswordSealed: request.services.secrets.seal(generatePassword(), row.id) },
    }),
  });
}

/** DELETE /databases/{id}: drops a database, detached ones included. */
export async function dropOwnedDatabase({
  services,
  user,
  origin,
  databaseId,
}: Omit<DatabaseRequest, 'schemaId'> & { databaseId: string }): Promise<DatabaseResource> {
  const row = await inJobTransaction(services, async (tx) => {
    const current = await findOwnedDatabase(tx.db, user.id, databaseId, { forUpdate: true });
    if (!current || STATUS_TRAITS[current.status].final) throw databaseIdNotFound(databaseId);
    return startDrop(services, tx, origin, user, current);
  });
  return describeDatabase(services.db, row, null);
}

async function startDrop(
  services: Pick<DatabaseServices, 'queue'>,
  tx: JobTransaction,
  origin: RequestOrigin,
  user: User,
  row: ProvisionedDatabaseRow,
): Promise<ProvisionedDatabaseRow> {
  if (row.jobId !== null) throw databaseBusy(row);
  if (!canStart('drop', row.status)) throw databaseNotReady(row, 'dropping');
  await audit(tx, origin, user, row, { operation: 'drop' });
  return startJob(services, tx, row, { operation: 'drop' });
}

/**
 * DELETE /schemas/{id}: soft-deletes the design. Its database is dropped with `dropDatabase`,
 * otherwise kept and reported as detached (GET /databases lists it; DELETE /databases/{id} drops it).
 */
export async function deleteSchemaAndDatabase({
  services,
  user,
  origin,
  schemaId,
  dropDatabase,
}: DatabaseRequest & { dropDatabase: boolean }) {
  return inJobTransaction(services, async (tx) => {
    const deletedAt = await softDeleteSchema(tx.db, user.id, schemaId);
    if (!deletedAt) throw schemaNotFound(schemaId);
    await recordEvent(tx.db, origin, {
      userId: user.id,
      action: 'schema.deleted',
      resourceType: 'schema',
      resourceId: schemaId,
      details: { dropDatabase },
    });
    const row = await findDatabaseOfSchema(tx.db, user.id, schemaId, { forUpdate: true });
    let database: { id: string; status: DatabaseStatus; detached: boolean } | null = null;
    if (row && dropDatabase) {
      const dropping = await startDrop(services, tx, origin, user, row);
      database = { id: dropping.id, status: dropping.status, detached: false };
    } else if (row) {
      await detachDatabasesOfSchema(tx.db, user.id, schemaId);
      database = { id: row.id, status: row.status, detached: true };
    }
    return { id: schemaId, deletedAt: deletedAt.toISOString(), database };
  });
}

function audit(
  tx: JobTransaction,
  origin: RequestOrigin,
  user: User,
  row: ProvisionedDatabaseRow,
  details: Record<string, unknown>,
) {
  return recordEvent(tx.db, origin, {
    userId: user.id,
    action: 'database.requested',
    resourceType: 'database',
    resourceId: row.id,
    details: { schemaId: row.schemaId, database: row.databaseName, ...details },
  });
}

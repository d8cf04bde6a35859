import type { ProvisionedDatabaseRow } from '@schema-builder/db';
import { generatePassword } from '@schema-builder/provisioning';
import type { DesignDocument } from '@schema-builder/schema-model';
import { AppError } from '../../errors/codes.ts';
import type { Services, User } from '../../trpc/context.ts';
import type { RequestOrigin } from '../audit/record-event.ts';
import { recordEvent } from '../audit/record-event.ts';
import { assertValidDesign } from '../schemas/design-check.ts';
import { findSchema, softDeleteSchema } from '../schemas/repository.ts';
import { schemaNotFound } from '../schemas/schema-not-found.ts';
import { databaseBusy, databaseIdNotFound, databaseNotFound, databaseNotReady } from './errors.ts';
import { detachDatabasesOfSchema, findDatabaseOfSchema, findOwnedDatabase } from './repository.ts';
import type { DatabaseRequest } from './request-provision.ts';
import { type DatabaseResource, toResource } from './resource.ts';
import { inJobTransaction, type JobTransaction, startJob } from './transaction.ts';

/** Locks the design's live database for a change; 404 without one, 409 while a job runs. */
async function lockIdle(tx: JobTransaction, user: User, schemaId: string): Promise<ProvisionedDatabaseRow> {
  const row = await findDatabaseOfSchema(tx.db, user.id, schemaId, { forUpdate: true });
  if (!row) throw databaseNotFound(schemaId);
  if (row.jobId !== null) throw databaseBusy(row);
  return row;
}

export const REGENERATE_WARNING =
  'Regenerating drops the database with every row in it and rebuilds it empty from the current version.';

/** Drop and rebuild from the current version, keeping the role and its password. Needs `confirm`. */
export async function regenerateDatabase({
  services,
  user,
  origin,
  schemaId,
  confirm,
}: DatabaseRequest & { confirm: boolean }): Promise<DatabaseResource & { warning: string }> {
  const schema = await findSchema(services.db, user.id, schemaId);
  if (!schema) throw schemaNotFound(schemaId);
  if (!confirm)
    throw new AppError('CONFIRMATION_REQUIRED', `${REGENERATE_WARNING} Send "confirm": true to go ahead.`, {
      details: [
        { path: 'confirm', code: 'CONFIRMATION_REQUIRED', message: 'Must be true: all data will be lost.' },
      ],
    });
  assertValidDesign(schema.definition as DesignDocument);
  const row = await inJobTransaction(services, async (tx) => {
    const current = await lockIdle(tx, user, schemaId);
    if (current.status === 'dropping') throw databaseNotReady(current, 'regenerating');
    await audit(tx, origin, user, current, 'database.requested', { operation: 'regenerate' });
    return startJob(services, tx, current, {
      operation: 'regenerate',
      status: 'pending',
      patch: { targetVersion: schema.currentVersion },
    });
  });
  return { ...toResource(row, schema.currentVersion), warning: REGENERATE_WARNING };
}

/** Runs a failed job again: the same operation, from wherever the failure left things. */
export async function retryDatabase({
  services,
  user,
  origin,
  schemaId,
}: DatabaseRequest): Promise<DatabaseResource> {
  const schema = await findSchema(services.db, user.id, schemaId);
  if (!schema) throw schemaNotFound(schemaId);
  const row = await inJobTransaction(services, async (tx) => {
    const current = await lockIdle(tx, user, schemaId);
    if (current.status !== 'failed')
      throw new AppError(
        'DATABASE_NOT_READY',
        `Database ${current.databaseName} is ${current.status}, not failed: nothing to retry.`,
        {
          details: [
            { path: 'id', code: 'DATABASE_NOT_READY', message: 'Only a failed database can be retried.' },
          ],
        },
      );
    await audit(tx, origin, user, current, 'database.requested', {
      operation: current.operation,
      retry: true,
    });
    return startJob(services, tx, current, {
      operation: current.operation,
      status: current.operation === 'drop' ? 'dropping' : 'pending',
    });
  });
  return toResource(row, schema.currentVersion);
}

/** Issues a new password; the credentials endpoint returns it once the worker has set it. */
export async function rotateCredentials({
  services,
  user,
  origin,
  schemaId,
}: DatabaseRequest): Promise<DatabaseResource> {
  const schema = await findSchema(services.db, user.id, schemaId);
  if (!schema) throw schemaNotFound(schemaId);
  const row = await inJobTransaction(services, async (tx) => {
    const current = await lockIdle(tx, user, schemaId);
    if (current.status !== 'ready' && current.status !== 'migration_failed')
      throw databaseNotReady(current, 'rotating its credentials');
    await audit(tx, origin, user, current, 'database.requested', { operation: 'rotate' });
    return startJob(services, tx, current, {
      operation: 'rotate',
      status: current.status,
      patch: { nextPasswordSealed: services.secrets.seal(generatePassword(), current.id) },
    });
  });
  return toResource(row, schema.currentVersion);
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
    if (!current || current.status === 'dropped') throw databaseIdNotFound(databaseId);
    return startDrop(services, tx, origin, user, current);
  });
  return toResource(row, null);
}

async function startDrop(
  services: Services,
  tx: JobTransaction,
  origin: RequestOrigin,
  user: User,
  row: ProvisionedDatabaseRow,
): Promise<ProvisionedDatabaseRow> {
  if (row.jobId !== null) throw databaseBusy(row);
  await audit(tx, origin, user, row, 'database.requested', { operation: 'drop' });
  return startJob(services, tx, row, { operation: 'drop', status: 'dropping' });
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
    let database: { id: string; status: string; detached: boolean } | null = null;
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
  action: 'database.requested',
  details: Record<string, unknown>,
) {
  return recordEvent(tx.db, origin, {
    userId: user.id,
    action,
    resourceType: 'database',
    resourceId: row.id,
    details: { schemaId: row.schemaId, database: row.databaseName, ...details },
  });
}

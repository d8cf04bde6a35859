import type { ProvisionedDatabaseRow } from '@schema-builder/db';
import { AppError } from '../../errors/codes.ts';

export function databaseNotFound(schemaId: string): AppError {
  return new AppError('DATABASE_NOT_FOUND', `Schema ${schemaId} has no database: create it first.`, {
    details: [{ path: 'id', code: 'DATABASE_NOT_FOUND', message: 'This design has no database.' }],
  });
}

export function databaseIdNotFound(id: string): AppError {
  return new AppError('DATABASE_NOT_FOUND', `No database with id ${id}.`, {
    details: [{ path: 'databaseId', code: 'DATABASE_NOT_FOUND', message: 'No such database.' }],
  });
}

/** A job is queued or running for the database: one change at a time. */
export function databaseBusy(row: ProvisionedDatabaseRow): AppError {
  return new AppError(
    'DATABASE_BUSY',
    `Database ${row.databaseName} is busy (${row.operation}, ${row.status}); try again when it is done.`,
    { details: [{ path: 'id', code: 'DATABASE_BUSY', message: `A ${row.operation} job is in progress.` }] },
  );
}

export function databaseNotReady(row: ProvisionedDatabaseRow, wanted: string): AppError {
  return new AppError(
    'DATABASE_NOT_READY',
    `Database ${row.databaseName} is ${row.status}; ${wanted} needs it ready.`,
    { details: [{ path: 'id', code: 'DATABASE_NOT_READY', message: `The database is ${row.status}.` }] },
  );
}

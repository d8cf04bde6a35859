/**
 * Why a database's last job failed, stored beside its readable `last_error` so clients can
 * branch on it. The first five are the provisioning engine's own (`ProvisioningErrorCode` in
 * @schema-builder/provisioning, kept equal by a type check there); the rest are decided by the
 * worker or the API.
 */
export const DATABASE_FAILURE_CODES = [
  'NOT_OURS',
  'VERSION_MISMATCH',
  'DDL_FAILED',
  'MIGRATION_FAILED',
  'SERVER_ERROR',
  'WORKER_ERROR',
  'JOB_UNSTARTABLE',
  'WORKER_LOST',
] as const;
export type DatabaseFailureCode = (typeof DATABASE_FAILURE_CODES)[number];

/** What each failure code means, for the status endpoint's documentation and docs/provisioning.md. */
export const DATABASE_FAILURE_MEANINGS = {
  NOT_OURS: 'A role or database with the design’s name exists on the server but was not created for it.',
  VERSION_MISMATCH: 'The database holds another version of the design than the job expected.',
  DDL_FAILED: 'The design’s DDL failed on the server; nothing of it was kept (`lastErrorSqlState` says why).',
  MIGRATION_FAILED:
    'A migration step failed; its phase was rolled back and the database stays at its version.',
  SERVER_ERROR:
    'The target server refused or failed an operation: down, out of disk, permissions, a timeout.',
  WORKER_ERROR: 'The worker failed for a reason of its own (its log has the detail).',
  JOB_UNSTARTABLE: 'The API could not prepare the job (e.g. its design version no longer validates).',
  WORKER_LOST: 'The worker stopped responding on every attempt; what it created is removed.',
} as const satisfies Record<DatabaseFailureCode, string>;

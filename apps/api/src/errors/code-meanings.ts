import type { ErrorCode } from './codes.ts';

/**
 * What each error code means, for the OpenAPI document (`x-enum-descriptions` and the table in
 * `error.code`'s description). Exhaustive: a new code without its meaning does not compile.
 */
export const ERROR_CODE_MEANINGS = {
  VALIDATION_ERROR: 'The input broke a rule; `details` locates each problem.',
  DESIGN_TOO_LARGE: 'The design has more tables, columns or bytes than this server accepts.',
  UNSUPPORTED_DATA_TYPE: 'A column uses a data type the design format does not know.',
  FOREIGN_KEY_ERROR: 'A foreign key names a table or column that does not exist, or types that differ.',
  CONNECTION_FAILED: 'The saved connection could not reach its database (stable probe code in `details`).',
  INVALID_JSON: 'The body is not valid JSON.',
  BAD_REQUEST: 'The request cannot be read (e.g. a malformed parameter).',
  SCHEMA_NOT_FOUND: 'No design of yours has this id.',
  VERSION_NOT_FOUND: 'The design has no such version.',
  ROUTE_NOT_FOUND: 'No route at this path.',
  UNAUTHORIZED: 'No valid session token or API key was sent.',
  INVALID_CREDENTIALS: 'E-mail or password is wrong.',
  FORBIDDEN: 'The credentials are valid but may not do this (e.g. a worker key on a user route).',
  API_KEY_NOT_FOUND: 'No API key of yours has this id.',
  CONNECTION_NOT_FOUND: 'No connection of yours has this id.',
  CATALOG_OBJECT_NOT_FOUND: 'The last sync saw no such database, table or column.',
  CONNECTION_INACTIVE: 'The connection is switched off (`active: false`).',
  EMAIL_TAKEN: 'An account with this e-mail exists.',
  RATE_LIMITED: 'Too many requests; wait for `Retry-After` seconds.',
  METHOD_NOT_ALLOWED: 'The path exists but not with this method; `Allow` lists the methods.',
  DUPLICATE_NAME: 'You already have one with this name.',
  VERSION_CONFLICT: '`expectedVersion` is not the current version: someone saved in between.',
  PAYLOAD_TOO_LARGE: 'The body is larger than this server accepts.',
  UNSUPPORTED_MEDIA_TYPE: 'The body is not `application/json`.',
  DATABASE_NOT_FOUND: 'The design has no database (or no database of yours has this id).',
  DATABASE_EXISTS: 'The design already has a database.',
  DATABASE_BUSY: 'A job is running on this database; wait for its status to settle.',
  DATABASE_NOT_READY: 'The database is not in a state that allows this (see its status).',
  CONFIRMATION_REQUIRED: 'This destroys data: send `"confirm": true`.',
  MIGRATION_REFUSED: 'The migration would fail or lose data; `details` says which steps and why.',
  JOB_NOT_ACTIVE: 'The job is no longer held by this worker.',
  SERVICE_UNAVAILABLE: 'A dependency is down or the server is not configured for this.',
  INTERNAL_ERROR: 'An unexpected failure; quote `requestId` when reporting it.',
} as const satisfies Record<ErrorCode, string>;

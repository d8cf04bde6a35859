import type { ErrorCode } from './codes.ts';

/**
 * What each error code means, for the OpenAPI document (`x-enum-descriptions` and the table in
 * `error.code`'s description), in step with the error table of docs/api.md. Exhaustive: a new code without
 * its meaning does not compile.
 */
export const ERROR_CODE_MEANINGS = {
  VALIDATION_ERROR: 'The request or the design is invalid; `details` lists every problem, located.',
  DESIGN_TOO_LARGE: 'More tables or columns than the configured limits.',
  UNSUPPORTED_DATA_TYPE: 'The design is invalid and its only problems are unknown data types.',
  FOREIGN_KEY_ERROR: 'The design is invalid and its only problems are in foreign keys.',
  CONNECTION_FAILED: 'A sync or import could not read the database; `details[0].code` says why.',
  INVALID_JSON: 'The body is not valid JSON.',
  BAD_REQUEST: 'The request is malformed in another way.',
  SCHEMA_NOT_FOUND: 'No such design for you (deleted, never existed, or not yours).',
  VERSION_NOT_FOUND: 'The design has no such version.',
  ROUTE_NOT_FOUND: 'No route at this path.',
  UNAUTHORIZED: 'No, unknown, revoked or expired credentials.',
  INVALID_CREDENTIALS: 'Wrong e-mail or password.',
  FORBIDDEN: 'Credentials that may not call this route (a worker key on a user route).',
  API_KEY_NOT_FOUND: 'No such active API key of yours.',
  CONNECTION_NOT_FOUND: 'No such saved connection of yours.',
  CATALOG_OBJECT_NOT_FOUND: 'The last sync saw no such database, table or column.',
  CONNECTION_INACTIVE: 'The connection is deactivated (`active: false`): no sync or import.',
  EMAIL_TAKEN: 'An account with this e-mail exists.',
  RATE_LIMITED: 'Rate limit or sign-in lockout; wait for `Retry-After` seconds.',
  METHOD_NOT_ALLOWED: 'The path exists but not with this method; `Allow` lists the methods.',
  DUPLICATE_NAME: 'You already have a live design (or connection) with that name.',
  VERSION_CONFLICT: '`expectedVersion` is stale; `details` names the current version.',
  PRECONDITION_FAILED: '`If-Match` names an ETag that is no longer current; nothing was changed.',
  PAYLOAD_TOO_LARGE: "The body is larger than the server's `BODY_LIMIT`.",
  UNSUPPORTED_MEDIA_TYPE: 'The body is not `application/json`.',
  DATABASE_NOT_FOUND: 'The design has no database (or no such database id of yours).',
  DATABASE_EXISTS: 'The design already has a database: regenerate, migrate, retry or drop it.',
  DATABASE_BUSY: 'A job is queued or running for the database (or its password is being rotated).',
  DATABASE_NOT_READY: 'The database is not in a state for this (e.g. retry of a database that did not fail).',
  CONFIRMATION_REQUIRED: 'Regenerate without `"confirm": true` (it deletes all data).',
  MIGRATION_REFUSED:
    'The migration would fail on live rows, destroy data without `allowHazards`, or cannot be expressed; `details` has the findings.',
  JOB_NOT_ACTIVE: '(Workers) no database waits for that job any more.',
  SERVICE_UNAVAILABLE: 'The metadata database does not answer, or a target server is not configured here.',
  INTERNAL_ERROR: 'A bug: the body has only the request id; the log has the detail.',
} as const satisfies Record<ErrorCode, string>;

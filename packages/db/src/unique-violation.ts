import type { USERS_EMAIL_KEY } from './schema/auth.ts';
import type { CONNECTIONS_OWNER_NAME_KEY } from './schema/connections.ts';
import type { DATABASES_SCHEMA_LIVE_KEY } from './schema/databases.ts';
import type { SCHEMAS_OWNER_NAME_LIVE_KEY } from './schema/designs.ts';

/** The unique constraints callers recover from (a race or a taken name), by their exported names. */
export type UniqueConstraint =
  | typeof USERS_EMAIL_KEY
  | typeof SCHEMAS_OWNER_NAME_LIVE_KEY
  | typeof CONNECTIONS_OWNER_NAME_KEY
  | typeof DATABASES_SCHEMA_LIVE_KEY;

/**
 * True when `error` (or a cause of it) is PostgreSQL's unique violation (SQLSTATE 23505) on
 * `constraint`, as postgres.js reports it (`constraint_name`); Drizzle wraps it as the cause.
 */
export function isUniqueViolation(error: unknown, constraint: UniqueConstraint): boolean {
  for (let current: unknown = error; current; current = (current as { cause?: unknown }).cause) {
    const candidate = current as { code?: unknown; constraint_name?: unknown };
    if (candidate.code === '23505' && candidate.constraint_name === constraint) return true;
  }
  return false;
}

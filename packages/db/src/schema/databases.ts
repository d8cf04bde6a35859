import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { DatabaseFailureCode } from './database-failures.ts';
import { schemas } from './designs.ts';

/** Where a provisioned database is in its life; `dropped` rows stay as history. */
export const DATABASE_STATUSES = [
  'pending',
  'provisioning',
  'ready',
  'failed',
  'dropping',
  'dropped',
  'migrating',
  'migration_failed',
] as const;
export type DatabaseStatus = (typeof DATABASE_STATUSES)[number];

/** The status column holds nothing but these (a CHECK): a typo in a write fails there, not in a reader. */
export const DATABASES_STATUS_CHECK = 'databases_status_check';

/** The kinds of job the worker runs on a database. */
export const DATABASE_OPERATIONS = ['provision', 'regenerate', 'drop', 'rotate', 'migrate'] as const;
export type DatabaseOperation = (typeof DATABASE_OPERATIONS)[number];

/** One live (not dropped) database per design: two requests at once end on it. */
export const DATABASES_SCHEMA_LIVE_KEY = 'databases_schema_live_key';

/**
 * A database provisioned from a design, on one target server. The row is written before the
 * worker creates anything, so the reconciler never mistakes a database being built for an orphan.
 */
export const provisionedDatabases = pgTable(
  'databases',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    // Designs are soft-deleted; a database kept after its design is deleted is "detached".
    schemaId: uuid('schema_id')
      .notNull()
      .references(() => schemas.id, { onDelete: 'cascade' }),
    ownerId: uuid('owner_id').notNull(),
    /** The configured target server's name. */
    target: text('target').notNull(),
    databaseName: text('database_name').notNull(),
    roleName: text('role_name').notNull(),
    /** The role's password, sealed (AES-256-GCM, AAD = row id). Never returned but by the credentials endpoint. */
    passwordSealed: text('password_sealed').notNull(),
    /** The password a rotation in flight is setting; it replaces `password_sealed` when the job completes. */
    nextPasswordSealed: text('next_password_sealed'),
    status: text('status').$type<DatabaseStatus>().notNull(),
    /** The job in flight, or the last one run (so a failure says what failed and `retry` knows what to redo). */
    operation: text('operation').$type<DatabaseOperation>().notNull(),
    /** The queue job in flight; null when the database is idle. */
    jobId: uuid('job_id'),
    /** The design version the database holds; null until it is first built. */
    version: integer('version'),
    /** The version the job in flight builds or migrates to. */
    targetVersion: integer('target_version').notNull(),
    /** The last step the worker reported, e.g. `database`. */
    progress: text('progress'),
    /** Readable, without secrets or the server's own text (that stays in the worker's log). */
    lastError: text('last_error'),
    /** Why the last job failed, as a code clients branch on; null unless it failed. */
    lastErrorCode: text('last_error_code').$type<DatabaseFailureCode>(),
    /** The PostgreSQL SQLSTATE of the last failure, when the server reported one. */
    lastErrorSqlState: text('last_error_sql_state'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    readyAt: timestamp('ready_at', { withTimezone: true }),
    droppedAt: timestamp('dropped_at', { withTimezone: true }),
    /** Set when the design was deleted and the database kept. */
    detachedAt: timestamp('detached_at', { withTimezone: true }),
  },
  (t) => [
    // One live database per design; names are unique per server among live rows.
    uniqueIndex(DATABASES_SCHEMA_LIVE_KEY).on(t.schemaId).where(sql`${t.status} <> 'dropped'`),
    uniqueIndex('databases_target_database_live_key')
      .on(t.target, t.databaseName)
      .where(sql`${t.status} <> 'dropped'`),
    uniqueIndex('databases_target_role_live_key')
      .on(t.target, t.roleName)
      .where(sql`${t.status} <> 'dropped'`),
    index('databases_owner_idx').on(t.ownerId, t.createdAt),
    // The literals are this file's own constants (drizzle-kit writes a check's SQL as text, without parameters).
    check(
      DATABASES_STATUS_CHECK,
      sql`${t.status} IN (${sql.raw(DATABASE_STATUSES.map((status) => `'${status}'`).join(', '))})`,
    ),
  ],
);

export type ProvisionedDatabaseRow = typeof provisionedDatabases.$inferSelect;

/**
 * What is left of a `databases` row that was deleted (with its design's row, by an operator):
 * written by a trigger on `databases` (see the migration), whatever deletes the row, so the
 * reconciler still has positive evidence that what that row's jobs created on the server is this
 * deployment's and dead, and may be dropped.
 */
export const databaseTombstones = pgTable(
  'database_tombstones',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    target: text('target').notNull(),
    databaseName: text('database_name').notNull(),
    roleName: text('role_name').notNull(),
    removedAt: timestamp('removed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('database_tombstones_target_database_idx').on(t.target, t.databaseName)],
);

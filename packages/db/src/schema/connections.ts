import { boolean, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/** A saved connection's name is unique per owner. */
export const CONNECTIONS_OWNER_NAME_KEY = 'connections_owner_name_key';

/**
 * Saved connections to users' own databases. The password or connection string is sealed
 * (AES-256-GCM, bound to the row id) and never leaves the service.
 */
export const connections = pgTable(
  'connections',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ownerId: uuid('owner_id').notNull(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    type: text('type').notNull(),
    host: text('host'),
    port: integer('port'),
    database: text('database'),
    username: text('username'),
    /** Sealed password, or sealed connection string when `uses_connection_string`. */
    secretSealed: text('secret_sealed'),
    usesConnectionString: boolean('uses_connection_string').notNull().default(false),
    /** PostgreSQL TLS: disable | prefer | require | verify-full (libpq's sslmode names). */
    sslMode: text('ssl_mode').notNull().default('prefer'),
    /** PEM certificates trusted for verify-full, beside the system's (e.g. a cloud's CA bundle). */
    sslRootCert: text('ssl_root_cert'),
    color: text('color'),
    active: boolean('active').notNull().default(true),
    lastTestedAt: timestamp('last_tested_at', { withTimezone: true }),
    lastTestResult: text('last_test_result'),
    /** Milliseconds the last successful test took to connect; null when it failed or never ran. */
    lastTestLatencyMs: integer('last_test_latency_ms'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex(CONNECTIONS_OWNER_NAME_KEY).on(t.ownerId, t.name),
    index('connections_owner_created_idx').on(t.ownerId, t.createdAt.desc().nullsFirst()),
  ],
);

export type ConnectionRow = typeof connections.$inferSelect;

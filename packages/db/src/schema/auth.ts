import { sql } from 'drizzle-orm';
import { index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/** One account per e-mail address, compared case-insensitively (sign-up races end on it). */
export const USERS_EMAIL_KEY = 'users_email_key';

/**
 * Accounts. `password_hash` (argon2id) is null for users who come from a trusted proxy;
 * `external_id` is the proxy's id for them.
 */
export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    email: text('email'),
    name: text('name').notNull().default(''),
    passwordHash: text('password_hash'),
    externalId: text('external_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex(USERS_EMAIL_KEY).on(sql`lower(${t.email})`),
    uniqueIndex('users_external_id_key').on(t.externalId),
  ],
);

/** Sign-in sessions: opaque bearer tokens, stored only as their SHA-256. */
export const sessions = pgTable(
  'sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('sessions_token_hash_key').on(t.tokenHash), index('sessions_user_idx').on(t.userId)],
);

/**
 * API keys, stored only as their SHA-256 (shown once at creation). `user` keys act as their
 * user; `worker` keys (no user) may only call worker procedures.
 */
export const apiKeys = pgTable(
  'api_keys',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    scope: text('scope').notNull(),
    /** The key's first characters, so a user can tell keys apart. */
    prefix: text('prefix').notNull(),
    keyHash: text('key_hash').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('api_keys_key_hash_key').on(t.keyHash), index('api_keys_user_idx').on(t.userId)],
);

/**
 * Failed sign-ins per e-mail address and client address (IPv6 by its /64), for a backoff that
 * holds across API instances and slows a guesser without locking the owner out elsewhere.
 * `window_started_at`: the first failure the count includes; `locked_until`: the backoff's end.
 * Rows whose window and wait are over mean nothing any more and are pruned as failures come in.
 */
export const signInFailures = pgTable(
  'sign_in_failures',
  {
    email: text('email').notNull(),
    address: text('address').notNull(),
    failures: integer('failures').notNull().default(0),
    windowStartedAt: timestamp('window_started_at', { withTimezone: true }).notNull().defaultNow(),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.email, t.address] }),
    index('sign_in_failures_window_idx').on(t.windowStartedAt),
  ],
);

/**
 * Failed sign-ins per e-mail address from every client address: the ceiling that stops a guesser
 * spread over many addresses (far above what one address may try, so it is no lockout tool).
 */
export const signInAccountFailures = pgTable(
  'sign_in_account_failures',
  {
    email: text('email').primaryKey(),
    failures: integer('failures').notNull().default(0),
    windowStartedAt: timestamp('window_started_at', { withTimezone: true }).notNull().defaultNow(),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
  },
  (t) => [index('sign_in_account_failures_window_idx').on(t.windowStartedAt)],
);

export type UserRow = typeof users.$inferSelect;
export type ApiKeyRow = typeof apiKeys.$inferSelect;

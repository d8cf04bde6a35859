import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { connections } from './connections.ts';

/**
 * What the last sync saw of a saved connection: one row per database, table or view, and column,
 * keyed by its path (`shop`, `shop/orders`, `shop/orders/total`), with its details as JSON.
 */
export const catalogObjects = pgTable(
  'catalog_objects',
  {
    connectionId: uuid('connection_id')
      .notNull()
      .references(() => connections.id, { onDelete: 'cascade' }),
    path: text('path').notNull(),
    /** `database`, `table`, `view` or `column`. */
    kind: text('kind').notNull(),
    /** The parent's path ('' for databases), for listing one level of the tree. */
    parentPath: text('parent_path').notNull(),
    name: text('name').notNull(),
    details: jsonb('details').$type<Record<string, unknown>>().notNull(),
    firstSeenAt: timestamp('first_seen_at', { withTimezone: true }).notNull().defaultNow(),
    changedAt: timestamp('changed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('catalog_objects_connection_path_key').on(t.connectionId, t.path),
    index('catalog_objects_parent_idx').on(t.connectionId, t.parentPath),
  ],
);

/** Every sync of a connection: when, and what it found added, removed and changed. */
export const catalogSyncs = pgTable(
  'catalog_syncs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    connectionId: uuid('connection_id')
      .notNull()
      .references(() => connections.id, { onDelete: 'cascade' }),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    finishedAt: timestamp('finished_at', { withTimezone: true }).notNull().defaultNow(),
    added: integer('added').notNull(),
    removed: integer('removed').notNull(),
    changed: integer('changed').notNull(),
    /** The paths added, removed and changed (with the changed fields). */
    changes: jsonb('changes').$type<Record<string, unknown>>().notNull(),
  },
  (t) => [index('catalog_syncs_connection_idx').on(t.connectionId, t.finishedAt.desc().nullsFirst())],
);

export type CatalogObjectRow = typeof catalogObjects.$inferSelect;
export type CatalogSyncRow = typeof catalogSyncs.$inferSelect;

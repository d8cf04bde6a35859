import { sql } from 'drizzle-orm';
import {
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

/** A design's name is unique per owner among live (not deleted) designs. */
export const SCHEMAS_OWNER_NAME_LIVE_KEY = 'schemas_owner_name_live_key';

/** A stored design: its metadata and the current document. One row per design, soft-deleted. */
export const schemas = pgTable(
  'schemas',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ownerId: uuid('owner_id').notNull(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    status: text('status').notNull().default('draft'),
    currentVersion: integer('current_version').notNull().default(1),
    definition: jsonb('definition').$type<Record<string, unknown>>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
  },
  (t) => [
    // Names are unique per owner among live designs; a deleted design frees its name.
    uniqueIndex(SCHEMAS_OWNER_NAME_LIVE_KEY).on(t.ownerId, t.name).where(sql`${t.deletedAt} IS NULL`),
    // The list query: an owner's live designs, newest first (the default sort).
    index('schemas_owner_updated_live_idx')
      .on(t.ownerId, t.updatedAt.desc().nullsFirst())
      .where(sql`${t.deletedAt} IS NULL`),
    index('schemas_owner_created_live_idx')
      .on(t.ownerId, t.createdAt.desc().nullsFirst())
      .where(sql`${t.deletedAt} IS NULL`),
  ],
);

/** Every saved version of a design's document, immutable. */
export const schemaVersions = pgTable(
  'schema_versions',
  {
    schemaId: uuid('schema_id')
      .notNull()
      .references(() => schemas.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    definition: jsonb('definition').$type<Record<string, unknown>>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    createdBy: uuid('created_by').notNull(),
    changeNote: text('change_note'),
  },
  (t) => [primaryKey({ columns: [t.schemaId, t.version] })],
);

export type SchemaRow = typeof schemas.$inferSelect;
export type SchemaVersionRow = typeof schemaVersions.$inferSelect;

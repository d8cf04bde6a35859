import { sql } from 'drizzle-orm';
import { boolean, check, pgTable, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * This installation's identity: one row, its id generated the first time the API starts on this
 * metadata database. Every marker on the target servers carries it (beside the configured
 * DEPLOYMENT_ID, which two installations may share), so two metadata databases never mistake
 * each other's databases, roles or warm pool for their own.
 */
export const deployment = pgTable(
  'deployment',
  {
    /** Always true: the primary key that makes this table hold one row at most. */
    singleton: boolean('singleton').primaryKey().default(true),
    id: uuid('id').notNull().defaultRandom(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('deployment_singleton', sql`${t.singleton}`)],
);

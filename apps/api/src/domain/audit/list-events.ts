import type { Database } from '@schema-builder/db';
import { auditEvents } from '@schema-builder/db';
import { and, eq, getTableColumns } from 'drizzle-orm';
import type { KeysetOrder } from '../pagination/keyset.ts';
import { afterCursor, cursorKeyOf, orderOf, rowsFor, toPage } from '../pagination/keyset.ts';
import type { PageInput } from '../pagination/page.ts';

export interface ListEventsOptions extends PageInput {
  db: Database;
  userId: string;
}

const ORDER: KeysetOrder = {
  name: 'audit-events',
  columns: [auditEvents.createdAt, auditEvents.id],
  direction: 'desc',
};

/** A user's own audit trail, newest first. */
export async function listEvents({ db, userId, ...page }: ListEventsOptions) {
  const rows = await db
    .select({ ...getTableColumns(auditEvents), cursorKey: cursorKeyOf(ORDER) })
    .from(auditEvents)
    .where(and(eq(auditEvents.userId, userId), afterCursor(ORDER, page.cursor)))
    .orderBy(...orderOf(ORDER))
    .limit(rowsFor(page));
  return toPage(ORDER, page, rows, (row) => ({
    id: String(row.id),
    action: row.action,
    resourceType: row.resourceType,
    resourceId: row.resourceId,
    details: row.details,
    requestId: row.requestId,
    ip: row.ip,
    createdAt: row.createdAt.toISOString(),
  }));
}

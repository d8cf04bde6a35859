import type { Database } from '@schema-builder/db';
import { auditEvents } from '@schema-builder/db';
import { count, desc, eq } from 'drizzle-orm';

export interface ListEventsOptions {
  db: Database;
  userId: string;
  page: number;
  pageSize: number;
}

/** A user's own audit trail, newest first. */
export async function listEvents({ db, userId, page, pageSize }: ListEventsOptions) {
  const where = eq(auditEvents.userId, userId);
  const [rows, totals] = await Promise.all([
    db
      .select()
      .from(auditEvents)
      .where(where)
      .orderBy(desc(auditEvents.createdAt), desc(auditEvents.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ total: count() }).from(auditEvents).where(where),
  ]);
  return {
    items: rows.map((row) => ({
      id: String(row.id),
      action: row.action,
      resourceType: row.resourceType,
      resourceId: row.resourceId,
      details: row.details,
      requestId: row.requestId,
      ip: row.ip,
      createdAt: row.createdAt.toISOString(),
    })),
    page,
    pageSize,
    total: totals[0]?.total ?? 0,
  };
}

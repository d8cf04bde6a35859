import type { Queryable } from '@schema-builder/db';
import { auditEvents } from '@schema-builder/db';

export const AUDIT_ACTIONS = [
  'auth.signed_up',
  'auth.signed_in',
  'auth.sign_in_failed',
  /** A failed sign-in started a wait (details: scope `address` or `account`, retryAfterSeconds). */
  'auth.sign_in_locked',
  /** A sign-in refused during such a wait, its password unchecked. */
  'auth.sign_in_refused',
  'auth.signed_out',
  'api_key.created',
  'api_key.revoked',
  'schema.created',
  'schema.updated',
  'schema.deleted',
  'database.requested',
  'database.provisioned',
  'database.regenerated',
  'database.migrated',
  'database.credentials_rotated',
  'database.dropped',
  'database.failed',
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** Where an action came from, for the audit trail. */
export interface RequestOrigin {
  requestId: string;
  ip?: string | undefined;
}

export interface AuditEvent {
  userId: string | null;
  action: AuditAction;
  resourceType: string;
  resourceId?: string | undefined;
  details?: Record<string, unknown>;
}

/** Records an event; call it inside the transaction of the change it describes. */
export async function recordEvent(db: Queryable, origin: RequestOrigin, event: AuditEvent): Promise<void> {
  await db.insert(auditEvents).values({
    userId: event.userId,
    action: event.action,
    resourceType: event.resourceType,
    resourceId: event.resourceId ?? null,
    details: event.details ?? {},
    requestId: origin.requestId,
    ip: origin.ip ?? null,
  });
}

import type { RouterOutputs } from '@schema-builder/client';

export type AuditEvent = RouterOutputs['audit']['list']['items'][number];

/** Words for the actions the service records; an action this version does not know shows as is. */
const ACTIONS: Record<string, string> = {
  'auth.signed_up': 'Signed up',
  'auth.signed_in': 'Signed in',
  'auth.signed_out': 'Signed out',
  'auth.sign_in_failed': 'Sign-in failed',
  'auth.sign_in_locked': 'Sign-ins paused after failures',
  'auth.sign_in_refused': 'Sign-in refused while paused',
  'api_key.created': 'API key created',
  'api_key.revoked': 'API key revoked',
  'schema.created': 'Design created',
  'schema.updated': 'Design changed',
  'schema.deleted': 'Design deleted',
  'database.requested': 'Database requested',
  'database.failed': 'Database job failed',
};

export function actionLabelOf(action: string): string {
  return ACTIONS[action] ?? action;
}

/** What it concerned, in a few words: the name in its details when it has one, else its kind. */
export function subjectOf(event: AuditEvent): string {
  const name = event.details.name;
  const kind = event.resourceType.replace(/_/g, ' ');
  return typeof name === 'string' && name !== '' ? `${kind} “${name}”` : kind;
}

const FORMAT = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });

/** A stored time as the reader's local date and time. */
export function timeOf(iso: string | null): string {
  return iso === null ? '—' : FORMAT.format(new Date(iso));
}

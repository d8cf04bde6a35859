import { type ApiErrorBody, errorBodyOf } from '@schema-builder/client';

export type { ApiErrorBody };

/** The service's error body of a failed call (code, message, location details), if it has one. */
export function apiErrorOf(error: unknown): ApiErrorBody | undefined {
  return errorBodyOf(error);
}

/** What to show for a failed call: the service's own message, or a plain fallback. */
export function messageOf(error: unknown): string {
  const body = errorBodyOf(error);
  if (body) return body.message;
  return error instanceof Error ? error.message : 'Something went wrong.';
}

/** Whether a call failed because nobody is signed in (or the session ended). */
export function isAuthenticationError(error: unknown): boolean {
  return errorBodyOf(error)?.code === 'UNAUTHORIZED';
}

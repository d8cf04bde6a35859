import type { ErrorCode } from '../errors/codes.ts';
import { ERROR_MAPPING } from '../errors/codes.ts';

/**
 * `meta.openapi.errorResponses` for a procedure: each HTTP status it can answer with. (The
 * adapter keeps the first description it sees per status; openapi.ts rewrites them all.)
 * RATE_LIMITED and INTERNAL_ERROR are always possible.
 */
export function errorResponses(...codes: ErrorCode[]): Record<number, string> {
  const byStatus: Record<number, string[]> = {};
  for (const code of [...codes, 'RATE_LIMITED' as const, 'INTERNAL_ERROR' as const]) {
    const status = ERROR_MAPPING[code].status;
    byStatus[status] = [...(byStatus[status] ?? []), code];
  }
  return Object.fromEntries(Object.entries(byStatus).map(([status, list]) => [status, list.join(', ')]));
}

/** The same for a procedure that needs a signed-in user: 401 and 403 are possible too. */
export function userErrorResponses(...codes: ErrorCode[]): Record<number, string> {
  return errorResponses('UNAUTHORIZED', 'FORBIDDEN', ...codes);
}

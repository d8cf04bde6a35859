import type { ErrorCode } from '../errors/codes.ts';
import { ERROR_MAPPING } from '../errors/codes.ts';

/**
 * `meta.openapi.errorResponses` for a procedure: each HTTP status it can answer with. (The
 * adapter keeps the first description it sees per status; openapi.ts rewrites them all.)
 */
export function errorResponses(...codes: ErrorCode[]): Record<number, string> {
  const byStatus: Record<number, string[]> = {};
  for (const code of [...codes, 'INTERNAL_ERROR' as const]) {
    const status = ERROR_MAPPING[code].status;
    byStatus[status] = [...(byStatus[status] ?? []), code];
  }
  return Object.fromEntries(Object.entries(byStatus).map(([status, list]) => [status, list.join(', ')]));
}

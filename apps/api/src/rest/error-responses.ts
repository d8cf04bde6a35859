import { ERROR_CODE_MEANINGS } from '../errors/code-meanings.ts';
import type { ErrorCode } from '../errors/codes.ts';
import { ERROR_MAPPING } from '../errors/codes.ts';
import type { AuthScope } from '../trpc/procedures.ts';

/**
 * `meta.openapi.errorResponses` for a procedure: each error code its own logic can answer with.
 * (The adapter keeps the first description it sees per status; openapi.ts rewrites them all.)
 * What the transport adds — 401/403 outside public routes, RATE_LIMITED, INTERNAL_ERROR, … — is
 * added by `documentedErrorCodes`.
 */
export function errorResponses(...codes: ErrorCode[]): Record<number, string> {
  const byStatus: Record<number, string[]> = {};
  for (const code of [...codes, 'RATE_LIMITED' as const, 'INTERNAL_ERROR' as const]) {
    const status = ERROR_MAPPING[code].status;
    byStatus[status] = [...(byStatus[status] ?? []), code];
  }
  return Object.fromEntries(Object.entries(byStatus).map(([status, list]) => [status, list.join(', ')]));
}

/** Methods whose requests Fastify reads a body for: any of them can meet a bad or oversized body. */
const BODY_METHODS: ReadonlySet<string> = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Every error code a route can answer with, by status: what its meta lists, plus what the
 * transport adds whatever the procedure says — 401 and 403 unless its scope is public (a worker
 * key on a user route, a user on a worker route), a body that is not JSON, too large or of
 * another media type on methods with a body, and 422 wherever there is input to validate.
 */
export function documentedErrorCodes(route: {
  method: string;
  errorResponses: Record<number, string>;
  voidInput: boolean;
  scope: AuthScope;
}): Map<number, ErrorCode[]> {
  const listed = Object.values(route.errorResponses).flatMap((codes) => codes.split(', ') as ErrorCode[]);
  const implied: ErrorCode[] = [
    ...(route.scope === 'public' ? [] : (['UNAUTHORIZED', 'FORBIDDEN'] as const)),
    ...(BODY_METHODS.has(route.method)
      ? (['INVALID_JSON', 'PAYLOAD_TOO_LARGE', 'UNSUPPORTED_MEDIA_TYPE'] as const)
      : []),
    ...(route.voidInput ? [] : (['VALIDATION_ERROR'] as const)),
    'RATE_LIMITED',
    'INTERNAL_ERROR',
  ];
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of new Set([...listed, ...implied])) {
    const status = ERROR_MAPPING[code].status;
    byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  }
  return new Map([...byStatus].sort(([a], [b]) => a - b));
}

/** The documented answer of an error status: the one ErrorBody, the codes behind it, an example. */
export function errorResponseOf(codes: readonly ErrorCode[]) {
  const [first = 'INTERNAL_ERROR'] = codes;
  return {
    description: codes.map((code) => `\`${code}\`: ${ERROR_CODE_MEANINGS[code]}`).join(' '),
    content: {
      'application/json': {
        schema: { $ref: '#/components/schemas/ErrorBody' },
        example: {
          error: { code: first, message: ERROR_CODE_MEANINGS[first], details: [], requestId: 'req-1a2b' },
        },
      },
    },
  };
}

import type { TRPCError } from '@trpc/server';
import { retryAfterOf, statusOf, toErrorBody } from '../errors/to-error-body.ts';

/**
 * HTTP status of a failed /trpc call by our code's mapping, so an input validation error is 422
 * as over REST, not tRPC's 400. Batches keep tRPC's own multi-status handling.
 */
export function responseMeta(opts: { paths?: readonly string[] | undefined; errors: readonly TRPCError[] }) {
  const [first] = opts.errors;
  if (!first || (opts.paths && opts.paths.length > 1)) return {};
  const retryAfter = retryAfterOf(first);
  return {
    status: statusOf(toErrorBody(first, '').code),
    ...(retryAfter === undefined ? {} : { headers: { 'retry-after': String(retryAfter) } }),
  };
}

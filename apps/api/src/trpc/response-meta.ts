import type { TRPCError } from '@trpc/server';
import { statusOf, toErrorBody } from '../errors/to-error-body.ts';

/** Procedures whose success creates a resource answer 201. */
const CREATED = new Set(['schemas.create']);

/**
 * HTTP status for both transports: errors by our code's mapping (so an input validation error
 * is 422 everywhere, not tRPC's 400), successes 200 or 201.
 */
export function responseMeta(opts: { paths?: readonly string[] | undefined; errors: readonly TRPCError[] }) {
  // Batches (tRPC only) keep tRPC's own multi-status handling.
  if (opts.paths && opts.paths.length > 1) return {};
  const [first] = opts.errors;
  if (first) return { status: statusOf(toErrorBody(first, '').code) };
  if (opts.paths?.length === 1 && opts.paths[0] && CREATED.has(opts.paths[0])) return { status: 201 };
  return {};
}

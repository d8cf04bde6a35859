import type { ErrorBody } from '../errors/codes.ts';
import { AppError } from '../errors/codes.ts';
import type { Context } from '../trpc/context.ts';
import { matchesStrongly, versionOfTag, versionTag } from './etag.ts';

/** Runs a procedure (by its router path) with a request's context and input. */
export type CallProcedure = (ctx: Context, input: unknown) => Promise<unknown>;

interface IfMatchOptions {
  /** The If-Match header of a PUT /schemas/{id}. */
  ifMatch: string;
  /** The update's input (body fields and the path's id). */
  input: unknown;
  ctx: Context;
  call: (path: string) => CallProcedure;
}

/**
 * `If-Match` as the alternative to `expectedVersion` on a design's update. The precondition is
 * checked against the design as it is now (a missing one stays 404, RFC 9110 §13.2.1); when it
 * holds, the matched version becomes `expectedVersion` (unless the body names one), so a write
 * that lands in between still fails, as VERSION_CONFLICT, which the adapter reports as 412.
 */
export async function expectedVersionFromIfMatch({
  ifMatch,
  input,
  ctx,
  call,
}: IfMatchOptions): Promise<unknown> {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return input;
  const fields = input as Record<string, unknown>;
  const single = versionOfTag(ifMatch.trim());
  const current =
    single ??
    (await currentVersion(call, ctx, fields.id)) ??
    preconditionFailed('The design has no version.');
  if (single === undefined && !matchesStrongly(ifMatch, versionTag(current)))
    preconditionFailed(`If-Match does not name the current version (ETag ${versionTag(current)}).`);
  if (fields.expectedVersion !== undefined && fields.expectedVersion !== current)
    preconditionFailed(
      `If-Match names version ${current}; expectedVersion says ${String(fields.expectedVersion)}.`,
    );
  return { ...fields, expectedVersion: current };
}

/** A stale version named by If-Match fails the precondition (412), not the edit (409). */
export function asPreconditionFailure(body: ErrorBody): ErrorBody {
  if (body.code !== 'VERSION_CONFLICT') return body;
  const details = body.details.map((detail) => ({
    ...detail,
    path: 'If-Match',
    code: 'PRECONDITION_FAILED',
  }));
  return { ...body, code: 'PRECONDITION_FAILED', details };
}

async function currentVersion(
  call: IfMatchOptions['call'],
  ctx: Context,
  id: unknown,
): Promise<number | undefined> {
  const design = (await call('schemas.get')(ctx, { id })) as { version?: unknown };
  return typeof design.version === 'number' ? design.version : undefined;
}

function preconditionFailed(message: string): never {
  throw new AppError('PRECONDITION_FAILED', message, {
    details: [{ path: 'If-Match', code: 'PRECONDITION_FAILED', message }],
  });
}

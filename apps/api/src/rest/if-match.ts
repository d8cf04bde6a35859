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
  /** The procedure that answers the design's current `{ version }`. */
  currentVersion: CallProcedure;
}

/**
 * `If-Match` as the alternative to `expectedVersion` on a design's update. One tag `"v<n>"`
 * becomes `expectedVersion` n, checked by the update itself under its row lock; `*` or a list is
 * checked against the current version first (a missing design stays 404, RFC 9110 §13.2.1), and
 * the matched version becomes `expectedVersion`, so a write landing in between still fails. A
 * body that also sends `expectedVersion` must agree. The adapter reports a stale version as 412.
 */
export async function expectedVersionFromIfMatch({
  ifMatch,
  input,
  ctx,
  currentVersion,
}: IfMatchOptions): Promise<unknown> {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return input;
  const fields = input as Record<string, unknown>;
  const single = versionOfTag(ifMatch.trim());
  const current =
    single ??
    (await versionNow(currentVersion, ctx, fields.id)) ??
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

async function versionNow(
  currentVersion: CallProcedure,
  ctx: Context,
  id: unknown,
): Promise<number | undefined> {
  const { version } = (await currentVersion(ctx, { id })) as { version?: unknown };
  return typeof version === 'number' ? version : undefined;
}

function preconditionFailed(message: string): never {
  throw new AppError('PRECONDITION_FAILED', message, {
    details: [{ path: 'If-Match', code: 'PRECONDITION_FAILED', message }],
  });
}

import { initTRPC, TRPCError } from '@trpc/server';
import { FAILURE_MESSAGES } from '../domain/auth/principal.ts';
import { assertStorableInput } from '../domain/storable-text.ts';
import { AppError, ERROR_MAPPING } from '../errors/codes.ts';
import { statusOf, toErrorBody } from '../errors/to-error-body.ts';
import { SSE_HEARTBEAT_MS } from '../http/server-sent-events.ts';
import type { ProcedureMeta } from '../rest/success-policy.ts';
import type { Context } from './context.ts';

const t = initTRPC
  .context<Context>()
  .meta<ProcedureMeta>()
  .create({
    // Subscriptions (SSE): a comment every 15 s keeps proxies from closing a quiet stream, and a
    // client that hears nothing for longer reconnects.
    sse: {
      ping: { enabled: true, intervalMs: SSE_HEARTBEAT_MS },
      client: { reconnectAfterInactivityMs: SSE_HEARTBEAT_MS + 5_000 },
    },
    errorFormatter({ shape, error, ctx }) {
      const body = toErrorBody(error, ctx?.origin.requestId ?? 'unknown');
      // `data.error` is the same body REST clients get under `error`; no stack, ever.
      return {
        code: shape.code,
        message: body.message,
        data: { code: shape.data.code, httpStatus: statusOf(body.code), path: shape.data.path, error: body },
      };
    },
  });

/** Domain code throws framework-free AppErrors; give tRPC the matching code, keep the cause. */
function toTrpcError(cause: AppError): TRPCError {
  return new TRPCError({ code: ERROR_MAPPING[cause.code].trpc, message: cause.message, cause });
}

function rethrowAppError(error: TRPCError): never {
  throw error.cause instanceof AppError ? toTrpcError(error.cause) : error;
}

/**
 * Every procedure's input, whatever its schema, before the schema reads it: text PostgreSQL
 * cannot store is a 422 at its field (body, query or path), never a failed INSERT's 500.
 */
async function refuseUnstorableText(getRawInput: () => Promise<unknown>): Promise<void> {
  try {
    assertStorableInput(await getRawInput());
  } catch (error) {
    throw error instanceof AppError ? toTrpcError(error) : error;
  }
}

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

/**
 * Needs no caller: sign-in, health checks. Each base procedure records its scope on the meta
 * (`meta.scope`), which the OpenAPI document and the tests read through trpc/procedures.ts.
 */
export const publicProcedure = t.procedure.meta({ scope: 'public' }).use(async ({ next, getRawInput }) => {
  await refuseUnstorableText(getRawInput);
  const result = await next();
  return result.ok ? result : rethrowAppError(result.error);
});

function unauthenticated(ctx: Context): TRPCError {
  const failure = ctx.auth.principal === null ? ctx.auth.failure : undefined;
  const message = failure
    ? FAILURE_MESSAGES[failure]
    : 'Sign in first: send Authorization: Bearer <session token or API key>.';
  return toTrpcError(new AppError('UNAUTHORIZED', message));
}

/**
 * Acts for a signed-in user; `ctx.user` is set inside. Worker keys are refused (403).
 * One middleware per base procedure: each level costs a context copy on the hot path.
 */
export const userProcedure = t.procedure.meta({ scope: 'user' }).use(async ({ ctx, next, getRawInput }) => {
  const principal = ctx.auth.principal;
  if (!principal) throw unauthenticated(ctx);
  if (principal.kind !== 'user') {
    throw toTrpcError(new AppError('FORBIDDEN', 'Worker keys can only call worker procedures.'));
  }
  await refuseUnstorableText(getRawInput);
  const result = await next({ ctx: { user: { id: principal.userId }, principal } });
  return result.ok ? result : rethrowAppError(result.error);
});

/** For worker processes only (a worker API key); users get 403. */
export const workerProcedure = t.procedure
  .meta({ scope: 'worker' })
  .use(async ({ ctx, next, getRawInput }) => {
    const principal = ctx.auth.principal;
    if (!principal) throw unauthenticated(ctx);
    if (principal.kind !== 'worker') {
      throw toTrpcError(new AppError('FORBIDDEN', 'Only worker keys can call worker procedures.'));
    }
    await refuseUnstorableText(getRawInput);
    const result = await next({ ctx: { principal } });
    return result.ok ? result : rethrowAppError(result.error);
  });

import { initTRPC, TRPCError } from '@trpc/server';
import type { OpenApiMeta } from 'trpc-to-openapi';
import { AppError, ERROR_MAPPING } from '../errors/codes.ts';
import { statusOf, toErrorBody } from '../errors/to-error-body.ts';
import type { Context } from './context.ts';

const t = initTRPC
  .context<Context>()
  .meta<OpenApiMeta>()
  .create({
    errorFormatter({ shape, error, ctx }) {
      const body = toErrorBody(error, ctx?.requestId ?? 'unknown');
      // `data.error` is the same body REST clients get under `error`; no stack, ever.
      return {
        code: shape.code,
        message: body.message,
        data: { code: shape.data.code, httpStatus: statusOf(body.code), path: shape.data.path, error: body },
      };
    },
  });

/** Domain code throws framework-free AppErrors; give tRPC the matching code, keep the cause. */
function rethrowAppError(error: TRPCError): never {
  const cause = error.cause;
  if (cause instanceof AppError) {
    throw new TRPCError({ code: ERROR_MAPPING[cause.code].trpc, message: cause.message, cause });
  }
  throw error;
}

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

/** Needs no caller: health checks and the like. */
export const publicProcedure = t.procedure.use(async ({ next }) => {
  const result = await next();
  return result.ok ? result : rethrowAppError(result.error);
});

/** Runs as a user; `ctx.user` is non-null inside. One middleware, since each level costs a context copy. */
export const userProcedure = t.procedure.use(async ({ ctx, next }) => {
  if (!ctx.user) throw new TRPCError({ code: 'UNAUTHORIZED' });
  const result = await next({ ctx: { user: ctx.user } });
  return result.ok ? result : rethrowAppError(result.error);
});

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
const appErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && result.error.cause instanceof AppError) {
    const cause = result.error.cause;
    throw new TRPCError({ code: ERROR_MAPPING[cause.code].trpc, message: cause.message, cause });
  }
  return result;
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

/** Needs no caller: health checks and the like. */
export const publicProcedure = t.procedure.use(appErrors);

/** Runs as a user; `ctx.user` is non-null inside. */
export const userProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.user) throw new TRPCError({ code: 'UNAUTHORIZED' });
  return next({ ctx: { ...ctx, user: ctx.user } });
});

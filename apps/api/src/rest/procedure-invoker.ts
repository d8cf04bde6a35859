import type { AnyTRPCProcedure } from '@trpc/server';
import { getTRPCErrorFromUnknown } from '@trpc/server';
import type { Context } from '../trpc/context.ts';
import type { CallProcedure } from './if-match.ts';

/**
 * The one place the REST adapter reaches into tRPC's procedure definitions (`_def`): how a
 * procedure is called, and its output schema.
 *
 * A procedure is its list of middlewares: the base procedure's (authentication, storable text,
 * AppError mapping), input parsing, output parsing, then the resolver. tRPC's generic caller runs
 * them by copying its options object and the context with a spread helper at every level, which
 * the profile of `GET /schemas/{id}` showed as a tenth of the request. This invoker runs the same
 * middlewares in the same order with the same options (`ctx` merged as tRPC merges it, `input`
 * and `getRawInput` replaced when a middleware passes them on, a throw turned into a failed result
 * by tRPC's own `getTRPCErrorFromUnknown`), building each level's options once.
 */

interface MiddlewareOptions {
  ctx: Record<string, unknown>;
  type: string;
  path: string;
  input: unknown;
  getRawInput: () => Promise<unknown>;
  meta: unknown;
  signal: undefined;
  batchIndex: number;
  next: (options?: NextOptions) => Promise<MiddlewareResult>;
}

interface NextOptions {
  ctx?: Record<string, unknown>;
  input?: unknown;
  getRawInput?: () => Promise<unknown>;
}

type MiddlewareResult = { ok: true; data: unknown } | { ok: false; error: unknown };
type Middleware = (options: MiddlewareOptions) => Promise<MiddlewareResult>;

interface ProcedureDefinition {
  type: string;
  meta: unknown;
  middlewares: Middleware[];
  output?: unknown;
}

function definitionOf(procedure: AnyTRPCProcedure): ProcedureDefinition {
  return procedure._def as unknown as ProcedureDefinition;
}

/** A procedure of the router by its path; a REST route naming none is a programming error. */
export function procedureAt(procedures: Record<string, AnyTRPCProcedure>, path: string): AnyTRPCProcedure {
  const procedure = procedures[path];
  if (!procedure) throw new Error(`no procedure at ${path}`);
  return procedure;
}

/** The procedures of a router by path (`_def.procedures` is typed as the nested record). */
export function proceduresOf(router: { _def: { procedures: object } }): Record<string, AnyTRPCProcedure> {
  return router._def.procedures as unknown as Record<string, AnyTRPCProcedure>;
}

/** The zod schema given to `.output()`, kept on the procedure's definition. */
export function outputSchemaOf(procedure: AnyTRPCProcedure): unknown {
  return definitionOf(procedure).output;
}

/** Calls the procedure at `path` as tRPC's caller does: its middlewares, then the resolver. */
export function procedureInvoker(procedures: Record<string, AnyTRPCProcedure>, path: string): CallProcedure {
  const { type, meta, middlewares } = definitionOf(procedureAt(procedures, path));

  async function callFrom(
    index: number,
    ctx: Record<string, unknown>,
    input: unknown,
    getRawInput: () => Promise<unknown>,
  ): Promise<MiddlewareResult> {
    const middleware = middlewares[index];
    if (!middleware) throw new Error(`${path}: a middleware called next() after the resolver`);
    try {
      return await middleware({
        ctx,
        type,
        path,
        input,
        getRawInput,
        meta,
        signal: undefined,
        batchIndex: 0,
        next: nextAfter(index, ctx, input, getRawInput),
      });
    } catch (cause) {
      return { ok: false, error: getTRPCErrorFromUnknown(cause) };
    }
  }

  /** The `next` of the middleware at `index`: what it passes on replaces what it was given. */
  function nextAfter(
    index: number,
    ctx: Record<string, unknown>,
    input: unknown,
    getRawInput: () => Promise<unknown>,
  ): (options?: NextOptions) => Promise<MiddlewareResult> {
    return (options) =>
      options === undefined
        ? callFrom(index + 1, ctx, input, getRawInput)
        : callFrom(
            index + 1,
            options.ctx ? { ...ctx, ...options.ctx } : ctx,
            'input' in options ? options.input : input,
            options.getRawInput ?? getRawInput,
          );
  }

  return async (ctx: Context, rawInput: unknown) => {
    const result = await callFrom(
      0,
      ctx as unknown as Record<string, unknown>,
      undefined,
      async () => rawInput,
    );
    if (!result.ok) throw result.error;
    return result.data;
  };
}

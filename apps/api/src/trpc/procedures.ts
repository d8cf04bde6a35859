import { getTRPCErrorFromUnknown } from '@trpc/server';
import type { ProcedureMeta } from '../rest/success-policy.ts';
import type { Context } from './context.ts';

/**
 * The one place that reads tRPC's internals (`router._def.procedures`, a procedure's `_def`, its
 * call signature). The REST adapter, the OpenAPI document, rate classes, metrics and the tests
 * that walk every procedure go through `proceduresOf`; procedures.contract.test.ts pins what it
 * relies on, so a tRPC upgrade that changes them fails there, by name, instead of quietly
 * serving no routes.
 */

/** Who may call a procedure: set by its base builder (`publicProcedure`, …) on its meta. */
export type AuthScope = 'public' | 'user' | 'worker';

export const AUTH_SCOPES: readonly AuthScope[] = ['public', 'user', 'worker'];

export type ProcedureType = 'query' | 'mutation' | 'subscription';

export interface ProcedureEntry {
  /** Its dotted path in the router, e.g. `schemas.get`. */
  path: string;
  type: ProcedureType;
  /** Its meta (`{}` when it has none): `openapi`, `success`, `rateClass`, `scope`. */
  meta: ProcedureMeta;
  /** The schema given to its first `.input()`; undefined without one. */
  input: unknown;
  /** The schema given to `.output()`; undefined without one. */
  output: unknown;
  /** Its auth scope; a procedure built without one of the base builders fails `proceduresOf`. */
  scope: AuthScope;
  /**
   * Calls it the way tRPC's own caller does (the same middlewares: auth, input and output
   * parsing, error mapping), without the caller's proxy on every request (see `invokerOf`).
   */
  call: (ctx: Context, input: unknown) => Promise<unknown>;
}

/** tRPC's internals no longer look the way this module reads them: fix the module, not its callers. */
export class TrpcInternalsChanged extends Error {
  override readonly name = 'TrpcInternalsChanged';
}

/** What a built procedure is at runtime in tRPC 11: a function with a `_def`. */
interface RawProcedure {
  (options: {
    ctx: unknown;
    path: string;
    type: ProcedureType;
    getRawInput: () => Promise<unknown>;
    signal: AbortSignal | undefined;
    batchIndex: number;
  }): Promise<unknown>;
  _def: {
    type: ProcedureType;
    meta?: ProcedureMeta;
    inputs: unknown[];
    output?: unknown;
    middlewares: Middleware[];
  };
}

/** What tRPC hands each middleware (and the resolver, its last one). */
interface MiddlewareOptions {
  ctx: Record<string, unknown>;
  type: ProcedureType;
  path: string;
  input: unknown;
  getRawInput: () => Promise<unknown>;
  meta: ProcedureMeta | undefined;
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

const cache = new WeakMap<object, ReadonlyMap<string, ProcedureEntry>>();

/** Every procedure of `router` by its dotted path, read once per router. */
export function proceduresOf(router: { _def: unknown }): ReadonlyMap<string, ProcedureEntry> {
  const cached = cache.get(router);
  if (cached) return cached;
  const entries = new Map<string, ProcedureEntry>();
  for (const [path, value] of Object.entries(flatProcedureMap(router))) {
    const procedure = asProcedure(path, value);
    entries.set(path, entryOf(path, procedure));
  }
  cache.set(router, entries);
  return entries;
}

/** One procedure by path; throws when there is none (a route naming a procedure that moved). */
export function procedureAt(router: { _def: unknown }, path: string): ProcedureEntry {
  const entry = proceduresOf(router).get(path);
  if (!entry) throw new Error(`no procedure at ${path}`);
  return entry;
}

function flatProcedureMap(router: { _def: unknown }): Record<string, unknown> {
  const def = router._def;
  // tRPC 11 keeps a flat path → procedure record on the router's definition.
  const procedures = isObject(def) ? def.procedures : undefined;
  if (!isObject(procedures) || Object.keys(procedures).length === 0)
    throw new TrpcInternalsChanged('router._def.procedures is not a non-empty record of procedures');
  return procedures;
}

function asProcedure(path: string, value: unknown): RawProcedure {
  if (typeof value !== 'function') throw new TrpcInternalsChanged(`procedure ${path} is not callable`);
  const def: unknown = (value as { _def?: unknown })._def;
  if (!isObject(def)) throw new TrpcInternalsChanged(`procedure ${path} has no _def`);
  if (def.type !== 'query' && def.type !== 'mutation' && def.type !== 'subscription')
    throw new TrpcInternalsChanged(`procedure ${path} has no _def.type (query, mutation or subscription)`);
  if (!Array.isArray(def.inputs)) throw new TrpcInternalsChanged(`procedure ${path} has no _def.inputs list`);
  if (
    !Array.isArray(def.middlewares) ||
    def.middlewares.length === 0 ||
    !def.middlewares.every((middleware) => typeof middleware === 'function')
  )
    throw new TrpcInternalsChanged(`procedure ${path} has no _def.middlewares list ending in its resolver`);
  if (def.meta !== undefined && !isObject(def.meta))
    throw new TrpcInternalsChanged(`procedure ${path} has a _def.meta that is not an object`);
  return value as RawProcedure;
}

function entryOf(path: string, procedure: RawProcedure): ProcedureEntry {
  const { type, meta = {}, inputs, output } = procedure._def;
  const scope = meta.scope;
  if (scope === undefined || !AUTH_SCOPES.includes(scope))
    throw new Error(
      `procedure ${path} has no auth scope: build it from publicProcedure, userProcedure or workerProcedure`,
    );
  return {
    path,
    type,
    meta,
    input: inputs[0],
    output,
    scope,
    call: invokerOf(path, procedure._def),
  };
}

/**
 * A procedure is its list of middlewares: the base procedure's (authentication, storable text,
 * AppError mapping), input parsing, output parsing, then the resolver. tRPC's caller runs them by
 * copying its options object and the context with a spread helper at every level, which the
 * profile of `GET /schemas/{id}` showed as a tenth of the request. This runs the same middlewares
 * in the same order with the same options (`ctx` merged as tRPC merges it, `input` and
 * `getRawInput` replaced when a middleware passes them on, a throw turned into a failed result by
 * tRPC's own `getTRPCErrorFromUnknown`), building each level's options once.
 */
function invokerOf(path: string, def: RawProcedure['_def']): ProcedureEntry['call'] {
  const { type, meta, middlewares } = def;

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

  return async (ctx, rawInput) => {
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

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

import type { OpenApiMeta } from 'trpc-to-openapi';
import type { z } from 'zod';
import type { RateClass } from '../http/rate-limits.ts';
import type { AuthScope } from '../trpc/procedures.ts';

/**
 * How a procedure answers over REST when it succeeds, declared on the procedure beside its
 * `openapi` meta (the adapter and the OpenAPI document read it there). Absent: 200.
 */
export interface SuccessPolicy {
  /** 201: something was created; 202: work was queued for the worker. */
  status: 201 | 202;
  /**
   * The path (under the REST prefix) of what was created, or of where queued work can be
   * followed, for the `Location` header. Called with the procedure's output, already checked
   * against its output schema.
   */
  location?: (output: unknown) => string;
  /** A 202 answers 200 when its output says `queued: false` (a dry run, nothing to do). */
  okWhenNothingQueued?: boolean;
}

/**
 * Every procedure's meta: the OpenAPI route, how its success answers over REST, its rate class
 * when it has a budget of its own (REST and /trpc alike), and who may call it. `scope` is set by
 * the base builder the procedure is made from (trpc/trpc.ts), never by the procedure itself.
 */
export type ProcedureMeta = OpenApiMeta & {
  success?: SuccessPolicy;
  rateClass?: RateClass;
  scope?: AuthScope;
};

/**
 * 201 Created with a `Location` built from the output. `output` is the procedure's output schema,
 * so the builder is typed by what the procedure returns.
 */
export function created<Output extends z.ZodType>(
  _output: Output,
  locate: (output: z.output<Output>) => string,
): SuccessPolicy {
  // Sound: the adapter passes the procedure's output, which tRPC has parsed with `_output`.
  return { status: 201, location: locate as (output: unknown) => string };
}

/** 202 Accepted: the work is queued; `Location` (when given) is where to follow it. */
export function accepted<Output extends z.ZodType>(
  _output: Output,
  options: { locate?: (output: z.output<Output>) => string; okWhenNothingQueued?: boolean } = {},
): SuccessPolicy {
  return {
    status: 202,
    ...(options.locate ? { location: options.locate as (output: unknown) => string } : {}),
    ...(options.okWhenNothingQueued ? { okWhenNothingQueued: true } : {}),
  };
}

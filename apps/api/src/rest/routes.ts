import type { OpenApiMeta } from 'trpc-to-openapi';
import type { AppRouter } from '../trpc/root.ts';
import { exampleOf } from './examples.ts';

export const REST_PREFIX = '/api/v1';

export interface RestRoute {
  /** The procedure's path in the router, e.g. `schemas.get`. */
  procedure: string;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Fastify route, e.g. `/api/v1/schemas/:id`. */
  url: string;
  /** The OpenAPI path, e.g. `/schemas/{id}` (without the prefix). */
  openapiPath: string;
  /** HTTP status → the error codes behind it (`meta.openapi.errorResponses`). */
  errorResponses: Record<number, string>;
  /** The procedure takes no input (`z.void()`). */
  voidInput: boolean;
  /** The example request of its input schema (`withExample`), path, query and body fields together. */
  inputExample: Record<string, unknown> | undefined;
  successStatus: number;
  /** Answers 200 instead of 202 when its output says `queued: false` (a dry run, nothing to do). */
  okWhenNothingQueued: boolean;
}

/** Procedures whose success creates a resource answer 201. */
const CREATED: ReadonlySet<string> = new Set(['schemas.create']);
/** Procedures that queue work for the worker answer 202: the status endpoint tells how it went. */
const ACCEPTED: ReadonlySet<string> = new Set([
  'databases.create',
  'databases.regenerate',
  'databases.retry',
  'databases.rotateCredentials',
  'databases.drop',
  'databases.migrate',
]);
/** Accepted procedures that may queue nothing; their output has `queued`. */
const MAY_QUEUE_NOTHING: ReadonlySet<string> = new Set(['databases.migrate']);

/** Every procedure that has `meta.openapi`, as a REST route: the one source of REST routes. */
export function restRoutes(router: AppRouter): RestRoute[] {
  // `_def.procedures` is the flat path → procedure map (typed as the nested router record).
  const procedures = router._def.procedures as unknown as Record<string, unknown>;
  return Object.entries(procedures).flatMap(([procedure, definition]) => {
    if (!isProcedure(definition)) return [];
    const openapi = definition._def.meta?.openapi;
    if (!openapi || openapi.enabled === false) return [];
    const [input] = definition._def.inputs;
    return [
      {
        procedure,
        method: openapi.method,
        url: `${REST_PREFIX}${openapi.path.replace(/\{(\w+)\}/g, ':$1')}`,
        openapiPath: openapi.path,
        errorResponses: Array.isArray(openapi.errorResponses) ? {} : (openapi.errorResponses ?? {}),
        voidInput: input === undefined || input._zod?.def?.type === 'void',
        inputExample: exampleOf(input),
        successStatus: CREATED.has(procedure) ? 201 : ACCEPTED.has(procedure) ? 202 : 200,
        okWhenNothingQueued: MAY_QUEUE_NOTHING.has(procedure),
      },
    ];
  });
}

/** The status of a successful answer: 202 only when work was really queued. */
export function successStatusOf(route: RestRoute, output: unknown): number {
  const nothingQueued =
    typeof output === 'object' && output !== null && (output as { queued?: unknown }).queued === false;
  return route.okWhenNothingQueued && nothingQueued ? 200 : route.successStatus;
}

interface ProcedureDefinition {
  _def: { meta?: OpenApiMeta; inputs: Array<{ _zod?: { def?: { type?: string } } }> };
}

function isProcedure(value: unknown): value is ProcedureDefinition {
  if (typeof value !== 'function' && (typeof value !== 'object' || value === null)) return false;
  const def: unknown = (value as { _def?: unknown })._def;
  return typeof def === 'object' && def !== null && Array.isArray((def as { inputs?: unknown }).inputs);
}

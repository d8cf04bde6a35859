import { z } from 'zod';
import type { RateClass } from '../http/rate-limits.ts';
import { type AuthScope, proceduresOf } from '../trpc/procedures.ts';
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
  /** From `meta.success`: 201 for a create, 202 for queued work, else 200. */
  successStatus: number;
  /** Answers 200 instead of 202 when its output says `queued: false` (a dry run, nothing to do). */
  okWhenNothingQueued: boolean;
  /** The `Location` of a success, under REST_PREFIX, from the output (`meta.success.location`). */
  location: ((output: unknown) => string) | undefined;
  /** Who may call it (`meta.scope`, from its base builder): public routes need no credentials. */
  scope: AuthScope;
}

/** Every procedure that has `meta.openapi`, as a REST route: the one source of REST routes. */
export function restRoutes(router: AppRouter): RestRoute[] {
  return [...proceduresOf(router).values()].flatMap(({ path, meta, input, scope }) => {
    const openapi = meta.openapi;
    if (!openapi || openapi.enabled === false) return [];
    const success = meta.success;
    return [
      {
        procedure: path,
        method: openapi.method,
        url: `${REST_PREFIX}${openapi.path.replace(/\{(\w+)\}/g, ':$1')}`,
        openapiPath: openapi.path,
        errorResponses: Array.isArray(openapi.errorResponses) ? {} : (openapi.errorResponses ?? {}),
        voidInput: input === undefined || input instanceof z.ZodVoid,
        inputExample: exampleOf(input),
        successStatus: success?.status ?? 200,
        okWhenNothingQueued: success?.okWhenNothingQueued ?? false,
        location: success?.location,
        scope,
      },
    ];
  });
}

/** Every procedure's declared rate class (`meta.rateClass`), by path; those without one are left out. */
export function rateClassesOf(router: AppRouter): Map<string, RateClass> {
  return new Map(
    [...proceduresOf(router).values()].flatMap(({ path, meta }) =>
      meta.rateClass ? [[path, meta.rateClass] as const] : [],
    ),
  );
}

/** The status of a successful answer: 202 only when work was really queued. */
export function successStatusOf(route: RestRoute, output: unknown): number {
  const nothingQueued =
    typeof output === 'object' && output !== null && (output as { queued?: unknown }).queued === false;
  return route.okWhenNothingQueued && nothingQueued ? 200 : route.successStatus;
}

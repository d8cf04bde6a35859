import type { TRPCClient } from '@trpc/client';
import { createTRPCClient, httpBatchLink, httpLink } from '@trpc/client';
import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from './server-types.ts';

export type { ApiError, ApiErrorBody, ErrorCode } from './errors.ts';
export { ERROR_CODES, errorBodyOf, isApiError, isErrorCode } from './errors.ts';
export type { AppRouter };

/** The input of every procedure, by path: `RouterInputs['schemas']['create']`. */
export type RouterInputs = inferRouterInputs<AppRouter>;
/** The output of every procedure, by path: `RouterOutputs['schemas']['get']`. */
export type RouterOutputs = inferRouterOutputs<AppRouter>;

export interface ClientOptions {
  /** Base URL of the service, e.g. `http://localhost:3000` (the client adds `/trpc`). */
  url: string;
  /** Bearer token or API key, sent as `Authorization: Bearer …`. */
  token?: string;
  /** A fetch implementation for runtimes without a global one. */
  fetch?: typeof globalThis.fetch;
  /**
   * Calls made in the same tick share one HTTP request (default). Turn it off for long calls
   * that must not wait for each other (the worker's claims).
   */
  batch?: boolean;
}

/** A typed client for every procedure of the API. */
export type Client = TRPCClient<AppRouter>;

/** A typed client for every procedure of the API. */
export function createClient({ url, token, fetch, batch = true }: ClientOptions): Client {
  const options = {
    url: `${url.replace(/\/+$/, '')}/trpc`,
    ...(fetch ? { fetch } : {}),
    headers: () => (token ? { authorization: `Bearer ${token}` } : {}),
  };
  return createTRPCClient<AppRouter>({ links: [batch ? httpBatchLink(options) : httpLink(options)] });
}

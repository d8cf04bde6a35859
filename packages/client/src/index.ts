import type { TRPCClient } from '@trpc/client';
import { createTRPCClient, httpBatchLink, httpLink, httpSubscriptionLink, splitLink } from '@trpc/client';
import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import { EventSource, type FetchLike } from 'eventsource';
import type { AppRouter } from './server-types.ts';

export type { ApiError, ApiErrorBody, ErrorCode } from './errors.ts';
export { ERROR_CODES, errorBodyOf, isApiError, isErrorCode } from './errors.ts';
export {
  DatabaseWaitTimeoutError,
  type WaitForDatabaseOptions,
  waitForDatabase,
} from './wait-for-database.ts';
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

/**
 * A typed client for every procedure of the API. Subscriptions (`databases.events`) run over
 * server-sent events, with the `eventsource` package: it can send the Authorization header,
 * which a browser's own EventSource cannot.
 */
export function createClient({ url, token, fetch, batch = true }: ClientOptions): Client {
  const headers = (): Record<string, string> => (token ? { authorization: `Bearer ${token}` } : {});
  const options = {
    url: `${url.replace(/\/+$/, '')}/trpc`,
    ...(fetch ? { fetch } : {}),
    headers,
  };
  const fetchEvents: FetchLike = (input, init) =>
    (fetch ?? globalThis.fetch)(input, { ...init, headers: { ...init.headers, ...headers() } });
  return createTRPCClient<AppRouter>({
    links: [
      splitLink({
        condition: (op) => op.type === 'subscription',
        true: httpSubscriptionLink({
          url: options.url,
          EventSource,
          eventSourceOptions: { fetch: fetchEvents },
        }),
        false: batch ? httpBatchLink(options) : httpLink(options),
      }),
    ],
  });
}

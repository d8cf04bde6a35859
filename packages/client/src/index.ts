import type { AppRouter, RouterInputs, RouterOutputs } from '@schema-builder/api/router';
import {
  createTRPCClient,
  httpBatchLink,
  httpLink,
  httpSubscriptionLink,
  splitLink,
  TRPCClientError,
} from '@trpc/client';
import { EventSource, type FetchLike } from 'eventsource';

export {
  DatabaseWaitTimeoutError,
  type WaitForDatabaseOptions,
  waitForDatabase,
} from './wait-for-database.ts';
export type { AppRouter, RouterInputs, RouterOutputs };

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

/**
 * A typed client for every procedure of the API. Subscriptions (`databases.events`) run over
 * server-sent events, with the `eventsource` package: it can send the Authorization header,
 * which a browser's own EventSource cannot.
 */
export function createClient({ url, token, fetch, batch = true }: ClientOptions) {
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

export type Client = ReturnType<typeof createClient>;

/** The service's error body (`code`, `message`, `details`, `requestId`) from a failed call, if any. */
export function errorBodyOf(error: unknown) {
  if (!(error instanceof TRPCClientError)) return undefined;
  const data: unknown = error.data;
  if (typeof data !== 'object' || data === null || !('error' in data)) return undefined;
  return (data as { error: ApiErrorBody }).error;
}

export interface ApiErrorBody {
  code: string;
  message: string;
  details: { path: string; code: string; message: string }[];
  requestId: string;
}

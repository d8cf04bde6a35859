import type { AppRouter, RouterInputs, RouterOutputs } from '@schema-builder/api/router';
import { createTRPCClient, httpBatchLink, httpLink, TRPCClientError } from '@trpc/client';

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

/** A typed client for every procedure of the API. */
export function createClient({ url, token, fetch, batch = true }: ClientOptions) {
  const options = {
    url: `${url.replace(/\/+$/, '')}/trpc`,
    ...(fetch ? { fetch } : {}),
    headers: () => (token ? { authorization: `Bearer ${token}` } : {}),
  };
  return createTRPCClient<AppRouter>({ links: [batch ? httpBatchLink(options) : httpLink(options)] });
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

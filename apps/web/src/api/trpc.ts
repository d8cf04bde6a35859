import type { AppRouter } from '@schema-builder/client';
import { QueryClient } from '@tanstack/react-query';
import { createTRPCClient, httpBatchLink, httpSubscriptionLink, splitLink } from '@trpc/client';
import { createTRPCOptionsProxy } from '@trpc/tanstack-react-query';
import { isAuthenticationError } from './errors.ts';

/**
 * Server state lives in TanStack Query. Failed calls are retried once unless the server refused
 * them (a 4xx answer will not change by asking again).
 */
export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 5_000,
      retry: (failures, error) => failures < 1 && !isClientError(error),
    },
  },
});

/**
 * Same origin: the browser sends the session cookie itself (HttpOnly, never readable here), and
 * subscriptions run over the browser's EventSource, which sends it too.
 */
export const trpcClient = createTRPCClient<AppRouter>({
  links: [
    splitLink({
      condition: (op) => op.type === 'subscription',
      true: httpSubscriptionLink({ url: '/trpc' }),
      false: httpBatchLink({ url: '/trpc' }),
    }),
  ],
});

/** `trpc.schemas.list.queryOptions(...)`, `trpc.auth.signIn.mutationOptions()` … fully typed. */
export const trpc = createTRPCOptionsProxy<AppRouter>({ client: trpcClient, queryClient });

function isClientError(error: unknown): boolean {
  if (isAuthenticationError(error)) return true;
  const status = (error as { data?: { httpStatus?: unknown } } | null)?.data?.httpStatus;
  return typeof status === 'number' && status >= 400 && status < 500;
}

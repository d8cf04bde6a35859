import type { QueryClient } from '@tanstack/react-query';
import { createRootRouteWithContext, Link, Outlet } from '@tanstack/react-router';
import { Toasts } from '../components/Toasts.tsx';

export interface RouterContext {
  queryClient: QueryClient;
}

export const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: RootLayout,
  notFoundComponent: NotFound,
});

function RootLayout() {
  return (
    <>
      <Outlet />
      <Toasts />
    </>
  );
}

function NotFound() {
  return (
    <main className="mx-auto max-w-xl p-8">
      <h1 className="mb-2 text-2xl font-semibold">Page not found</h1>
      <p className="mb-4">There is nothing at this address.</p>
      <Link to="/" className="text-sky-700 underline dark:text-sky-400">
        Go to the dashboard
      </Link>
    </main>
  );
}

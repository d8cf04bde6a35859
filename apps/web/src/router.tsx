import { createRouter } from '@tanstack/react-router';
import { queryClient } from './api/trpc.ts';
import { appRoute } from './app/app-route.tsx';
import { rootRoute } from './app/root-route.tsx';
import { ErrorState, LoadingState } from './components/States.tsx';
import { accountRoute } from './pages/account/route.ts';
import { signInRoute, signUpRoute } from './pages/auth/routes.ts';
import { browserRoute } from './pages/browser/route.ts';
import { connectionsRoute } from './pages/connections/route.ts';
import { dashboardRoute } from './pages/dashboard/route.ts';
import { databaseRoute } from './pages/database/route.ts';
import { designerRoute } from './pages/designer/route.ts';
import { designRoute, designsRoute } from './pages/designs/routes.ts';

/** Every page of the app: one file a page area under pages/, each loaded when first visited. */
const routeTree = rootRoute.addChildren([
  signInRoute,
  signUpRoute,
  appRoute.addChildren([
    dashboardRoute,
    designsRoute,
    designRoute,
    designerRoute,
    databaseRoute,
    connectionsRoute,
    browserRoute,
    accountRoute,
  ]),
]);

export const router = createRouter({
  routeTree,
  context: { queryClient },
  defaultPreload: 'intent',
  // Query caches the data; the router only decides what to load.
  defaultPreloadStaleTime: 0,
  defaultPendingComponent: () => <LoadingState />,
  defaultErrorComponent: ({ error, reset }) => <ErrorState error={error} onRetry={reset} />,
  scrollRestoration: true,
});

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
}

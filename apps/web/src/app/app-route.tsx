import { createRoute, redirect } from '@tanstack/react-router';
import { isAuthenticationError } from '../api/errors.ts';
import { trpc } from '../api/trpc.ts';
import { AppShell } from './AppShell.tsx';
import { rootRoute } from './root-route.tsx';

/** Every page behind sign-in: the signed-in user is loaded first, or the browser goes to sign in. */
export const appRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: 'app',
  beforeLoad: async ({ context, location }) => {
    try {
      const user = await context.queryClient.ensureQueryData(trpc.auth.me.queryOptions());
      return { user };
    } catch (error) {
      if (isAuthenticationError(error)) {
        throw redirect({ to: '/sign-in', search: { redirect: location.href } });
      }
      throw error;
    }
  },
  component: AppShell,
});

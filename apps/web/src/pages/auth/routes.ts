import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { rootRoute } from '../../app/root-route.tsx';

export interface AuthSearch {
  /** Where to go after signing in: a path of this app, never another site. */
  redirect?: string | undefined;
}

/** A plain function, not a zod schema: the sign-in page is the first load and stays small. */
function AuthSearchSchema(search: Record<string, unknown>): AuthSearch {
  const { redirect } = search;
  return typeof redirect === 'string' && /^\/(?!\/)/.test(redirect) ? { redirect } : {};
}

export const signInRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/sign-in',
  validateSearch: AuthSearchSchema,
  component: lazyRouteComponent(() => import('./SignInPage.tsx'), 'SignInPage'),
});

export const signUpRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/sign-up',
  validateSearch: AuthSearchSchema,
  component: lazyRouteComponent(() => import('./SignUpPage.tsx'), 'SignUpPage'),
});

import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { appRoute } from '../../app/app-route.tsx';

export interface BrowserSearch {
  /** The saved connection being browsed (its id); absent until one is picked. */
  connection?: string | undefined;
}

/** A plain function, not a zod schema: the API checks the id and answers CONNECTION_NOT_FOUND. */
function BrowserSearchSchema(search: Record<string, unknown>): BrowserSearch {
  const { connection } = search;
  return typeof connection === 'string' && connection.length > 0 ? { connection } : {};
}

export const browserRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/browse',
  validateSearch: BrowserSearchSchema,
  component: lazyRouteComponent(() => import('./BrowserPage.tsx'), 'BrowserPage'),
});

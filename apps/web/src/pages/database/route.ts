import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { appRoute } from '../../app/app-route.tsx';

export const databaseRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/designs/$designId/database',
  component: lazyRouteComponent(() => import('./DatabasePage.tsx'), 'DatabasePage'),
});

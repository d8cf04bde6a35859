import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { appRoute } from '../../app/app-route.tsx';

export const connectionsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/connections',
  component: lazyRouteComponent(() => import('./ConnectionsPage.tsx'), 'ConnectionsPage'),
});

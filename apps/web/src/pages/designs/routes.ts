import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { appRoute } from '../../app/app-route.tsx';

export const designsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/designs',
  component: lazyRouteComponent(() => import('./DesignsPage.tsx'), 'DesignsPage'),
});

export const designRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/designs/$designId',
  component: lazyRouteComponent(() => import('./DesignPage.tsx'), 'DesignPage'),
});

import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { appRoute } from '../../app/app-route.tsx';

export const browserRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/browse',
  component: lazyRouteComponent(() => import('./BrowserPage.tsx'), 'BrowserPage'),
});

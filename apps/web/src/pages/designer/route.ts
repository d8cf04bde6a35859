import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { appRoute } from '../../app/app-route.tsx';

/** The visual designer of one design. */
export const designerRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/designs/$designId/edit',
  component: lazyRouteComponent(() => import('./DesignerPage.tsx'), 'DesignerPage'),
});

import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { appRoute } from '../../app/app-route.tsx';

/** The visual designer of one design. */
export const designerRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/designs/$designId/edit',
  // The designer validates as the server does, expressions with PostgreSQL's parser: its
  // WebAssembly is loaded (once) before the page shows, and only here.
  loader: async () => {
    const { loadSqlParser } = await import('@schema-builder/schema-model/sql-expression');
    await loadSqlParser();
  },
  component: lazyRouteComponent(() => import('./DesignerPage.tsx'), 'DesignerPage'),
});

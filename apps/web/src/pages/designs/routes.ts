import { SCHEMA_SORTS, SchemaSearchSchema } from '@schema-builder/contracts/designs';
import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { z } from 'zod';
import { appRoute } from '../../app/app-route.tsx';

/**
 * The designs list's address holds what it shows: `q` (search), `sort` and `cursor` (the page).
 * A malformed value in a hand-edited URL falls back to the default instead of an error page.
 */
export const DesignsSearchSchema = z.object({
  q: SchemaSearchSchema.optional().catch(undefined),
  sort: z.enum(SCHEMA_SORTS).optional().catch(undefined),
  cursor: z.string().max(1000).optional().catch(undefined),
});

export type DesignsSearch = z.infer<typeof DesignsSearchSchema>;

export const designsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/designs',
  validateSearch: DesignsSearchSchema,
  component: lazyRouteComponent(() => import('./DesignsPage.tsx'), 'DesignsPage'),
});

export const designRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/designs/$designId',
  component: lazyRouteComponent(() => import('./DesignPage.tsx'), 'DesignPage'),
});

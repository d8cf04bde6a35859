import { SCHEMA_SORTS, type SchemaSort } from '@schema-builder/contracts/design-sorts';
import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { appRoute } from '../../app/app-route.tsx';

export interface DesignsSearch {
  q?: string | undefined;
  sort?: SchemaSort | undefined;
  cursor?: string | undefined;
}

/**
 * The designs list's address holds what it shows: `q` (search), `sort` and `cursor` (the page).
 * A malformed value in a hand-edited URL falls back to the default instead of an error page.
 * A plain function, not a zod schema: route files are in the entry chunk, which every first
 * visit (the sign-in page's too) downloads; the server checks the same rules again.
 */
function DesignsSearchSchema(search: Record<string, unknown>): DesignsSearch {
  const text = (value: unknown, max: number) =>
    typeof value === 'string' && value.trim().length <= max ? value.trim() : undefined;
  const sort = SCHEMA_SORTS.find((candidate) => candidate === search.sort);
  const q = text(search.q, 200);
  const cursor =
    typeof search.cursor === 'string' && search.cursor.length <= 1000 ? search.cursor : undefined;
  return { ...(q === undefined ? {} : { q }), ...(sort ? { sort } : {}), ...(cursor ? { cursor } : {}) };
}

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

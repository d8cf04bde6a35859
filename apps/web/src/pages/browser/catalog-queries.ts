import { experimental_streamedQuery as streamedQuery, useQueries } from '@tanstack/react-query';
import { useCallback } from 'react';
import { trpc, trpcClient } from '../../api/trpc.ts';
import { type CatalogNode, type ChildrenState, keyOf } from './tree-model.ts';

/** The API's largest page: a 2,000-table database arrives in 20 requests. */
const PAGE_SIZE = 100;

type Page = { items: CatalogNode[]; nextCursor: string | null };

function pageOf(
  connectionId: string,
  names: readonly string[],
  cursor: string | undefined,
  signal: AbortSignal,
) {
  const [database, table] = names;
  const page = { id: connectionId, limit: PAGE_SIZE, cursor };
  if (database === undefined) return trpcClient.catalog.databases.query(page, { signal });
  if (table === undefined) return trpcClient.catalog.tables.query({ ...page, database }, { signal });
  return trpcClient.catalog.columns.query({ ...page, database, table }, { signal });
}

/**
 * Every child of one node, page after page: the rows show as soon as the first page arrives and
 * grow as the rest stream in. Keyed under the catalog's path, so invalidating `trpc.catalog`
 * (after a sync) refetches them; the old rows stay until the new ones have all arrived.
 */
export function childrenQueryOptions(connectionId: string, names: readonly string[]) {
  return {
    queryKey: [...trpc.catalog.pathKey(), 'tree', connectionId, ...names] as const,
    queryFn: streamedQuery<Page, CatalogNode[]>({
      streamFn: async function* ({ signal }) {
        let cursor: string | undefined;
        do {
          const page: Page = await pageOf(connectionId, names, cursor, signal);
          yield page;
          cursor = page.nextCursor ?? undefined;
        } while (cursor !== undefined);
      },
      reducer: (items, page) => items.concat(page.items),
      initialValue: [],
      refetchMode: 'replace',
    }),
    // A sync is what changes the catalog; it invalidates these.
    staleTime: Number.POSITIVE_INFINITY,
  };
}

/** The children of each expanded node, loaded lazily, by the node's names. */
export function useCatalogChildren(connectionId: string, expanded: readonly (readonly string[])[]) {
  // A stable combine: the map (and the rows flattened from it) changes only when data does, not
  // on every render of a scrolling list.
  const combine = useCallback(
    (
      results: {
        data?: CatalogNode[] | undefined;
        isPending: boolean;
        fetchStatus: string;
        error: unknown;
      }[],
    ) =>
      new Map(
        results.map((result, index): [string, ChildrenState] => [
          keyOf(expanded[index] ?? []),
          {
            items: result.data ?? [],
            loading: result.isPending || result.fetchStatus === 'fetching',
            error: result.error,
          },
        ]),
      ),
    [expanded],
  );
  const states = useQueries({
    queries: expanded.map((names) => childrenQueryOptions(connectionId, names)),
    combine,
  });
  return useCallback((names: readonly string[]) => states.get(keyOf(names)), [states]);
}

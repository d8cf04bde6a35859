import type { RouterOutputs } from '@schema-builder/client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Import, RefreshCw, X } from 'lucide-react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { messageOf } from '../../api/errors.ts';
import { trpc } from '../../api/trpc.ts';
import { Button } from '../../components/Button.tsx';
import { InlineError } from '../../components/InlineError.tsx';
import { ErrorState } from '../../components/States.tsx';
import { CatalogTree } from './CatalogTree.tsx';
import { childrenQueryOptions, useCatalogChildren } from './catalog-queries.ts';
import { DetailsPanel } from './DetailsPanel.tsx';
import { ElapsedProgress } from './ElapsedProgress.tsx';
import { ImportDialog, type ImportRequest } from './ImportDialog.tsx';
import { type SyncResult, SyncSummary } from './SyncSummary.tsx';
import { flattenTree, keyOf, ROOT_KEY, type TreeRow } from './tree-model.ts';

type Connection = RouterOutputs['connections']['list']['items'][number];

/** Tables ticked for import: always of one database, since an import reads one. */
interface Selection {
  database: string;
  tables: ReadonlySet<string>;
}

const LEVEL_NOUNS = ['databases', 'tables and views', 'columns'];

/** One connection's catalog: the tree, the active row's details, Sync and Import. */
export function CatalogBrowser({ connection }: { connection: Connection }) {
  const queryClient = useQueryClient();
  const [expanded, setExpanded] = useState<ReadonlyMap<string, readonly string[]>>(
    () => new Map([[ROOT_KEY, []]]),
  );
  const [activeKey, setActiveKey] = useState(ROOT_KEY);
  const [selection, setSelection] = useState<Selection>();
  const [importRequest, setImportRequest] = useState<ImportRequest>();
  const [lastSync, setLastSync] = useState<{ result: SyncResult; firstSync: boolean }>();

  const expandedNames = useMemo(() => [...expanded.values()], [expanded]);
  const childrenOf = useCatalogChildren(connection.id, expandedNames);
  const rows = useMemo(
    () => flattenTree({ connectionName: connection.name, expanded: new Set(expanded.keys()), childrenOf }),
    [connection.name, expanded, childrenOf],
  );
  // -1 (the active row was removed by a sync) falls back to the connection's row.
  const activeIndex = Math.max(
    rows.findIndex((row) => row.key === activeKey),
    0,
  );
  const activeRow = rows[activeIndex];

  const setOpen = useCallback((row: TreeRow, open: boolean) => {
    setExpanded((current) => {
      const next = new Map(current);
      if (open) next.set(row.key, row.names);
      else next.delete(row.key);
      return next;
    });
    // Collapsing hides the active row's subtree: the collapsed node takes the focus.
    if (!open) {
      setActiveKey((active) => (row.key === ROOT_KEY || active.startsWith(`${row.key}/`) ? row.key : active));
    }
  }, []);

  // A connection to one database opens on its tables: one click less, and what most people want.
  const databases = childrenOf([]);
  const autoExpanded = useRef(false);
  useEffect(() => {
    // Waits for a non-empty answer: a connection never synced has none until its first sync.
    if (autoExpanded.current || !databases || databases.loading || databases.items.length === 0) return;
    autoExpanded.current = true;
    const [only] = databases.items;
    if (databases.items.length === 1 && only) {
      setExpanded((current) => new Map(current).set(keyOf([only.name]), [only.name]));
    }
  }, [databases]);

  const syncs = useQuery(trpc.catalog.syncs.queryOptions({ id: connection.id, limit: 1 }));
  const sync = useMutation(
    trpc.catalog.sync.mutationOptions({
      onSuccess: async (result) => {
        setLastSync({ result, firstSync: (syncs.data?.items.length ?? 0) === 0 });
        await queryClient.invalidateQueries({ queryKey: trpc.catalog.pathKey() });
      },
    }),
  );

  const toggleChecked = (row: TreeRow) => {
    const [database] = row.names;
    if (database === undefined) return;
    setSelection((current) => {
      const tables = new Set(current?.database === database ? current.tables : []);
      if (tables.has(row.label)) tables.delete(row.label);
      else tables.add(row.label);
      return tables.size > 0 ? { database, tables } : undefined;
    });
  };
  const isChecked = useCallback(
    (row: TreeRow) =>
      selection !== undefined && selection.database === row.names[0] && selection.tables.has(row.label),
    [selection],
  );

  const busyRow = rows.find((row) => row.busy);
  // Only what is on screen counts: a table removed by a sync, still open, fails quietly.
  const failed = rows
    .filter((row) => row.expanded)
    .map((row) => ({ names: row.names, error: childrenOf(row.names)?.error }))
    .find((entry) => entry.error);
  const previousSync = syncs.data?.items[0];
  const neverSynced = syncs.data?.items.length === 0 && !sync.isSuccess;

  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center gap-2">
        <Button variant="primary" pending={sync.isPending} onClick={() => sync.mutate({ id: connection.id })}>
          <RefreshCw aria-hidden className="size-4" />
          Sync
        </Button>
        <Button
          disabled={!selection}
          onClick={() =>
            selection && setImportRequest({ database: selection.database, tables: [...selection.tables] })
          }
        >
          <Import aria-hidden className="size-4" />
          Import selected tables ({selection?.tables.size ?? 0})
        </Button>
        {selection && (
          <Button variant="ghost" onClick={() => setSelection(undefined)}>
            <X aria-hidden className="size-4" />
            Clear selection
          </Button>
        )}
        <p className="text-sm text-slate-600 dark:text-slate-400">
          {selection
            ? `Selected from ${selection.database}: ${[...selection.tables].join(', ')}`
            : 'Tick tables (Space, or their box) to import some of them.'}
        </p>
      </div>
      {sync.isPending && <ElapsedProgress label={`Syncing ${connection.name}: reading its live structure`} />}
      {sync.isError && <InlineError>Sync failed: {messageOf(sync.error)}</InlineError>}
      {lastSync && <SyncSummary result={lastSync.result} firstSync={lastSync.firstSync} />}
      {!lastSync && previousSync && (
        <p className="text-sm text-slate-600 dark:text-slate-400">
          Last synced {new Date(previousSync.finishedAt).toLocaleString()}: {previousSync.added} added,{' '}
          {previousSync.removed} removed, {previousSync.changed} changed. Sync to read it again.
        </p>
      )}
      {neverSynced && (
        <p className="rounded-md border border-dashed border-slate-300 p-3 text-sm dark:border-slate-700">
          This connection has not been synced yet: Sync reads its databases, tables and columns.
        </p>
      )}
      {failed && (
        <ErrorState
          error={failed.error}
          onRetry={() =>
            queryClient.refetchQueries({
              queryKey: childrenQueryOptions(connection.id, failed.names).queryKey,
            })
          }
        />
      )}
      <div className="grid grid-cols-1 gap-4 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <div className="flex min-w-0 flex-col gap-2">
          <p role="status" className="min-h-5 text-sm text-slate-600 dark:text-slate-400">
            {busyRow
              ? `Loading the ${LEVEL_NOUNS[busyRow.names.length] ?? 'children'} of ${busyRow.label}… ${
                  childrenOf(busyRow.names)?.items.length ?? 0
                } so far`
              : `${rows.length} rows shown`}
          </p>
          <CatalogTree
            label={`Catalog of ${connection.name}`}
            rows={rows}
            activeIndex={activeIndex}
            onActivate={(index) => {
              const row = rows[index];
              if (row) setActiveKey(row.key);
            }}
            onExpand={setOpen}
            isChecked={isChecked}
            onCheck={toggleChecked}
          />
        </div>
        <DetailsPanel
          row={activeRow}
          childCount={activeRow?.expanded ? childrenOf(activeRow.names)?.items.length : undefined}
          onImportDatabase={(database) => setImportRequest({ database, tables: undefined })}
        />
      </div>
      <ImportDialog
        connectionId={connection.id}
        request={importRequest}
        onClose={() => setImportRequest(undefined)}
      />
    </div>
  );
}

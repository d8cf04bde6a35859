import type { RouterOutputs } from '@schema-builder/client';

/** One object of a connection's catalog as the last sync stored it (a database, table, view or column). */
export type CatalogNode = RouterOutputs['catalog']['tables']['items'][number];

export type RowKind = 'connection' | 'database' | 'table' | 'view' | 'column';

/** The loaded children of an expanded node: what has arrived so far, and whether more is coming. */
export interface ChildrenState {
  items: readonly CatalogNode[];
  loading: boolean;
  error: unknown;
}

/** One visible line of the tree: what the virtual list renders and the keyboard moves over. */
export interface TreeRow {
  key: string;
  /** Names from the database down: [] is the connection, [db], [db, table], [db, table, column]. */
  names: readonly string[];
  kind: RowKind;
  label: string;
  /** aria-level: the connection is 1, its databases 2, tables and views 3, columns 4. */
  level: number;
  setSize: number;
  posInSet: number;
  parentKey: string | null;
  expandable: boolean;
  expanded: boolean;
  /** Expanded, and its children have not all arrived yet. */
  busy: boolean;
  node: CatalogNode | undefined;
}

/** A node's key: its names, each encoded, so `a/b` the table and `a`/`b` never meet. */
export const keyOf = (names: readonly string[]) => `/${names.map(encodeURIComponent).join('/')}`;

export const ROOT_KEY = keyOf([]);

const KINDS: Record<number, RowKind> = { 1: 'database', 3: 'column' };

function rowKindOf(depth: number, node: CatalogNode): RowKind {
  if (depth === 2) return node.kind === 'view' ? 'view' : 'table';
  return KINDS[depth] ?? 'column';
}

/**
 * The visible rows, depth first: the connection, then each expanded node's children as far as
 * they have loaded. Views have no columns in the catalog, and columns are leaves.
 */
export function flattenTree({
  connectionName,
  expanded,
  childrenOf,
}: {
  connectionName: string;
  expanded: ReadonlySet<string>;
  childrenOf: (names: readonly string[]) => ChildrenState | undefined;
}): TreeRow[] {
  const rootExpanded = expanded.has(ROOT_KEY);
  const rows: TreeRow[] = [
    {
      key: ROOT_KEY,
      names: [],
      kind: 'connection',
      label: connectionName,
      level: 1,
      setSize: 1,
      posInSet: 1,
      parentKey: null,
      expandable: true,
      expanded: rootExpanded,
      busy: rootExpanded && (childrenOf([])?.loading ?? true),
      node: undefined,
    },
  ];
  const visit = (parentNames: readonly string[], parentKey: string) => {
    const items = childrenOf(parentNames)?.items ?? [];
    const depth = parentNames.length + 1;
    items.forEach((node, index) => {
      const names = [...parentNames, node.name];
      const key = keyOf(names);
      const kind = rowKindOf(depth, node);
      const expandable = kind === 'database' || kind === 'table';
      const isExpanded = expandable && expanded.has(key);
      rows.push({
        key,
        names,
        kind,
        label: node.name,
        level: depth + 1,
        setSize: items.length,
        posInSet: index + 1,
        parentKey,
        expandable,
        expanded: isExpanded,
        busy: isExpanded && (childrenOf(names)?.loading ?? true),
        node,
      });
      if (isExpanded) visit(names, key);
    });
  };
  if (rootExpanded) visit([], ROOT_KEY);
  return rows;
}

/** What a key press in the tree does (the WAI-ARIA tree view pattern). */
export type TreeAction =
  | { type: 'focus'; index: number }
  | { type: 'expand'; key: string }
  | { type: 'collapse'; key: string }
  | { type: 'check'; row: TreeRow }
  | { type: 'none' };

const PAGE = 10;

export function actionForKey(rows: readonly TreeRow[], index: number, key: string): TreeAction {
  const row = rows[index];
  if (!row) return rows.length > 0 ? { type: 'focus', index: 0 } : { type: 'none' };
  const last = rows.length - 1;
  switch (key) {
    case 'ArrowDown':
      return { type: 'focus', index: Math.min(index + 1, last) };
    case 'ArrowUp':
      return { type: 'focus', index: Math.max(index - 1, 0) };
    case 'PageDown':
      return { type: 'focus', index: Math.min(index + PAGE, last) };
    case 'PageUp':
      return { type: 'focus', index: Math.max(index - PAGE, 0) };
    case 'Home':
      return { type: 'focus', index: 0 };
    case 'End':
      return { type: 'focus', index: last };
    case 'ArrowRight': {
      if (!row.expandable) return { type: 'none' };
      if (!row.expanded) return { type: 'expand', key: row.key };
      const next = rows[index + 1];
      return next && next.parentKey === row.key ? { type: 'focus', index: index + 1 } : { type: 'none' };
    }
    case 'ArrowLeft': {
      if (row.expanded) return { type: 'collapse', key: row.key };
      const parent = rows.findIndex((candidate) => candidate.key === row.parentKey);
      return parent >= 0 ? { type: 'focus', index: parent } : { type: 'none' };
    }
    case 'Enter':
      if (!row.expandable) return { type: 'none' };
      return row.expanded ? { type: 'collapse', key: row.key } : { type: 'expand', key: row.key };
    case ' ':
      return isCheckable(row) ? { type: 'check', row } : { type: 'none' };
    default:
      return { type: 'none' };
  }
}

/** Tables carry a checkbox: the ones ticked are what "Import selected tables" imports (a view is not imported). */
export const isCheckable = (row: TreeRow) => row.kind === 'table';

/** A path of a sync's change summary (`shop/orders/id`, each name encoded), as names. */
export const namesOfPath = (path: string) => path.split('/').map(decodeURIComponent);

/**
 * Type-ahead: the next visible row after `from` (wrapping around) whose name starts with what was
 * typed, ignoring case; -1 when none does.
 */
export function typeaheadIndex(rows: readonly TreeRow[], from: number, typed: string): number {
  const wanted = typed.toLowerCase();
  for (let step = 1; step <= rows.length; step++) {
    const index = (from + step) % rows.length;
    if (rows[index]?.label.toLowerCase().startsWith(wanted)) return index;
  }
  return -1;
}

import { defaultRangeExtractor, type Range, useVirtualizer } from '@tanstack/react-virtual';
import { clsx } from 'clsx';
import {
  Check,
  ChevronDown,
  ChevronRight,
  Columns3,
  Database,
  Eye,
  LoaderCircle,
  Plug,
  Table2,
} from 'lucide-react';
import { type KeyboardEvent, type ReactNode, useCallback, useEffect, useId, useRef } from 'react';
import { ColumnMarkers } from './ColumnMarkers.tsx';
import { actionForKey, isCheckable, type RowKind, type TreeRow, typeaheadIndex } from './tree-model.ts';

const ROW_HEIGHT = 32;

const ICONS: Record<RowKind, ReactNode> = {
  connection: <Plug aria-hidden className="size-4 shrink-0" />,
  database: <Database aria-hidden className="size-4 shrink-0" />,
  table: <Table2 aria-hidden className="size-4 shrink-0" />,
  view: <Eye aria-hidden className="size-4 shrink-0" />,
  column: <Columns3 aria-hidden className="size-4 shrink-0" />,
};

export interface CatalogTreeProps {
  label: string;
  rows: readonly TreeRow[];
  activeIndex: number;
  onActivate: (index: number) => void;
  onExpand: (row: TreeRow, expanded: boolean) => void;
  isChecked: (row: TreeRow) => boolean;
  onCheck: (row: TreeRow) => void;
}

/**
 * The catalog as a WAI-ARIA tree, virtualized: only the rows in view (and a few beyond) are in the
 * DOM, each a treeitem with its level, position and set size, so assistive technology still knows
 * where it is. Focus stays on the tree; aria-activedescendant names the active row, which is
 * scrolled into view (and so rendered) whenever the keyboard moves it.
 */
export function CatalogTree({
  label,
  rows,
  activeIndex,
  onActivate,
  onExpand,
  isChecked,
  onCheck,
}: CatalogTreeProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const baseId = useId();
  // The active row is always rendered, even scrolled out of view: aria-activedescendant must name
  // an element that exists.
  const rangeExtractor = useCallback(
    (range: Range) => {
      const indexes = defaultRangeExtractor(range);
      if (activeIndex >= rows.length || indexes.includes(activeIndex)) return indexes;
      return [...indexes, activeIndex].sort((a, b) => a - b);
    },
    [activeIndex, rows.length],
  );
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    rangeExtractor,
  });
  const keyboardMoved = useRef(false);

  useEffect(() => {
    if (!keyboardMoved.current) return;
    keyboardMoved.current = false;
    virtualizer.scrollToIndex(activeIndex, { align: 'auto' });
  }, [activeIndex, virtualizer]);

  // Letters typed within half a second of each other search as one word ("or" finds "orders").
  const typeahead = useRef({ text: '', at: 0 });
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const printable = event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey;
    if (printable && (event.key !== ' ' || typeahead.current.text !== '')) {
      const now = Date.now();
      const continuing = now - typeahead.current.at < 500;
      const text = continuing ? typeahead.current.text + event.key : event.key;
      typeahead.current = { text, at: now };
      // A longer word may still match the active row; a new one looks from the next.
      const found = typeaheadIndex(rows, continuing ? activeIndex - 1 : activeIndex, text);
      if (found >= 0) {
        event.preventDefault();
        keyboardMoved.current = true;
        onActivate(found);
      }
      return;
    }
    const action = actionForKey(rows, activeIndex, event.key);
    if (action.type === 'none') return;
    event.preventDefault();
    switch (action.type) {
      case 'focus':
        keyboardMoved.current = true;
        onActivate(action.index);
        break;
      case 'expand':
      case 'collapse': {
        const row = rows[activeIndex];
        if (row) onExpand(row, action.type === 'expand');
        break;
      }
      case 'check':
        onCheck(action.row);
        break;
    }
  };

  const rowId = (index: number) => `${baseId}-row-${index}`;
  return (
    <div
      ref={scrollRef}
      role="tree"
      aria-label={label}
      aria-activedescendant={rows[activeIndex] ? rowId(activeIndex) : undefined}
      tabIndex={0}
      onKeyDown={onKeyDown}
      className="group h-[55vh] min-h-64 overflow-auto rounded-lg border border-slate-200 bg-white outline-none focus-visible:ring-2 focus-visible:ring-sky-600 lg:h-[calc(100vh-18rem)] dark:border-slate-700 dark:bg-slate-900"
    >
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((item) => {
          const row = rows[item.index];
          if (!row) return null;
          const active = item.index === activeIndex;
          const checkable = isCheckable(row);
          const checked = checkable && isChecked(row);
          // A row is named by its content: a table by its name, a column by its name, type and
          // markers ("email text unique not null"). No aria-label: what is read is what is shown.
          return (
            // Focus stays on the tree (aria-activedescendant), which handles the keys for every
            // row, so a row is not focusable itself and a row scrolled out of the DOM loses nothing.
            // biome-ignore lint/a11y/useFocusableInteractive: see above
            // biome-ignore lint/a11y/useKeyWithClickEvents: the tree's onKeyDown is the keyboard path
            <div
              key={row.key}
              id={rowId(item.index)}
              role="treeitem"
              aria-level={row.level}
              aria-setsize={row.setSize}
              aria-posinset={row.posInSet}
              aria-expanded={row.expandable ? row.expanded : undefined}
              aria-checked={checkable ? checked : undefined}
              aria-busy={row.busy || undefined}
              onClick={() => {
                onActivate(item.index);
                if (row.expandable) onExpand(row, !row.expanded);
              }}
              className={clsx(
                'absolute left-0 flex w-full cursor-default items-center gap-1.5 pr-2 text-sm whitespace-nowrap select-none',
                active
                  ? 'bg-sky-50 group-focus-visible:outline-2 group-focus-visible:-outline-offset-2 group-focus-visible:outline-sky-600 dark:bg-sky-950'
                  : 'hover:bg-slate-50 dark:hover:bg-slate-800',
              )}
              style={{
                top: item.start,
                height: ROW_HEIGHT,
                paddingLeft: `${(row.level - 1) * 1.25 + 0.5}rem`,
              }}
            >
              <span aria-hidden className="flex size-4 shrink-0 items-center justify-center">
                {row.busy ? (
                  <LoaderCircle className="size-4 animate-spin" />
                ) : row.expandable ? (
                  row.expanded ? (
                    <ChevronDown className="size-4" />
                  ) : (
                    <ChevronRight className="size-4" />
                  )
                ) : null}
              </span>
              {checkable && (
                // The tree item carries aria-checked; this box is its picture and mouse target.
                <span
                  aria-hidden
                  onClick={(event) => {
                    event.stopPropagation();
                    onActivate(item.index);
                    onCheck(row);
                  }}
                  className={clsx(
                    'flex size-4 shrink-0 items-center justify-center rounded-sm border text-[0.7rem] leading-none',
                    checked
                      ? 'border-sky-700 bg-sky-700 text-white'
                      : 'border-slate-400 bg-white dark:bg-slate-900',
                  )}
                >
                  {checked && <Check className="size-3" />}
                </span>
              )}
              {ICONS[row.kind]}
              <span className="truncate">{row.label}</span>
              {row.kind === 'view' && (
                <span className="text-xs text-slate-600 dark:text-slate-400"> view</span>
              )}
              {row.kind === 'column' && row.node && <ColumnMarkers details={row.node.details} />}
            </div>
          );
        })}
      </div>
    </div>
  );
}

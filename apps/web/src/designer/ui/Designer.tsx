import { parseDesign } from '@schema-builder/schema-model/validation';
import { Link } from '@tanstack/react-router';
import { ReactFlowProvider } from '@xyflow/react';
import { Database, Group, LayoutGrid, Maximize, Plus, Redo2, StickyNote, Undo2 } from 'lucide-react';
import { Tabs } from 'radix-ui';
import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { Button } from '../../components/Button.tsx';
import { toast } from '../../components/Toasts.tsx';
import { autoLayout, needsLayout } from '../canvas/auto-layout.ts';
import { Canvas, useCanvasView } from '../canvas/Canvas.tsx';
import { DatabasePanel } from '../database/DatabasePanel.tsx';
import { CompareCanvas } from '../history/CompareCanvas.tsx';
import { HistoryPanel, type ShownComparison } from '../history/HistoryPanel.tsx';
import { indexProblems, keepUnchangedProblems, type ProblemIndex } from '../problems.ts';
import type { DesignEditor } from '../save/use-design-editor.ts';
import { type Clipboard, copyTables, duplicateTable, newTable, pasteTables } from '../state/factories.ts';
import { canRedo, canUndo } from '../state/history.ts';
import { newId } from '../state/ids.ts';
import { ConflictDialog } from './ConflictDialog.tsx';
import { ExportPicture } from './ExportPicture.tsx';
import { ForeignKeyActionsDialog } from './ForeignKeyActionsDialog.tsx';
import { Outline } from './Outline.tsx';
import { ProblemsPanel } from './ProblemsPanel.tsx';
import { SaveStatusLine } from './SaveStatusLine.tsx';
import { SqlPanel } from './SqlPanel.tsx';
import { useDesignerShortcuts } from './shortcuts.ts';

const GROUP_COLORS = ['#2563eb', '#16a34a', '#d97706', '#9333ea', '#dc2626'];

/** The designer: toolbar, outline, canvas, problems and SQL around one design being edited. */
export function Designer({ designId, editor }: { designId: string; editor: DesignEditor }) {
  return (
    <ReactFlowProvider>
      <DesignerLayout designId={designId} editor={editor} />
    </ReactFlowProvider>
  );
}

function DesignerLayout({ designId, editor }: { designId: string; editor: DesignEditor }) {
  const { design, apply, state } = editor;
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [drawnForeignKey, setDrawnForeignKey] = useState<string>();
  // Two versions picked in History: the canvas shows them compared instead of the design.
  const [comparing, setComparing] = useState<ShownComparison>();
  const clipboard = useRef<Clipboard | undefined>(undefined);
  const view = useCanvasView();

  // A design whose tables have no positions (an import) is laid out when it opens; the positions
  // are saved with the next edit, so merely opening it makes no version.
  const laidOut = useRef(false);
  const { arrangeOnOpen } = editor;
  useEffect(() => {
    if (laidOut.current || !needsLayout(design)) return;
    laidOut.current = true;
    void autoLayout(design).then((positions) => {
      arrangeOnOpen(positions);
      requestAnimationFrame(view.fit);
    });
  }, [design, arrangeOnOpen, view]);
  const [drawAll, setDrawAll] = useState(false);
  const drawEverything = useCallback(
    (on: boolean) =>
      new Promise<void>((resolve) => {
        setDrawAll(on);
        // Two frames: React commits, then React Flow measures and draws the nodes.
        requestAnimationFrame(() => requestAnimationFrame(() => resolve()));
      }),
    [],
  );
  const selectTable = useCallback((tableId: string) => setSelected(new Set([tableId])), []);

  // Validation and DDL follow the edits without holding up typing on a large design.
  const checked = useDeferredValue(design);
  const parsed = useMemo(() => parseDesign(checked), [checked]);
  const lastProblems = useRef<ProblemIndex | undefined>(undefined);
  const problems = useMemo(() => {
    // Unchanged lists keep their identity: only the tables whose problems changed redraw.
    const next = keepUnchangedProblems(
      lastProblems.current,
      indexProblems(checked, [...parsed.report.errors, ...parsed.report.warnings]),
    );
    lastProblems.current = next;
    return next;
  }, [checked, parsed]);
  const problemCount = parsed.report.errors.length + parsed.report.warnings.length;

  const addTable = () => {
    const table = newTable(design, { x: 40 + design.tables.length * 24, y: 40 + design.tables.length * 24 });
    apply({ kind: 'addTables', tables: [table] });
    setSelected(new Set([table.id]));
    requestAnimationFrame(() => document.getElementById(`outline-table-${table.id}`)?.focus());
  };
  const handlers = {
    undo: editor.undo,
    redo: editor.redo,
    addTable,
    copy: () => {
      if (selected.size > 0) clipboard.current = copyTables(design, [...selected]);
    },
    paste: () => clipboard.current && apply(pasteTables(design, clipboard.current)),
    duplicate: () => {
      for (const tableId of selected) apply(duplicateTable(design, tableId));
    },
    deleteSelection: () => {
      if (selected.size === 0) return;
      apply({ kind: 'deleteTables', tableIds: [...selected] });
      setSelected(new Set());
    },
  };
  useDesignerShortcuts(handlers);

  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-wrap items-center gap-2" role="toolbar" aria-label="Designer">
        <Button onClick={addTable} aria-keyshortcuts="Alt+N">
          <Plus aria-hidden className="size-4" />
          Add table
        </Button>
        <Button onClick={editor.undo} disabled={!canUndo(state.history)} aria-keyshortcuts="Control+Z Meta+Z">
          <Undo2 aria-hidden className="size-4" />
          Undo
        </Button>
        <Button
          onClick={editor.redo}
          disabled={!canRedo(state.history)}
          aria-keyshortcuts="Control+Shift+Z Meta+Shift+Z"
        >
          <Redo2 aria-hidden className="size-4" />
          Redo
        </Button>
        <Button
          onClick={async () => {
            apply({ kind: 'moveTables', positions: await autoLayout(design) });
            requestAnimationFrame(view.fit);
          }}
        >
          <LayoutGrid aria-hidden className="size-4" />
          Arrange automatically
        </Button>
        <Button onClick={view.fit}>
          <Maximize aria-hidden className="size-4" />
          Fit to view
        </Button>
        <Button
          disabled={selected.size === 0}
          onClick={() => {
            const color =
              GROUP_COLORS[
                design.ui?.groups && Array.isArray(design.ui.groups) ? design.ui.groups.length % 5 : 0
              ];
            apply({
              kind: 'setGroup',
              group: { id: newId('g'), name: 'Group', color: color ?? '#2563eb', tableIds: [...selected] },
            });
            toast('Group made from the selected tables');
          }}
        >
          <Group aria-hidden className="size-4" />
          Group selected
        </Button>
        <Button
          onClick={() =>
            apply({ kind: 'setNote', note: { id: newId('n'), text: 'Note', position: { x: 0, y: -120 } } })
          }
        >
          <StickyNote aria-hidden className="size-4" />
          Add note
        </Button>
        <Link
          to="/designs/$designId/database"
          params={{ designId }}
          className="inline-flex items-center gap-2 rounded-md border border-slate-300 px-3 py-2 text-sm dark:border-slate-600"
        >
          <Database aria-hidden className="size-4" />
          Database
        </Link>
        <ExportPicture name={design.name} drawEverything={drawEverything} />
        <div className="ml-auto">
          <SaveStatusLine status={state.status} version={state.baseVersion} />
        </div>
      </div>
      {state.message && state.status === 'invalid' && (
        <p className="text-sm text-red-700 dark:text-red-400">{state.message}</p>
      )}
      <div className="flex flex-col gap-3 lg:h-[calc(100vh-13rem)] lg:flex-row">
        <aside aria-label="Outline" className="overflow-y-auto lg:w-[26rem] lg:shrink-0">
          <h2 className="mb-2 font-semibold">Outline</h2>
          <Outline
            design={design}
            apply={apply}
            problems={problems}
            selectedTableIds={selected}
            onSelectTable={selectTable}
          />
        </aside>
        <section
          aria-label="Canvas"
          className="h-[60vh] min-w-0 rounded-md border border-slate-200 lg:h-auto lg:flex-1 dark:border-slate-700"
        >
          {comparing ? (
            <CompareCanvas
              comparison={comparing.comparison}
              fromVersion={comparing.fromVersion}
              toVersion={comparing.toVersion}
              onClose={() => setComparing(undefined)}
            />
          ) : (
            <Canvas
              design={design}
              apply={apply}
              problems={problems}
              selectedTableIds={selected}
              onSelectionChange={(ids) => setSelected(new Set(ids))}
              onForeignKeyDrawn={setDrawnForeignKey}
              drawEverything={drawAll}
            />
          )}
        </section>
        <Tabs.Root defaultValue="problems" className="flex flex-col lg:w-[26rem] lg:shrink-0">
          <Tabs.List
            aria-label="Checks, SQL, history and database"
            className="flex gap-1 border-b border-slate-200 dark:border-slate-700"
          >
            <Tabs.Trigger
              value="problems"
              className="px-3 py-2 text-sm data-[state=active]:border-b-2 data-[state=active]:border-sky-600"
            >
              Problems ({problemCount})
            </Tabs.Trigger>
            <Tabs.Trigger
              value="sql"
              className="px-3 py-2 text-sm data-[state=active]:border-b-2 data-[state=active]:border-sky-600"
            >
              SQL
            </Tabs.Trigger>
            <Tabs.Trigger
              value="history"
              className="px-3 py-2 text-sm data-[state=active]:border-b-2 data-[state=active]:border-sky-600"
            >
              History
            </Tabs.Trigger>
            <Tabs.Trigger
              value="database"
              className="px-3 py-2 text-sm data-[state=active]:border-b-2 data-[state=active]:border-sky-600"
            >
              Database
            </Tabs.Trigger>
          </Tabs.List>
          <Tabs.Content value="problems" className="overflow-y-auto">
            <ProblemsPanel design={checked} report={parsed.report} />
          </Tabs.Content>
          <Tabs.Content value="sql" className="overflow-y-auto">
            <SqlPanel design={parsed.ok ? parsed.design : undefined} name={design.name} />
          </Tabs.Content>
          <Tabs.Content value="history" className="overflow-y-auto">
            <HistoryPanel designId={designId} onCompare={setComparing} />
          </Tabs.Content>
          <Tabs.Content value="database" className="overflow-y-auto">
            <DatabasePanel designId={designId} savedVersion={state.baseVersion} saveStatus={state.status} />
          </Tabs.Content>
        </Tabs.Root>
      </div>
      <ConflictDialog
        open={state.status === 'conflict'}
        theirVersion={state.theirs?.version}
        onTakeTheirs={editor.takeTheirs}
        onKeepMine={editor.keepMine}
      />
      <ForeignKeyActionsDialog
        design={design}
        foreignKeyId={drawnForeignKey}
        apply={apply}
        onClose={() => setDrawnForeignKey(undefined)}
      />
    </div>
  );
}

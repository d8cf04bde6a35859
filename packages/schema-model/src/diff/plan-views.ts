import type { View } from '../design/model.ts';
import { viewGraph } from '../design/view-graph.ts';
import { replaceableQuery } from '../sql-expression/replaceable-query.ts';
import { columnKey } from './analysis.ts';
import type { Planner } from './planner.ts';
import { q } from './planner.ts';
import { hazard } from './steps.ts';

/**
 * Views in a migration. A view holds no rows, so changing one is dropping it and creating it
 * again; what makes this a plan rather than a list is the order. PostgreSQL refuses to drop or
 * change what a view reads (a table, a column's type, a column, another view) while the view
 * exists, and never CASCADE is used; so:
 *
 * - first, before any other drop, the views that go, that change, and that read something
 *   that changes under them (a dropped, renamed or moved table, a dropped or renamed column, a column
 *   whose type changes, a view dropped here) are dropped, readers before what they read;
 * - right after, a view kept under a new name no relation of the old version had is renamed in
 *   place (ALTER VIEW … RENAME TO: its privileges stay);
 * - last, once every table is as the new version has it, the new and changed views and those
 *   dropped for the changes under them are created, each after the views it reads.
 *
 * A view whose query changes is replaced in place (CREATE OR REPLACE VIEW, last, its readers left
 * alone and its privileges kept) when PostgreSQL is sure to take it: the same columns first, of
 * the same types (`replaceableQuery`: same FROM and WITH, the old SELECT list a prefix of the
 * new), and nothing under it changes. Otherwise it is dropped and created, which is always taken.
 */
export interface ViewChanges {
  /** Old-version positions of the views dropped, in the order they are dropped. */
  drops: number[];
  /** New-version positions of the views created, in the order they are created. */
  creates: number[];
  /** Ids of views dropped only because of what changes under them (created again as they were). */
  recreated: Set<string>;
  /** Ids of views whose new query PostgreSQL takes with CREATE OR REPLACE (in `creates`, not dropped). */
  replaced: Set<string>;
  /** Views kept but renamed (ALTER VIEW … RENAME TO, right after the drops), by id. */
  renames: { id: string; name: string; newName: string }[];
}

export function viewChanges(p: Planner): ViewChanges {
  const fromViews = p.ctx.from.design.views ?? [];
  const toViews = p.ctx.to.design.views ?? [];
  const toById = new Map(toViews.map((view) => [view.id, view]));
  const fromGraph = viewGraph(fromViews);

  // Old names of what changes under a view that reads it.
  const changed = new Set(p.ctx.droppedTables.map((t) => t.table.name));
  for (const table of p.ctx.tables) {
    const renamed =
      table.from.table.name !== table.to.table.name || table.from.table.schemaId !== table.to.table.schemaId;
    const columnChanged =
      table.droppedColumns.length > 0 ||
      table.columns.some(
        (pair) =>
          pair.from.name !== pair.to.name || p.analysis.typeChanges.has(columnKey(table.id, pair.to.id)),
      );
    if (renamed || columnChanged) changed.add(table.from.table.name);
  }

  const dropped = new Set<number>();
  const recreated = new Set<string>();
  const replaced = new Set<string>();
  const renamed = new Set<string>();
  // A new name no relation of the old version has can be given in place (no swap to untangle).
  const oldNames = new Set([...p.ctx.from.design.tables.map((t) => t.name), ...fromViews.map((v) => v.name)]);
  fromViews.forEach((view, i) => {
    const next = toById.get(view.id);
    if (next === undefined) {
      dropped.add(i);
      return;
    }
    const sameQuery = next.definition === view.definition;
    if (next.name !== view.name) {
      if (oldNames.has(next.name) || !(sameQuery || replaceableQuery(view.definition, next.definition))) {
        dropped.add(i);
        return;
      }
      renamed.add(view.id);
    }
    if (!sameQuery) {
      if (replaceableQuery(view.definition, next.definition)) replaced.add(view.id);
      else dropped.add(i);
    }
  });
  for (const i of dropped) changed.add(fromViews[i]?.name ?? '');
  // Readers of what changes, and readers of those, until nothing more is found.
  for (let grew = true; grew; ) {
    grew = false;
    fromViews.forEach((view, i) => {
      if (dropped.has(i) || !(fromGraph.reads[i] ?? []).some((name) => changed.has(name))) return;
      dropped.add(i);
      changed.add(view.name);
      const edited = replaced.delete(view.id);
      renamed.delete(view.id);
      if (!edited && toById.has(view.id)) recreated.add(view.id);
      grew = true;
    });
  }

  const droppedIds = new Set([...dropped].map((i) => fromViews[i]?.id));
  const fromIds = new Set(fromViews.map((view) => view.id));
  const toGraph = viewGraph(toViews);
  return {
    drops: [...fromGraph.order].reverse().filter((i) => dropped.has(i)),
    creates: toGraph.order.filter((i) => {
      const id = toViews[i]?.id;
      return id !== undefined && (!fromIds.has(id) || droppedIds.has(id) || replaced.has(id));
    }),
    recreated,
    replaced,
    renames: fromViews.flatMap((view) => {
      const next = toById.get(view.id);
      return renamed.has(view.id) && next ? [{ id: view.id, name: view.name, newName: next.name }] : [];
    }),
  };
}

/** The first stage of a migration: the views that go or change, readers first (names are the old version's). */
export function planViewDrops(p: Planner, changes: ViewChanges): void {
  const fromViews = p.ctx.from.design.views ?? [];
  const toIds = new Set((p.ctx.to.design.views ?? []).map((view) => view.id));
  for (const i of changes.drops) {
    const view = fromViews[i];
    if (view === undefined) continue;
    const kept = toIds.has(view.id);
    p.out.add({
      id: `drop_view:${view.id}`,
      description: changes.recreated.has(view.id)
        ? `Drop view ${q(view.name)} for now; it is created again after the changes under it`
        : kept
          ? `Drop view ${q(view.name)}; its new version is created later`
          : `Drop view ${q(view.name)}`,
      statements: [{ kind: 'drop_view', name: view.name }],
      ...(kept
        ? {}
        : {
            hazards: [hazard('BREAKS_CLIENTS', `view ${q(view.name)} is dropped: queries that read it fail`)],
          }),
    });
  }
}

/** Right after the drops: views kept under a new name, renamed in place (their privileges kept). */
export function planViewRenames(p: Planner, changes: ViewChanges): void {
  for (const { id, name, newName } of changes.renames)
    p.out.add({
      id: `rename_view:${id}`,
      description: `Rename view ${q(name)} to ${q(newName)}`,
      statements: [{ kind: 'rename_view', name, newName }],
      hazards: [
        hazard(
          'BREAKS_CLIENTS',
          `view ${q(name)} is renamed to ${q(newName)}: clients reading it by its old name fail`,
        ),
      ],
    });
}

/** The last stage: new, changed and recreated views, each after the views it reads, with their comments. */
export function planViewCreates(p: Planner, changes: ViewChanges): void {
  const fromById = new Map((p.ctx.from.design.views ?? []).map((view) => [view.id, view]));
  const toViews = p.ctx.to.design.views ?? [];
  for (const i of changes.creates) {
    const view = toViews[i];
    if (view === undefined) continue;
    const before = fromById.get(view.id);
    if (before !== undefined && changes.replaced.has(view.id)) {
      p.out.add({
        id: `replace_view:${view.id}`,
        description: `Replace the query of view ${q(view.name)} (its columns stay, new ones come last)`,
        statements: [
          { kind: 'create_view', name: view.name, definition: view.definition, orReplace: true },
          ...(before.comment === view.comment
            ? []
            : [{ kind: 'comment_on_view' as const, view: view.name, comment: view.comment ?? null }]),
        ],
      });
      continue;
    }
    p.out.add({
      id: `create_view:${view.id}`,
      description: createDescription(view, before, changes.recreated.has(view.id)),
      statements: [
        { kind: 'create_view', name: view.name, definition: view.definition },
        ...(view.comment === undefined
          ? []
          : [{ kind: 'comment_on_view' as const, view: view.name, comment: view.comment }]),
      ],
      ...(before === undefined
        ? {}
        : {
            hazards: [
              hazard(
                'BREAKS_CLIENTS',
                `view ${q(view.name)} is recreated: privileges granted on it are lost${before.name === view.name ? '' : `, and clients reading ${q(before.name)} must use the new name`}`,
              ),
            ],
          }),
    });
  }
  // Kept views whose comment alone changes.
  const created = new Set(changes.creates.map((i) => toViews[i]?.id));
  for (const view of toViews) {
    const before = fromById.get(view.id);
    if (before === undefined || created.has(view.id) || before.comment === view.comment) continue;
    p.out.add({
      id: `comment_view:${view.id}`,
      description:
        view.comment === undefined
          ? `Remove the comment of view ${q(view.name)}`
          : `Comment view ${q(view.name)}`,
      statements: [{ kind: 'comment_on_view', view: view.name, comment: view.comment ?? null }],
    });
  }
}

function createDescription(view: View, before: View | undefined, recreated: boolean): string {
  if (before === undefined) return `Create view ${q(view.name)}`;
  if (recreated) return `Create view ${q(view.name)} again, as it was`;
  return before.name === view.name
    ? `Create the new version of view ${q(view.name)}`
    : `Create view ${q(before.name)} as ${q(view.name)}`;
}

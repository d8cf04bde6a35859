import { viewGraph } from '../design/view-graph.ts';
import type { ValidationContext } from './context.ts';
import { quoted } from './context.ts';
import { expressionIssue } from './expressions.ts';
import type { ValidationIssue } from './issue.ts';
import { checkName } from './names.ts';

/** Schemas of PostgreSQL's own catalogs: a view may read them (they exist in every database). */
const SYSTEM_SCHEMAS = new Set(['pg_catalog', 'information_schema']);

/**
 * Views: a name of their own among the relations (tables, views, indexes) and types (a view has a
 * row type, like a table), one SELECT that PostgreSQL's parser accepts, only relations the design
 * has (or PostgreSQL's catalogs), and no view reading itself through others. The columns a view
 * reads are not checked against the tables here: PostgreSQL does that when it creates the view.
 */
export function checkViews(ctx: ValidationContext, issues: ValidationIssue[]): void {
  const views = ctx.doc.views ?? [];
  if (views.length === 0) return;
  const tableNames = new Set(ctx.doc.tables.map((table) => table.name));
  const typeNames = new Set(ctx.enums.map((e) => e.name));
  const indexNames = new Set(
    ctx.doc.tables.flatMap((table) => (table.indexes ?? []).map((index) => index.name)),
  );
  const ids = new Set<string>();
  const names = new Set<string>();
  const parsed: boolean[] = [];
  views.forEach((view, v) => {
    if (ids.has(view.id))
      ctx.error(
        'DUPLICATE_ID',
        ['views', v, 'id'],
        `View ${v + 1} has the same id ${quoted(view.id)} as another view.`,
      );
    else ids.add(view.id);
    const named = checkName(ctx, view.name, ['views', v, 'name'], {
      kind: 'View',
      position: v,
      quoting: true,
      reserved: 'relation',
    });
    if (named && view.name.trim() !== '') {
      if (names.has(view.name))
        ctx.error('DUPLICATE_VIEW_NAME', ['views', v, 'name'], `Two views are named ${quoted(view.name)}.`);
      else if (tableNames.has(view.name) || indexNames.has(view.name))
        ctx.error(
          'NAME_CONFLICT',
          ['views', v, 'name'],
          `View ${quoted(view.name)} has the same name as a ${tableNames.has(view.name) ? 'table' : 'index'}. Tables, views and indexes share one namespace in PostgreSQL.`,
        );
      else if (typeNames.has(view.name))
        ctx.error(
          'NAME_CONFLICT',
          ['views', v, 'name'],
          `View ${quoted(view.name)} has the same name as an enum. PostgreSQL creates a type for every view, so enums and views need different names.`,
        );
      names.add(view.name);
    }
    const problem = expressionIssue(view.definition, 'query', ['views', v, 'definition']);
    if (problem) issues.push(problem);
    parsed.push(problem === undefined);
  });

  const graph = viewGraph(views.map((view) => ({ name: view.name, definition: view.definition })));
  views.forEach((view, v) => {
    if (!parsed[v]) return;
    for (const name of graph.reads[v] ?? []) {
      if (tableNames.has(name) || names.has(name)) continue;
      ctx.error(
        'VIEW_UNKNOWN_RELATION',
        ['views', v, 'definition'],
        `View ${quoted(view.name)} reads ${quoted(name)}, which is neither a table nor a view of this design.`,
      );
    }
    for (const { schema, name } of graph.qualified[v] ?? []) {
      if (SYSTEM_SCHEMAS.has(schema)) continue;
      ctx.error(
        'VIEW_UNKNOWN_RELATION',
        ['views', v, 'definition'],
        `View ${quoted(view.name)} reads ${quoted(`${schema}.${name}`)}: the design has no schema ${quoted(schema)} (only PostgreSQL's own pg_catalog and information_schema may be read by name).`,
      );
    }
  });
  for (const cycle of graph.cycles) {
    const first = cycle[0] ?? 0;
    const loop = [...cycle, first].map((v) => quoted(views[v]?.name ?? '')).join(' → ');
    ctx.error(
      'VIEW_CIRCULAR',
      ['views', first, 'definition'],
      `Views read each other in a loop (${loop}): none of them can be created.`,
    );
  }
}

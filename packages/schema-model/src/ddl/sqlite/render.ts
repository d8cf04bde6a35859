import type { ExportChange, RenderedPlan } from '../export-warning.ts';
import { attachLoneComments, ChangeLog } from '../export-warning.ts';
import { unreachable } from '../postgres/render-type.ts';
import type { CreateContext } from '../render-context.ts';
import { createContext, createStatements } from '../render-context.ts';
import { PortableViews } from '../render-view.ts';
import type {
  CommentOnColumnStatement,
  CommentOnTableStatement,
  CommentOnTypeStatement,
  CreateDdlStatement,
  DdlStatement,
} from '../statements.ts';
import { renderSqliteCreateIndex } from './render-index.ts';
import { renderSqliteCreateTable } from './render-table.ts';

/**
 * The SQLite text of one create statement, ending with `;`, or undefined when SQLite has no
 * statement for it: enums are TEXT columns with a CHECK, foreign keys are written inside
 * CREATE TABLE, and SQLite has no comments (they are left out, reported as COMMENT_DROPPED).
 */
export function renderSqliteStatement(
  statement: CreateDdlStatement,
  context: CreateContext,
  log: ChangeLog = new ChangeLog(),
  views: PortableViews = new PortableViews('sqlite'),
): string | undefined {
  switch (statement.kind) {
    case 'comment_on_type':
    case 'comment_on_table':
    case 'comment_on_column':
      if (statement.comment !== null) log.add(droppedComment(statement));
      return undefined;
    case 'create_extension':
    case 'create_enum':
    case 'add_foreign_key':
      return undefined;
    // Schemas are folded into names before planning (`flattenSchemas`): none reach a SQLite plan.
    case 'create_schema':
    case 'comment_on_schema':
      return undefined;
    case 'create_table':
      return renderSqliteCreateTable(statement, context, log);
    case 'create_index':
      return renderSqliteCreateIndex(statement, log);
    case 'create_view':
      return views.create(statement, log);
    case 'comment_on_view':
      return views.comment(statement, log);
  }
  return unreachable(statement);
}

/** A comment SQLite has nowhere to keep: reported at what it described (no SQL marks it). */
function droppedComment(
  statement: CommentOnTableStatement | CommentOnColumnStatement | CommentOnTypeStatement,
): ExportChange {
  const message = 'SQLite keeps no comments: this one is left out';
  if (statement.kind === 'comment_on_type')
    return { code: 'COMMENT_DROPPED', message, spot: { enumName: statement.type } };
  const column = statement.kind === 'comment_on_column' ? { column: statement.column } : {};
  return { code: 'COMMENT_DROPPED', message, spot: { table: statement.table, ...column } };
}

/** The SQLite statements of a create plan, and the changes they make to the design. */
export function renderSqlitePlanWithChanges(plan: readonly DdlStatement[]): RenderedPlan {
  const statements = createStatements(plan, 'SQLite');
  const context = createContext(statements);
  const log = new ChangeLog();
  const out: string[] = [];
  const views = new PortableViews('sqlite');
  for (const statement of statements) {
    const sql = renderSqliteStatement(statement, context, log, views);
    if (sql !== undefined) out.push(sql);
  }
  return { statements: attachLoneComments(out), changes: log.changes };
}

/** The SQLite statements of a create plan. */
export function renderSqlitePlan(plan: readonly DdlStatement[]): string[] {
  return renderSqlitePlanWithChanges(plan).statements;
}

import { quoteIdentFor } from '../../sql/quote.ts';
import { unreachable } from '../postgres/render-type.ts';
import type { CreateContext } from '../render-context.ts';
import { createContext, createStatements } from '../render-context.ts';
import type { CreateDdlStatement, DdlStatement } from '../statements.ts';
import { renderSqliteCreateTable } from './render-table.ts';

const q = (name: string) => quoteIdentFor('sqlite', name);

/**
 * The SQLite text of one create statement, ending with `;`, or undefined when SQLite has no
 * statement for it: enums are TEXT columns with a CHECK, foreign keys are written inside
 * CREATE TABLE, and SQLite has no comments (they are left out, always).
 */
export function renderSqliteStatement(
  statement: CreateDdlStatement,
  context: CreateContext,
): string | undefined {
  switch (statement.kind) {
    case 'create_enum':
    case 'comment_on_type':
    case 'comment_on_table':
    case 'comment_on_column':
    case 'add_foreign_key':
      return undefined;
    case 'create_table':
      return renderSqliteCreateTable(statement, context);
    case 'create_index': {
      const unique = statement.unique ? 'UNIQUE ' : '';
      return `CREATE ${unique}INDEX ${q(statement.name)} ON ${q(statement.table)} (${statement.columns.map(q).join(', ')});`;
    }
  }
  return unreachable(statement);
}

/** The SQLite statements of a create plan. */
export function renderSqlitePlan(plan: readonly DdlStatement[]): string[] {
  const statements = createStatements(plan, 'SQLite');
  const context = createContext(statements);
  const out: string[] = [];
  for (const statement of statements) {
    const sql = renderSqliteStatement(statement, context);
    if (sql !== undefined) out.push(sql);
  }
  return out;
}

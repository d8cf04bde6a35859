import { quoteIdentFor, quoteLiteralFor } from '../../sql/quote.ts';
import type { RenderedPlan } from '../export-warning.ts';
import { attachLoneComments, ChangeLog } from '../export-warning.ts';
import { uniqueIdentifier } from '../naming.ts';
import { unreachable } from '../postgres/render-type.ts';
import type { CreateContext } from '../render-context.ts';
import { createContext, createStatements } from '../render-context.ts';
import { PortableViews } from '../render-view.ts';
import type { AddForeignKeyStatement, CreateDdlStatement, DdlStatement } from '../statements.ts';
import { agreeForeignKeyTypes } from './agree-keys.ts';
import { renderMysqlCreateIndex } from './render-index.ts';
import { renderMysqlCreateTable } from './render-table.ts';

const q = (name: string) => quoteIdentFor('mysql', name);

/**
 * The MySQL/MariaDB text of one create statement, ending with `;`, or undefined when MySQL has
 * no statement for it: enums are written on their columns (`enum('a','b')`), column comments on
 * their column definitions, and enum comments have nowhere to go (COMMENT_DROPPED). Changes from
 * the design go to `log`, and as a comment line before the spot.
 */
export function renderMysqlStatement(
  statement: CreateDdlStatement,
  context: CreateContext,
  log: ChangeLog = new ChangeLog(),
  lengthChecks: ReadonlyMap<string, number> = new Map(),
  foreignKey = 0,
  views: PortableViews = new PortableViews('mysql'),
): string | undefined {
  switch (statement.kind) {
    case 'comment_on_type':
      if (statement.comment !== null)
        log.add({
          code: 'COMMENT_DROPPED',
          message: 'MySQL has no enum types, so no comment on one',
          spot: { enumName: statement.type },
        });
      return undefined;
    case 'create_extension':
    case 'create_enum':
    case 'comment_on_column':
      return undefined;
    // Schemas are folded into names before planning (`flattenSchemas`): none reach a MySQL plan.
    case 'create_schema':
    case 'comment_on_schema':
      return undefined;
    case 'create_table':
      return renderMysqlCreateTable(statement, context, log, lengthChecks);
    case 'create_index':
      return renderMysqlCreateIndex(statement, context, log);
    case 'comment_on_table':
      return `ALTER TABLE ${q(statement.table)} COMMENT = ${quoteLiteralFor('mysql', statement.comment ?? '')};`;
    case 'add_foreign_key':
      return renderMysqlForeignKey(statement, log, foreignKey);
    case 'create_view':
      return views.create(statement, log);
    case 'comment_on_view':
      return views.comment(statement, log);
  }
  return unreachable(statement);
}

/**
 * `ALTER TABLE … ADD CONSTRAINT … FOREIGN KEY … REFERENCES …`. Both actions are written, NO
 * ACTION too (MariaDB reports an omitted one as RESTRICT), except SET DEFAULT, which InnoDB does
 * not implement (MySQL 8 refuses it, MariaDB ignores it): that one is left to the default and
 * reported (FK_ACTION_DROPPED).
 */
function renderMysqlForeignKey(statement: AddForeignKeyStatement, log: ChangeLog, position: number): string {
  const columns = (names: readonly string[]) => names.map(q).join(', ');
  const parts = [
    `ALTER TABLE ${q(statement.table)} ADD CONSTRAINT ${q(statement.name)}`,
    `FOREIGN KEY (${columns(statement.columns)})`,
    `REFERENCES ${q(statement.refTable)} (${columns(statement.refColumns)})`,
  ];
  const notes: string[] = [];
  for (const [event, action] of [
    ['DELETE', statement.onDelete],
    ['UPDATE', statement.onUpdate],
  ] as const) {
    if (action !== 'SET DEFAULT') parts.push(`ON ${event} ${action}`);
    else
      notes.push(
        log.add({
          code: 'FK_ACTION_DROPPED',
          message: `InnoDB has no ON ${event} SET DEFAULT: the default action (RESTRICT) applies`,
          spot: { foreignKey: position },
        }),
      );
  }
  return [...notes, `${parts.join(' ')};`].join('\n');
}

/**
 * The MySQL statements of a create plan and the changes they make to the design. Column types
 * first agree across foreign keys (`agreeForeignKeyTypes`). Foreign-key names are per table in
 * PostgreSQL but per database in InnoDB, so a name already used by another table's foreign key
 * (compared without case, as InnoDB may) gets `_1`, `_2`, ….
 */
export function renderMysqlPlanWithChanges(plan: readonly DdlStatement[]): RenderedPlan {
  const log = new ChangeLog();
  const planned = createStatements(plan, 'MySQL');
  const adapted = agreeForeignKeyTypes(planned, createContext(planned), log);
  const context = createContext(adapted.statements);
  const taken = new Set<string>();
  const out: string[] = [];
  let foreignKey = 0;
  const views = new PortableViews('mysql');
  for (const statement of adapted.statements) {
    let own = statement;
    let renamed: string | undefined;
    if (statement.kind === 'add_foreign_key') {
      const name = uniqueIdentifier(statement.name, (n) => taken.has(n.toLowerCase()));
      taken.add(name.toLowerCase());
      own = { ...statement, name };
      if (name !== statement.name)
        renamed = log.add({
          code: 'FK_RENAMED',
          message: `InnoDB names foreign keys per database and another table's is ${JSON.stringify(statement.name)}: this one is ${JSON.stringify(name)}`,
          spot: { foreignKey },
        });
    }
    const sql = renderMysqlStatement(own, context, log, adapted.lengthChecks, foreignKey, views);
    if (statement.kind === 'add_foreign_key') foreignKey++;
    if (sql !== undefined) out.push(renamed === undefined ? sql : `${renamed}\n${sql}`);
  }
  return { statements: attachLoneComments(out), changes: log.changes };
}

/** The MySQL statements of a create plan (see `renderMysqlPlanWithChanges`). */
export function renderMysqlPlan(plan: readonly DdlStatement[]): string[] {
  return renderMysqlPlanWithChanges(plan).statements;
}

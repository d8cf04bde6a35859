import { quoteIdentFor, quoteLiteralFor } from '../../sql/quote.ts';
import { uniqueIdentifier } from '../naming.ts';
import { unreachable } from '../postgres/render-type.ts';
import type { CreateContext } from '../render-context.ts';
import { createContext, createStatements } from '../render-context.ts';
import type {
  AddForeignKeyStatement,
  CreateDdlStatement,
  CreateIndexStatement,
  DdlStatement,
} from '../statements.ts';
import { renderMysqlCreateTable, renderMysqlKeyParts } from './render-table.ts';

const q = (name: string) => quoteIdentFor('mysql', name);

/**
 * The MySQL/MariaDB text of one create statement, ending with `;`, or undefined when MySQL has
 * no statement for it: enums are written on their columns (`enum('a','b')`), column comments on
 * their column definitions, and enum comments have nowhere to go.
 */
export function renderMysqlStatement(
  statement: CreateDdlStatement,
  context: CreateContext,
): string | undefined {
  switch (statement.kind) {
    case 'create_enum':
    case 'comment_on_type':
    case 'comment_on_column':
      return undefined;
    case 'create_table':
      return renderMysqlCreateTable(statement, context);
    case 'create_index':
      return renderMysqlCreateIndex(statement, context);
    case 'comment_on_table':
      return `ALTER TABLE ${q(statement.table)} COMMENT = ${quoteLiteralFor('mysql', statement.comment ?? '')};`;
    case 'add_foreign_key':
      return renderMysqlForeignKey(statement);
  }
  return unreachable(statement);
}

/** `CREATE [UNIQUE] INDEX `name` ON `table` (`a`, `b`);` */
function renderMysqlCreateIndex(statement: CreateIndexStatement, context: CreateContext): string {
  const unique = statement.unique ? 'UNIQUE ' : '';
  return `CREATE ${unique}INDEX ${q(statement.name)} ON ${q(statement.table)} (${renderMysqlKeyParts(statement.table, statement.columns, context)});`;
}

/**
 * `ALTER TABLE … ADD CONSTRAINT … FOREIGN KEY … REFERENCES …`. Both actions are written, NO
 * ACTION too (MariaDB reports an omitted one as RESTRICT), except SET DEFAULT, which InnoDB does
 * not implement (MySQL 8 refuses it, MariaDB ignores it): that one is left to the default.
 */
function renderMysqlForeignKey(statement: AddForeignKeyStatement): string {
  const columns = (names: readonly string[]) => names.map(q).join(', ');
  const parts = [
    `ALTER TABLE ${q(statement.table)} ADD CONSTRAINT ${q(statement.name)}`,
    `FOREIGN KEY (${columns(statement.columns)})`,
    `REFERENCES ${q(statement.refTable)} (${columns(statement.refColumns)})`,
  ];
  for (const [event, action] of [
    ['DELETE', statement.onDelete],
    ['UPDATE', statement.onUpdate],
  ] as const) {
    if (action !== 'SET DEFAULT') parts.push(`ON ${event} ${action}`);
  }
  return `${parts.join(' ')};`;
}

/**
 * The MySQL statements of a create plan. Foreign-key names are per table in PostgreSQL but per
 * database in InnoDB, so a name already used by another table's foreign key (compared without
 * case, as InnoDB may) gets `_1`, `_2`, ….
 */
export function renderMysqlPlan(plan: readonly DdlStatement[]): string[] {
  const statements = createStatements(plan, 'MySQL');
  const context = createContext(statements);
  const taken = new Set<string>();
  const out: string[] = [];
  for (const statement of statements) {
    let own = statement;
    if (statement.kind === 'add_foreign_key') {
      const name = uniqueIdentifier(statement.name, (n) => taken.has(n.toLowerCase()));
      taken.add(name.toLowerCase());
      own = { ...statement, name };
    }
    const sql = renderMysqlStatement(own, context);
    if (sql !== undefined) out.push(sql);
  }
  return out;
}

import type { ColumnType } from '../design/model.ts';
import { DdlGenerationError } from './design-index.ts';
import type { AddForeignKeyStatement, CreateDdlStatement, DdlStatement } from './statements.ts';

/**
 * What a MySQL or SQLite statement needs from the rest of its create plan. Those dialects have
 * no enum types (the values go inline on the column), MySQL writes column comments on the column,
 * and SQLite declares foreign keys inside CREATE TABLE; so each renders a plan, not a statement
 * alone, and reads these from it.
 */
export interface CreateContext {
  /** Enum name → values, from the plan's create_enum statements. */
  enums: ReadonlyMap<string, readonly string[]>;
  /** Table → column → comment, from comment_on_column statements. */
  columnComments: ReadonlyMap<string, ReadonlyMap<string, string>>;
  /** Table → its foreign keys, in plan order. */
  foreignKeys: ReadonlyMap<string, readonly AddForeignKeyStatement[]>;
  /** Table → column → type, for index key parts that depend on the type (MySQL prefixes). */
  columnTypes: ReadonlyMap<string, ReadonlyMap<string, ColumnType>>;
}

const CREATE_KINDS: ReadonlySet<string> = new Set<CreateDdlStatement['kind']>([
  'create_schema',
  'comment_on_schema',
  'create_extension',
  'create_enum',
  'create_table',
  'create_index',
  'comment_on_table',
  'comment_on_column',
  'comment_on_type',
  'add_foreign_key',
  'create_view',
  'comment_on_view',
]);

/** The plan as create statements; a migration statement is refused (only PostgreSQL renders those). */
export function createStatements(plan: readonly DdlStatement[], dialect: string): CreateDdlStatement[] {
  return plan.map((statement) => {
    if (!isCreateStatement(statement))
      throw new DdlGenerationError(`${dialect} DDL has no rendering of ${statement.kind} statements yet`);
    return statement;
  });
}

function isCreateStatement(statement: DdlStatement): statement is CreateDdlStatement {
  return CREATE_KINDS.has(statement.kind);
}

export function createContext(plan: readonly CreateDdlStatement[]): CreateContext {
  const enums = new Map<string, readonly string[]>();
  const columnComments = new Map<string, Map<string, string>>();
  const foreignKeys = new Map<string, AddForeignKeyStatement[]>();
  const columnTypes = new Map<string, ReadonlyMap<string, ColumnType>>();
  for (const statement of plan) {
    if (statement.kind === 'create_table')
      columnTypes.set(statement.name, new Map(statement.columns.map((c) => [c.name, c.type])));
    else if (statement.kind === 'create_enum') enums.set(statement.name, statement.values);
    else if (statement.kind === 'comment_on_column' && statement.comment !== null) {
      const columns = columnComments.get(statement.table) ?? new Map<string, string>();
      columns.set(statement.column, statement.comment);
      columnComments.set(statement.table, columns);
    } else if (statement.kind === 'add_foreign_key') {
      foreignKeys.set(statement.table, [...(foreignKeys.get(statement.table) ?? []), statement]);
    }
  }
  return { enums, columnComments, foreignKeys, columnTypes };
}

/** The values of an ENUM column's type. */
export function enumValues(context: CreateContext, enumName: string | undefined): readonly string[] {
  const values = enumName === undefined ? undefined : context.enums.get(enumName);
  if (values === undefined)
    throw new DdlGenerationError(`ENUM column without a known enum type ${JSON.stringify(enumName)}`);
  return values;
}

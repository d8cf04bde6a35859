import type {
  ColumnDefault,
  ColumnType,
  IndexMethod,
  IndexNulls,
  ReferentialAction,
} from '../design/model.ts';
import type { AlterStatement } from './statements-alter.ts';

/**
 * Typed DDL statements: what the generator decided to do, before any SQL is written.
 * Every name is final (generated names already resolved and fitted to 63 bytes) and unquoted;
 * quoting is the renderers' job. An object of the design's default schema has no `schema`: it
 * lives in the one a PostgreSQL script sets as its search path (`postgresPreamble`), so a design
 * without schemas renders unqualified names. An object of another schema carries its name in
 * `schema` (`refSchema`, `enumSchema` for what a statement points at), and PostgreSQL's renderer
 * writes `"schema"."name"` (`quoteQualified`). MySQL and SQLite never see one: their exports
 * flatten schemas into prefixed names first (`flatten-schemas.ts`).
 *
 * Planners (create, and the migration diff) produce these; a dialect renders them. The kinds only
 * migrations use (alter, rename, drop) live in `statements-alter.ts`; every renderer's exhaustive
 * switch tells where a new kind must be handled.
 */
export type DdlStatement =
  | CreateSchemaStatement
  | CommentOnSchemaStatement
  | CreateExtensionStatement
  | CreateEnumStatement
  | CreateTableStatement
  | CreateIndexStatement
  | CommentOnTableStatement
  | CommentOnColumnStatement
  | CommentOnTypeStatement
  | AddForeignKeyStatement
  | CreateViewStatement
  | CommentOnViewStatement
  | AlterStatement;

export type DdlStatementKind = DdlStatement['kind'];

/** `CREATE SCHEMA IF NOT EXISTS "sales";` (provisioning may have made it already, owned by the role). */
export interface CreateSchemaStatement {
  kind: 'create_schema';
  name: string;
}

export interface CommentOnSchemaStatement {
  kind: 'comment_on_schema';
  name: string;
  comment: string | null;
}

/**
 * `CREATE EXTENSION IF NOT EXISTS`: a PostgreSQL extension a data type of the design comes from
 * (citext). Other dialects write nothing for it (their columns say how they hold the type).
 */
export interface CreateExtensionStatement {
  kind: 'create_extension';
  extension: PostgresExtension;
}

/** The extensions a design's types can need: a closed set, so no name is ever taken from input. */
export type PostgresExtension = 'citext';

export interface CreateEnumStatement {
  kind: 'create_enum';
  /** Absent: the default schema (here and in every statement). */
  schema?: string;
  name: string;
  values: string[];
}

export interface DdlColumn {
  name: string;
  type: ColumnType;
  /** Name of the enum type when `type.dataType` is ENUM. */
  enumName?: string;
  /** The enum type's schema, when not the default one. */
  enumSchema?: string;
  notNull: boolean;
  identity: boolean;
  /**
   * An explicit name for the identity's sequence, set only when the name PostgreSQL would pick
   * (`<table>_<column>_seq`) is taken by another relation of the design.
   */
  identitySequence?: string;
  default?: ColumnDefault;
  /** A STORED generated column's expression, in PostgreSQL syntax as the design writes it. */
  generated?: string;
}

export interface NamedColumns {
  name: string;
  columns: string[];
}

/**
 * A CHECK constraint. `expression` is PostgreSQL syntax that `checkSqlExpression` accepted (one
 * expression: no comment, semicolon or dollar quote), so it is inlined between parentheses;
 * other dialects rewrite it with `renderSqlExpression` or leave it out, saying so.
 */
export interface DdlCheck {
  name: string;
  expression: string;
  /** A column's own check: written on that column's definition. */
  column?: string;
}

export interface CreateTableStatement {
  kind: 'create_table';
  schema?: string;
  name: string;
  columns: DdlColumn[];
  primaryKey?: NamedColumns;
  uniques: NamedColumns[];
  /** Column checks (on their column), then table checks, in design order. */
  checks?: DdlCheck[];
}

/** An index key: a column by name or an expression (PostgreSQL syntax), with its order. */
export type DdlIndexKey = ({ column: string } | { expression: string }) & {
  descending?: boolean;
  /** Set only when not PostgreSQL's default for the order. */
  nulls?: IndexNulls;
};

export interface CreateIndexStatement {
  kind: 'create_index';
  name: string;
  /** The table's schema; the index is made in it. */
  schema?: string;
  table: string;
  /** The plain column keys' names, in order (every key, when `keys` is absent). */
  columns: string[];
  unique: boolean;
  /** Every key, when some is an expression or ordered; absent: `columns`, ascending. */
  keys?: DdlIndexKey[];
  /** Absent: B-tree. */
  method?: Exclude<IndexMethod, 'btree'>;
  /** A partial index's predicate (PostgreSQL syntax). */
  where?: string;
}

/** An index's keys, whichever way the statement gives them. */
export function indexKeys(statement: CreateIndexStatement): DdlIndexKey[] {
  return statement.keys ?? statement.columns.map((column) => ({ column }));
}

/** `comment: null` removes a comment (migrations); create plans only emit strings. */
export interface CommentOnTableStatement {
  kind: 'comment_on_table';
  schema?: string;
  table: string;
  comment: string | null;
}

export interface CommentOnColumnStatement {
  kind: 'comment_on_column';
  schema?: string;
  table: string;
  column: string;
  comment: string | null;
}

/** A comment on an enum type. */
export interface CommentOnTypeStatement {
  kind: 'comment_on_type';
  schema?: string;
  type: string;
  comment: string | null;
}

export interface AddForeignKeyStatement {
  kind: 'add_foreign_key';
  schema?: string;
  table: string;
  name: string;
  columns: string[];
  refSchema?: string;
  refTable: string;
  refColumns: string[];
  onDelete: ReferentialAction;
  onUpdate: ReferentialAction;
}

/**
 * `CREATE VIEW name AS <definition>`: the SELECT as the design writes it (PostgreSQL syntax,
 * accepted by `checkSqlExpression` as one query, so it cannot end the statement). Planned after
 * every table and after the views it reads.
 */
export interface CreateViewStatement {
  kind: 'create_view';
  name: string;
  definition: string;
  /** Migrations: CREATE OR REPLACE VIEW (the planner checked PostgreSQL takes it). */
  orReplace?: boolean;
}

export interface CommentOnViewStatement {
  kind: 'comment_on_view';
  view: string;
  comment: string | null;
}

/** The kinds `planCreate` emits: what the MySQL and SQLite renderers handle. */
export type CreateDdlStatement = Exclude<DdlStatement, AlterStatement>;

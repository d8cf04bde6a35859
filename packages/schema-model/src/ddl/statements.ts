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
 * quoting is the renderers' job. All objects live in one schema: the one a PostgreSQL script sets
 * as its search path (`postgresPreamble`), the connection's database in MySQL and SQLite.
 *
 * Planners (create, and the migration diff) produce these; a dialect renders them. The kinds only
 * migrations use (alter, rename, drop) live in `statements-alter.ts`; every renderer's exhaustive
 * switch tells where a new kind must be handled.
 */
export type DdlStatement =
  | CreateEnumStatement
  | CreateTableStatement
  | CreateIndexStatement
  | CommentOnTableStatement
  | CommentOnColumnStatement
  | CommentOnTypeStatement
  | AddForeignKeyStatement
  | AlterStatement;

export type DdlStatementKind = DdlStatement['kind'];

export interface CreateEnumStatement {
  kind: 'create_enum';
  name: string;
  values: string[];
}

export interface DdlColumn {
  name: string;
  type: ColumnType;
  /** Name of the enum type when `type.dataType` is ENUM. */
  enumName?: string;
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

export interface CreateTableStatement {
  kind: 'create_table';
  name: string;
  columns: DdlColumn[];
  primaryKey?: NamedColumns;
  uniques: NamedColumns[];
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
  table: string;
  comment: string | null;
}

export interface CommentOnColumnStatement {
  kind: 'comment_on_column';
  table: string;
  column: string;
  comment: string | null;
}

/** A comment on an enum type. */
export interface CommentOnTypeStatement {
  kind: 'comment_on_type';
  type: string;
  comment: string | null;
}

export interface AddForeignKeyStatement {
  kind: 'add_foreign_key';
  table: string;
  name: string;
  columns: string[];
  refTable: string;
  refColumns: string[];
  onDelete: ReferentialAction;
  onUpdate: ReferentialAction;
}

/** The kinds `planCreate` emits: what the MySQL and SQLite renderers handle. */
export type CreateDdlStatement = Exclude<DdlStatement, AlterStatement>;

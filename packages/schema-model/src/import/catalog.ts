import type { ReferentialAction } from '../design/model.ts';

/**
 * What an introspector read from a live database, in one shape for PostgreSQL, MySQL/MariaDB,
 * SQLite and MongoDB (whose structure is inferred from sampled documents). It records the
 * database's facts as the database states them (native type names, default expressions as SQL
 * text); deciding what a design can hold is `catalogToDesign`'s job, so the same catalog
 * can also be compared with another one (the fidelity suite does).
 */
export interface IntrospectedCatalog {
  /** The schema (PostgreSQL), database (MySQL, MongoDB) or attached database (SQLite: `main`) that was read. */
  schema: string;
  /**
   * PostgreSQL, when several schemas were read: the ones besides `schema` (which the design's
   * default schema stands for), in order. Their tables and enums name them in `schema`.
   */
  schemas?: IntrospectedSchema[];
  /** In catalog order (introspectors sort by name). */
  tables: IntrospectedTable[];
  enums: IntrospectedEnum[];
  /** Views, by name (absent where the introspector reads none: MongoDB's are reported as unsupported). */
  views?: IntrospectedView[];
  /** Everything found that a design cannot hold; each becomes a warning on import. */
  unsupported: UnsupportedObject[];
}

export interface IntrospectedSchema {
  name: string;
  comment: string | null;
}

export interface IntrospectedTable {
  name: string;
  /** The table's schema when it is not `catalog.schema` (an entry of `catalog.schemas`). */
  schema?: string;
  comment: string | null;
  /** In column order. */
  columns: IntrospectedColumn[];
  primaryKey: IntrospectedKey | null;
  uniqueConstraints: IntrospectedKey[];
  /** Indexes that do not back the primary key or a unique constraint. */
  indexes: IntrospectedIndex[];
  foreignKeys: IntrospectedForeignKey[];
  /** CHECK constraints (not NOT NULL, and not MariaDB's `json_valid` of a JSON column). */
  checks?: IntrospectedCheck[];
}

export interface IntrospectedCheck {
  /** Null where the database gives none (SQLite). */
  name: string | null;
  /**
   * The expression without `CHECK (…)`, in the database's own syntax: PostgreSQL's deparsed
   * form (`pg_get_constraintdef`), MySQL's CHECK_CLAUSE (backtick identifiers), SQLite's text as
   * written in its CREATE TABLE.
   */
  expression: string;
  /** The column it was declared on, where the database records that (MariaDB, SQLite). */
  column?: string;
  /** The columns it reads, where the database records them (PostgreSQL). */
  columns?: string[];
  /** What a design's check does not hold: `NOT VALID`, `NO INHERIT`. */
  options: string[];
  /**
   * PostgreSQL: functions, operators and types (other than enums) it depends on that are not
   * PostgreSQL's own: a design has no place for them, so the check cannot come with it.
   */
  uses?: string[];
}

export interface IntrospectedColumn {
  name: string;
  /**
   * The type as the database spells it: `format_type()` in PostgreSQL (`character varying(255)`,
   * `timestamp(3) with time zone`, `integer[]`), COLUMN_TYPE in MySQL (`int(10) unsigned`,
   * `enum('a','b')`), the declared type in SQLite (`NVARCHAR(40)`, '' when none).
   */
  nativeType: string;
  /** PostgreSQL: the enum type (an entry of `catalog.enums`) the column uses. */
  enumName?: string;
  /** That enum's schema when it is not the table's own. */
  enumSchema?: string;
  /** PostgreSQL: the domain the column was declared with; `nativeType` is its base type. */
  domain?: string;
  nullable: boolean;
  /** The default as SQL expression text (`'abc'::text`, `0`, `now()`, `current_timestamp()`), or null. */
  default: string | null;
  /** PostgreSQL identity, MySQL AUTO_INCREMENT, SQLite rowid alias (INTEGER PRIMARY KEY). */
  autoIncrement: boolean;
  /** PostgreSQL `GENERATED ALWAYS AS IDENTITY`: explicit values are refused unless overridden. */
  identityAlways?: boolean;
  /**
   * PostgreSQL: the sequence owned by this column (serial), spelled as its `regclass` text is in
   * the column's `nextval(...)` default, so the two can be matched.
   */
  ownedSequence?: string;
  /** The expression of a generated (computed) column, in the engine's SQL; `default` is then null. */
  generated?: string;
  /** Whether a generated column stores its values or computes them when read (MySQL, SQLite); PostgreSQL 15 only stores. */
  generatedKind?: 'stored' | 'virtual';
  /**
   * PostgreSQL: functions outside pg_catalog the generated expression calls (user-defined or an
   * extension's, as `regprocedure` text). A design holds no functions, so such an expression
   * would not run on a database built from it.
   */
  functions?: string[];
  /**
   * A CHECK on this column alone that says what its type means: the bytes of a binary value
   * (`octet_length(col) <= 16`) or an unsigned range (`col BETWEEN 0 AND 65535`), as the DDL of a
   * design writes them where the engine has no such type. Set by `absorbTypeChecks`, which takes
   * the check out of `unsupported`.
   */
  typeCheck?: AbsorbedTypeCheck;
  /** MySQL `ON UPDATE current_timestamp()`: the value set whenever the row changes. */
  onUpdate?: string;
  /**
   * The column's collation when it is not the default one: PostgreSQL, when it is not its type's
   * (`COLLATE "C"`), by name, schema-qualified (`public.posix`) unless it is one of pg_catalog's
   * (`C`, `POSIX`); MySQL, when it is not its table's default (`utf8mb4_bin`).
   */
  collation?: string;
  comment: string | null;
}

/** A column's type CHECK, read back (see `IntrospectedColumn.typeCheck`). */
export type AbsorbedTypeCheck =
  /**
   * `counted`: how the bound reads (PostgreSQL: `length` for BYTEA, `octet_length` for BINARY and
   * VARBINARY; SQLite: `length(c) <= n` for BYTEA, `length(c) BETWEEN 0 AND n` for VARBINARY).
   */
  | { kind: 'octets'; exact: boolean; length: number; counted: 'length' | 'octet_length' | 'between' }
  | { kind: 'range'; min: 0; max?: string };

export interface IntrospectedKey {
  /** Null where the database gives none (SQLite). */
  name: string | null;
  columns: string[];
}

export interface IntrospectedIndex {
  name: string;
  /** Key columns in order; an expression key appears as its SQL text (and `expression` is set). */
  columns: string[];
  unique: boolean;
  /** Has a WHERE clause: only some rows are indexed. */
  partial: boolean;
  /** At least one key is an expression rather than a column. */
  expression: boolean;
  /** The access method when it is not the default B-tree: `gin`, `gist`, `hash`, `fulltext`, `spatial`. */
  method: string | null;
  /** What a plain index loses: sort order, operator classes, collations, INCLUDE columns, prefix lengths. */
  options: string[];
  /** The server's own definition where it gives one (`pg_get_indexdef`), for messages. */
  definition: string | null;
  /**
   * Each key in order, where the introspector reads them: a column by name, or an expression in
   * the engine's SQL, with its order. When set, `options` no longer lists sort orders.
   */
  keys?: IntrospectedIndexKey[];
  /** A partial index's predicate in the engine's SQL (with `partial`), where the introspector reads it. */
  where?: string;
  /** PostgreSQL: functions outside pg_catalog its keys or predicate call (see `IntrospectedColumn.functions`). */
  functions?: string[];
}

export interface IntrospectedIndexKey {
  column?: string;
  expression?: string;
  descending: boolean;
  /** Where NULLs sort; undefined where the engine has no choice (MySQL, SQLite: first ascending). */
  nullsFirst?: boolean;
}

export interface IntrospectedForeignKey {
  /** Null where the database gives none (SQLite). */
  name: string | null;
  columns: string[];
  /** The referenced table's schema when it is not the referencing table's own. */
  refSchema: string | null;
  refTable: string;
  /** Empty when the database leaves them implicit (SQLite: the referenced table's primary key). */
  refColumns: string[];
  onDelete: ReferentialAction;
  onUpdate: ReferentialAction;
  /** What the design cannot hold: `DEFERRABLE`, `MATCH FULL`. */
  options: string[];
}

export interface IntrospectedView {
  name: string;
  /**
   * The query as the database gives it: `pg_get_viewdef` in PostgreSQL, VIEW_DEFINITION in MySQL
   * (names in backticks, qualified with the database), the text after AS of `sqlite_master.sql`.
   */
  definition: string;
  comment: string | null;
  /**
   * PostgreSQL: what the view needs besides tables, views and PostgreSQL's own objects, as
   * `function public.f(text)` or `type public.d` (enums aside); a design cannot create these.
   */
  needs?: string[];
}

export interface IntrospectedEnum {
  name: string;
  /** The enum's schema when it is not `catalog.schema` (an entry of `catalog.schemas`). */
  schema?: string;
  values: string[];
  comment: string | null;
}

/** Kinds of database objects a design cannot express. */
export const UNSUPPORTED_KINDS = [
  'view',
  'materialized_view',
  'trigger',
  'function',
  'procedure',
  'event',
  'partition',
  'sequence',
  'check_constraint',
  'exclusion_constraint',
  'domain',
  'composite_type',
  'range_type',
  'extension',
  'inherited_table',
  'virtual_table',
  'foreign_table',
  'rule',
  'policy',
  'table_outside_schema',
] as const;
export type UnsupportedKind = (typeof UNSUPPORTED_KINDS)[number];

export interface UnsupportedObject {
  kind: UnsupportedKind;
  name: string;
  /** The table it belongs to: triggers, checks, rules, policies, and a partition's parent. */
  table?: string;
  /** Set when the object lives outside `catalog.schema`. */
  schema?: string;
  /** Its definition or a short note, quoted in the warning. */
  detail?: string;
}

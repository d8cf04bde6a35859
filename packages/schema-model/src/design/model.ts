import type { DataType } from './data-types.ts';
import type { DefaultExpression } from './defaults.ts';

/**
 * The normalized design: what a valid document means, with every reference resolved to ids,
 * type names canonical and implied facts made explicit. DDL generation and diffing work on this,
 * never on the raw document.
 */
export interface Design {
  name: string;
  description: string;
  enums: EnumType[];
  tables: Table[];
  foreignKeys: ForeignKey[];
  /** Views, in document order (created in dependency order). Absent in designs built before views. */
  views?: View[];
  /**
   * Schemas (namespaces) besides the default one; absent or empty when everything lives in the
   * default schema (`public` in PostgreSQL). Tables and enums name theirs by `schemaId`.
   */
  schemas?: DesignSchema[];
}

/** A view: its body is one SELECT in PostgreSQL's syntax, accepted by `checkSqlExpression`. */
export interface View {
  id: string;
  name: string;
  /** The schema's id (see the top-level `schemas`); not used by the renderers yet. */
  schemaId?: string;
  /** The SELECT as written (trimmed). */
  definition: string;
  comment?: string;
}

export interface DesignSchema {
  id: string;
  name: string;
  comment?: string;
}

export interface EnumType {
  id: string;
  name: string;
  /** The id of an entry of `Design.schemas`; absent: the default schema. */
  schemaId?: string;
  values: string[];
  comment?: string;
}

export interface ColumnType {
  dataType: DataType;
  length?: number;
  precision?: number;
  scale?: number;
  /** An integer type without negatives, with MySQL's unsigned range (set only when true). */
  unsigned?: boolean;
  /** Set when `dataType` is ENUM. */
  enumId?: string;
  /** An array of this type (PostgreSQL `type[]`); absent for a single value. */
  array?: boolean;
}

export type ColumnDefault =
  | { kind: 'literal'; value: string | number | boolean | object }
  | { kind: 'expression'; expression: DefaultExpression };

export interface Column {
  id: string;
  name: string;
  type: ColumnType;
  /** Effective nullability: primary-key and identity columns are never nullable. */
  nullable: boolean;
  identity: boolean;
  /** A single-column UNIQUE constraint (not set when the column alone is the primary key). */
  unique: boolean;
  default?: ColumnDefault;
  comment?: string;
  /** A STORED generated column's expression (PostgreSQL syntax, trimmed); such a column has no default and no identity. */
  generated?: string;
}

export const INDEX_METHODS = ['btree', 'hash', 'gin', 'gist', 'brin'] as const;
export type IndexMethod = (typeof INDEX_METHODS)[number];
export const INDEX_ORDERS = ['ASC', 'DESC'] as const;
export const INDEX_NULLS = ['FIRST', 'LAST'] as const;
export type IndexNulls = (typeof INDEX_NULLS)[number];

/**
 * One key of an index, from `columns` (ascending columns) or `keys` alike. `nulls` is set only
 * when it is not PostgreSQL's default for the order (LAST ascending, FIRST descending), so two
 * spellings of one index compare equal.
 */
export type IndexKey = ({ kind: 'column'; columnId: string } | { kind: 'expression'; expression: string }) & {
  descending: boolean;
  nulls?: IndexNulls;
};

export interface Index {
  /** The document's index id, or its name when the document gives none. */
  id: string;
  name: string;
  /** The keys that are plain columns, in key order (expression keys left out): what key checks reason about. */
  columnIds: string[];
  /** Every key in order: the one shape of `columns` and `keys`. */
  keys: IndexKey[];
  unique: boolean;
  method: IndexMethod;
  /** A partial index's predicate (PostgreSQL syntax, trimmed). */
  where?: string;
}

export interface Table {
  id: string;
  name: string;
  /** The id of an entry of `Design.schemas`; absent: the default schema. */
  schemaId?: string;
  comment?: string;
  columns: Column[];
  /** Column ids of the primary key, in column order; empty when the table has none. */
  primaryKey: string[];
  indexes: Index[];
  /**
   * CHECK constraints: first each column's own (`column.check`, `columnId` set), in column order,
   * then the table's (`table.checks`), in document order. Absent when there are none.
   */
  checks?: Check[];
}

/** A CHECK constraint; `expression` is PostgreSQL syntax, as the document gives it (trimmed). */
export interface Check {
  /** The document's check id; a column's own check is `column:<columnId>`. */
  id: string;
  /** The user's name (table checks only), or undefined to let the DDL generator derive one. */
  name?: string;
  expression: string;
  /** Set for a column's own check: it stays a column check on import and export. */
  columnId?: string;
}

/** The normalized id of a column's own check. */
export const columnCheckId = (columnId: string): string => `column:${columnId}`;

export const REFERENTIAL_ACTIONS = ['NO ACTION', 'RESTRICT', 'CASCADE', 'SET NULL', 'SET DEFAULT'] as const;
export type ReferentialAction = (typeof REFERENTIAL_ACTIONS)[number];

export interface ForeignKey {
  id: string;
  /** The user's name, or undefined to let the DDL generator derive one. */
  name?: string;
  sourceTableId: string;
  sourceColumnIds: string[];
  targetTableId: string;
  targetColumnIds: string[];
  onDelete: ReferentialAction;
  onUpdate: ReferentialAction;
}

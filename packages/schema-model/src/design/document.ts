import { z } from 'zod';
import { DATA_TYPES } from './data-types.ts';
import { INDEX_METHODS, INDEX_NULLS, INDEX_ORDERS, REFERENTIAL_ACTIONS } from './model.ts';
import { ExtensionBagSchema, strictInputObject } from './unknown-properties.ts';

/**
 * The design document as the frontend sends it: the PRD's "Schema JSON Format", extended with
 * enums, composite keys and comments. This schema checks shape only; the rules that need the
 * whole document (names, references, types) live in `validation/`.
 *
 * Objects are strict: an unknown property is refused (UNKNOWN_PROPERTY, with the closest known
 * name), so a typo is never stored as if it meant something. Data of the client's own (canvas
 * state, colours, notes) goes in the `ui` bag that the document and each object have, which is
 * kept verbatim. Stored versions from before this rule are read with `parseStoredDesign`.
 */

const id = z.string().trim().min(1, 'must not be empty').max(200);
const optionalInt = z.number().int().nullish();
const optionalText = z.string().max(10_000).nullish();
/** The extension bag: the one property under which anything goes (see `unknown-properties.ts`). */
const ui = ExtensionBagSchema.nullish();
/*
 * Data types and referential actions are read case-insensitively (`int`, `set null`), so they
 * validate as strings; the JSON Schema shows the canonical spellings as an enum (what answers
 * use, and what a generated client should send) without narrowing what is accepted.
 */
const referentialAction = z
  .string()
  .max(20)
  .meta({
    enum: [...REFERENTIAL_ACTIONS],
    description: 'Default NO ACTION. Case and `_` for space are accepted too (`set null`, `SET_NULL`).',
  })
  .nullish();
const dataType = z
  .string()
  .max(100)
  .meta({
    enum: [...DATA_TYPES],
    description:
      'Case-insensitive; common aliases are accepted too (INT, INT8, BOOL, DOUBLE PRECISION, TIMESTAMP WITH TIME ZONE, …) and stored in canonical form.',
  });

export const DefaultValueSchema = z
  .union([
    z.string().max(10_000),
    z.number(),
    z.boolean(),
    z.array(z.unknown()),
    z.record(z.string(), z.unknown()),
  ])
  .nullish();

/** `GENERATED ALWAYS AS (expression) STORED`; PostgreSQL 15 has stored generated columns only. */
export const GeneratedColumnSchema = strictInputObject('Generated columns', {
  expression: z.string().max(10_000).meta({
    description: 'One SQL expression in PostgreSQL syntax over other columns of the same table.',
  }),
});

export const ColumnSchema = strictInputObject('Columns', {
  id,
  name: z.string().max(500),
  dataType,
  length: optionalInt,
  precision: optionalInt,
  scale: optionalInt,
  nullable: z.boolean().nullish(),
  primaryKey: z.boolean().nullish(),
  autoIncrement: z.boolean().nullish(),
  defaultValue: DefaultValueSchema,
  unique: z.boolean().nullish(),
  /**
   * Integers only: no negative values, and MySQL's unsigned range (SMALLINT to 65,535, INTEGER
   * to 4,294,967,295, BIGINT to 18,446,744,073,709,551,615).
   */
  unsigned: z.boolean().nullish(),
  /** For `dataType: "ENUM"`: the id of an entry of the top-level `enums`. */
  enumId: z.string().max(200).nullish(),
  /**
   * An array of the data type (PostgreSQL `text[]`, `varchar(20)[]`); its default is a JSON array
   * or a PostgreSQL array literal (`"{}"`). MySQL and SQLite hold it as JSON.
   */
  array: z.boolean().nullish(),
  comment: optionalText,
  /** A STORED generated column: its value is computed from `expression` (PostgreSQL syntax). */
  generated: GeneratedColumnSchema.nullish(),
  /**
   * A CHECK on this column alone: one SQL expression in PostgreSQL's syntax (`price > 0`), named
   * `<table>_<column>_check` in the DDL. Parsed by PostgreSQL's parser before it is accepted.
   */
  check: z.string().max(10_000).nullish(),
  ui,
});

/** A table's CHECK constraint: one SQL expression in PostgreSQL's syntax over the table's columns. */
export const CheckSchema = strictInputObject('Checks', {
  id,
  /** The constraint's name; `<table>_check` (made unique) when absent. */
  name: z.string().max(500).nullish(),
  expression: z.string().max(10_000),
  ui,
});

/**
 * One key of an index: a column (name or id) or an expression (PostgreSQL syntax), exactly one
 * of them, with its sort order and where NULLs sort (PostgreSQL's defaults: ASC, NULLS LAST
 * when ascending, NULLS FIRST when descending).
 */
export const IndexKeySchema = strictInputObject('Index keys', {
  column: z.string().max(500).nullish(),
  expression: z.string().max(10_000).nullish(),
  order: z.enum(INDEX_ORDERS).nullish(),
  nulls: z.enum(INDEX_NULLS).nullish(),
});

export const IndexSchema = strictInputObject('Indexes', {
  id: z.string().max(200).nullish(),
  name: z.string().max(500),
  /**
   * Column names or column ids of the same table, each ascending: the simple form. An index
   * gives either `columns` or `keys`, not both: with `keys`, `columns` is `[]`.
   */
  columns: z.array(z.string().max(500)).max(64),
  /** The richer form of `columns`: keys that are columns or expressions, with sort order. */
  keys: z.array(IndexKeySchema).max(64).nullish(),
  unique: z.boolean().nullish(),
  /** The access method; default `btree`. */
  method: z.enum(INDEX_METHODS).nullish(),
  /** A partial index: only rows where this predicate (PostgreSQL syntax) holds are indexed. */
  where: z.string().max(10_000).nullish(),
  ui,
});

/** Where the canvas draws a table; anything else about its drawing belongs in the table's `ui`. */
export const PositionSchema = strictInputObject('Positions', { x: z.number(), y: z.number() });

/**
 * A PostgreSQL schema (namespace) besides the default one (`public`, where objects without a
 * `schemaId` live). Tables and enums name theirs by `schemaId`.
 */
export const SchemaEntrySchema = strictInputObject('Schemas', {
  id,
  name: z.string().max(500),
  comment: optionalText,
  ui,
});

export const TableSchema = strictInputObject('Tables', {
  id,
  name: z.string().max(500),
  /** The id of an entry of the top-level `schemas`; absent: the default schema. */
  schemaId: z.string().max(200).nullish(),
  comment: optionalText,
  columns: z.array(ColumnSchema).max(1600),
  position: PositionSchema.nullish(),
  indexes: z.array(IndexSchema).max(1000).nullish(),
  checks: z.array(CheckSchema).max(1000).nullish(),
  ui,
});

export const ForeignKeySchema = strictInputObject('Foreign keys', {
  id,
  name: z.string().max(500).nullish(),
  sourceTableId: id,
  sourceColumnId: z.string().max(200).nullish(),
  targetTableId: id,
  targetColumnId: z.string().max(200).nullish(),
  /** Composite keys: column ids in order, pairwise with `targetColumnIds`. */
  sourceColumnIds: z.array(z.string().max(200)).max(32).nullish(),
  targetColumnIds: z.array(z.string().max(200)).max(32).nullish(),
  onDelete: referentialAction,
  onUpdate: referentialAction,
  ui,
});

export const EnumSchema = strictInputObject('Enums', {
  id,
  name: z.string().max(500),
  /** The id of an entry of the top-level `schemas`; absent: the default schema. */
  schemaId: z.string().max(200).nullish(),
  values: z.array(z.string().max(500)).max(1000),
  comment: optionalText,
  ui,
});

/**
 * A view: one SELECT in PostgreSQL's syntax (checked by PostgreSQL's parser), created after every
 * table, views it reads first. MySQL and SQLite get it rewritten from the parse tree, or not at all.
 */
export const ViewSchema = strictInputObject('Views', {
  id,
  name: z.string().max(500),
  /** The id of an entry of the top-level `schemas`; absent = the default schema. */
  schemaId: z.string().max(200).nullish(),
  /** One SELECT statement, PostgreSQL syntax, no trailing semicolon. */
  definition: z.string().max(100_000),
  comment: optionalText,
  ui,
});

export const DesignDocumentSchema = strictInputObject('Designs', {
  /** The design's own name, shown in lists; unique per owner. */
  name: z.string().trim().min(1, 'must not be empty').max(200),
  description: z.string().max(10_000).nullish(),
  tables: z.array(TableSchema).max(5000),
  foreignKeys: z.array(ForeignKeySchema).max(20_000).nullish(),
  enums: z.array(EnumSchema).max(1000).nullish(),
  views: z.array(ViewSchema).max(5000).nullish(),
  /** Schemas (namespaces) besides the default one; see `SchemaEntrySchema`. */
  schemas: z.array(SchemaEntrySchema).max(1000).nullish(),
  /** The document's format version, e.g. "1.0" (not the stored version number). */
  version: z.string().max(50).nullish(),
  /**
   * Part of the PRD's format, so a PRD document is accepted as is; a server keeps its own id and
   * timestamps and does not store these.
   */
  id: z.string().max(200).nullish(),
  createdAt: z.string().max(100).nullish(),
  updatedAt: z.string().max(100).nullish(),
  ui,
});

export type ColumnDocument = z.infer<typeof ColumnSchema>;
export type IndexDocument = z.infer<typeof IndexSchema>;
export type CheckDocument = z.infer<typeof CheckSchema>;
export type IndexKeyDocument = z.infer<typeof IndexKeySchema>;
export type TableDocument = z.infer<typeof TableSchema>;
export type ForeignKeyDocument = z.infer<typeof ForeignKeySchema>;
export type EnumDocument = z.infer<typeof EnumSchema>;
export type ViewDocument = z.infer<typeof ViewSchema>;
export type SchemaEntryDocument = z.infer<typeof SchemaEntrySchema>;
export type DesignDocument = z.infer<typeof DesignDocumentSchema>;

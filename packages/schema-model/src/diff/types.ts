import type { DdlStatement } from '../ddl/statements.ts';
import type { ColumnType } from '../design/model.ts';

/**
 * A migration plan: what takes a database built from one version of a design to the next.
 * Steps run in array order; a step's phase says which transaction it runs in (all of phase 0
 * first, committed, then phase 1, …). Only what PostgreSQL cannot do in the transaction that
 * prepared it goes to a later phase: using an enum value added in the same plan.
 */
export interface MigrationPlan {
  steps: MigrationStep[];
  /** Plain-language lines for a person: a count line, then one line per step. */
  summary: string[];
}

export interface MigrationStep {
  /** Stable for the same change between the same two versions: `add_column:<tableId>:<columnId>`. */
  id: string;
  description: string;
  statements: DdlStatement[];
  /** `statements` rendered, one SQL statement per entry. */
  sql: string[];
  hazards: Hazard[];
  phase: number;
  /** Queries to run on the live rows before the migration; any count above 0 means this step fails. */
  dataChecks: DataCheck[];
}

export const HAZARD_CODES = [
  'DESTRUCTIVE',
  'DATA_DEPENDENT',
  'REWRITES_TABLE',
  'LOCKS_TABLE',
  'BREAKS_CLIENTS',
] as const;

/**
 * - DESTRUCTIVE: data is deleted (a table, a column, an enum value in use).
 * - DATA_DEPENDENT: can fail on existing rows (NULLs, duplicates, orphans, values that do not convert).
 * - REWRITES_TABLE: PostgreSQL rewrites every row, holding an exclusive lock meanwhile.
 * - LOCKS_TABLE: scans or builds over an existing table under a lock that blocks writes (or all access).
 * - BREAKS_CLIENTS: a name or behaviour clients may rely on changes or disappears.
 */
export type HazardCode = (typeof HAZARD_CODES)[number];

export interface Hazard {
  code: HazardCode;
  message: string;
}

/**
 * What to count in the live database before a DATA_DEPENDENT step, as data: `renderPostgresDataCheck`
 * writes the SQL. Names are those of the database before the migration (the old version).
 * Every check counts offending rows; more than 0 means the step would fail.
 */
export type DataCheck =
  | NullsCheck
  | DuplicatesCheck
  | OrphansCheck
  | TooLongCheck
  | CastCheck
  | ValuesCheck
  | RowsCheck;

interface CheckBase {
  /** The table's schema when it is not the default one. */
  schema?: string;
  table: string;
  columns: string[];
  /** What the rows found are, in plain language. */
  description: string;
}

/** Rows where one of the columns is NULL (before SET NOT NULL or a primary key). */
export interface NullsCheck extends CheckBase {
  kind: 'nulls';
}

/** Rows whose values in the columns (all non-NULL) occur more than once (before UNIQUE or a primary key). */
export interface DuplicatesCheck extends CheckBase {
  kind: 'duplicates';
}

/** Rows whose values (all non-NULL) have no match in the referenced columns (before a foreign key). */
export interface OrphansCheck extends CheckBase {
  kind: 'orphans';
  refSchema?: string;
  refTable: string;
  refColumns: string[];
}

/** Rows whose text is longer than `maxLength` characters, trailing spaces aside (before narrowing). */
export interface TooLongCheck extends CheckBase {
  kind: 'too_long';
  maxLength: number;
}

/** Rows whose value will not convert from `from` to `to` (before a risky type change). */
export interface CastCheck extends CheckBase {
  kind: 'cast';
  from: ColumnType;
  to: ColumnType;
  /** The target enum's values, when `to` is an enum. */
  enumValues?: string[];
}

/** Rows holding one of `values` (before removing enum values). */
export interface ValuesCheck extends CheckBase {
  kind: 'values';
  values: string[];
}

/** Any row at all (before adding a NOT NULL column without a default). */
export interface RowsCheck extends CheckBase {
  kind: 'rows';
}

/** One change the planner refuses, for MigrationPlanError. */
export interface RefusedChange {
  table: string;
  column: string;
  reason: string;
}

/** A change PostgreSQL cannot make without losing the column's data; nothing is planned. */
export class MigrationPlanError extends Error {
  override name = 'MigrationPlanError';
  constructor(
    readonly refused: RefusedChange[],
    options?: ErrorOptions,
  ) {
    super(
      `This change cannot be migrated: ${refused
        .map((r) => `column ${JSON.stringify(r.column)} of table ${JSON.stringify(r.table)}: ${r.reason}`)
        .join('; ')}. Keep the old column and add a new one instead.`,
      options,
    );
  }
}

import type { ImportWarningCode } from '@schema-builder/schema-model/import';

/**
 * migra's test cases (the corpus's `migra/`), as data. Whether a case runs in full is not written
 * here: it is read from its import. A case whose import of `a` and `b` reports no loss is
 * covered — planned, applied, and the databases' catalogs compared. A case whose import still
 * reports a loss is out of scope for exactly those losses, each explained by `MISSING_FEATURES`
 * (what the design model lacks, and the part of issue 16 that brings it, when one does): when
 * that part lands, the import stops reporting the loss and the case runs, with no edit here.
 */
export interface MigraCase {
  /** What the case changes, in a few words (the report prints it). */
  holds?: string;
  /** The schemas compared (default `public`); migra's flags name them for some cases. */
  schemas?: string[];
  /**
   * While out of scope, the case's design part (what both imports hold: tables, columns, keys,
   * indexes, enums) is planned and applied to `a`: it round-trips, unless this says why it cannot
   * (then it must fail with that error).
   */
  designPartFails?: { why: string; error: string };
  /**
   * Every schema imported as one design (`public` its default schema), planned and applied at
   * once, and each schema's catalog compared: for cases whose objects reach across schemas.
   */
  allSchemas?: string[];
  /**
   * `b` has a column between two of `a`'s: the plan adds it last (PostgreSQL cannot reorder
   * columns, and the plan's summary says so), so once covered the catalogs are compared with
   * each table's columns by name.
   */
  columnAddedBetween?: boolean;
}

/** What an import warning on a migra case stands for: the feature a design lacks, and who brings it. */
export interface MissingFeature {
  feature: string;
  /** The part of issue 16 that adds it to the model; absent: not planned. */
  by?: string;
}

export const MISSING_FEATURES: Partial<Record<ImportWarningCode, MissingFeature>> = {
  UNSUPPORTED_CHECK_CONSTRAINT: { feature: 'check constraints', by: 'issue 16 point 4 (checks)' },
  GENERATED_COLUMN: { feature: 'generated columns', by: 'issue 16 point 4 (generated columns)' },
  UNSUPPORTED_VIEW: { feature: 'views', by: 'issue 16 point 4 (views)' },
  TYPE_UNSUPPORTED: {
    feature: 'a type the design lacks (circle; an enum of another schema)',
    by: 'issue 16 point 4 (types) and point 3 (schemas)',
  },
  UNSUPPORTED_MATERIALIZED_VIEW: { feature: 'materialized views' },
  UNSUPPORTED_FUNCTION: { feature: 'functions' },
  UNSUPPORTED_TRIGGER: { feature: 'triggers' },
  UNSUPPORTED_EXTENSION: { feature: 'extensions' },
  UNSUPPORTED_EXCLUSION_CONSTRAINT: { feature: 'exclusion constraints' },
  UNSUPPORTED_INHERITED_TABLE: { feature: 'table inheritance' },
  UNSUPPORTED_PARTITION: { feature: 'partitioning' },
  UNSUPPORTED_POLICY: { feature: 'row-level security policies' },
  FK_OPTIONS_DROPPED: { feature: 'DEFERRABLE keys' },
  COLLATION_DROPPED: { feature: 'column collations' },
  TABLE_WITHOUT_COLUMNS: { feature: 'tables without columns' },
  UNIQUE_AS_INDEX: { feature: 'UNIQUE constraints over several columns (held as a unique index)' },
  DEFAULT_DROPPED: {
    feature: 'defaults beyond literals and the known expressions (a sequence another table owns)',
  },
  IDENTITY_ALWAYS: { feature: 'GENERATED ALWAYS identities' },
  SEQUENCE_AS_AUTO_INCREMENT: {
    feature: 'free-standing sequences (a design has them only behind auto-increment)',
  },
};

export const MIGRA_CASES: Record<string, MigraCase> = {
  collations: {
    holds: 'column collations (posix, an ICU collation)',
  },
  constraints: {
    holds: 'check and exclusion constraints, DEFERRABLE keys and foreign keys, the circle type',
  },
  dependencies: {
    holds: 'views and a function depending on them',
  },
  dependencies2: {
    holds: 'a table replaced by a view of the same name (schema x)',
    schemas: ['x'],
  },
  dependencies3: {
    holds: 'views and a view turned materialized',
  },
  dependencies4: {
    holds: 'a view and a materialized view (with a unique index) over a new table',
  },
  enumdefaults: {
    holds: 'a column switching between enums of another schema (other.otherenum1 → other.otherenum2)',
    allSchemas: ['public', 'other'],
  },
  enumdeps: {
    holds: 'views using the enum whose value is added',
  },
  everything: {
    holds:
      'extensions (pg_trgm, hstore, citext), views, materialized views, functions, check constraints, tables without columns, UNLOGGED, grants',
    designPartFails: {
      why: "orders.order_id is a serial column in a, imported as auto-increment (an identity in a design's own build); the plan's DROP IDENTITY, written for a database built from the design, fails on a serial column",
      error: '"order_id" of relation "orders" is not an identity column',
    },
  },
  // migra runs it with --exclude_schema excludedschema: the two other schemas are compared.
  excludeschema: { schemas: ['schema1', 'schema2'] },
  extversions: {
    holds: 'extensions and their versions only',
  },
  generated: {
    holds: 'generated (computed) columns and a table without columns',
  },
  generated_added: {
    holds: 'the only change drops a table without columns',
  },
  identitycols: {
    holds: 'generated columns and GENERATED ALWAYS identities',
  },
  inherit: {
    holds: 'table inheritance and check constraints',
  },
  inherit2: {
    holds: 'table inheritance (a column moving between parent and child)',
    designPartFails: {
      why: "dropping column e of the parent timestamp_base also drops the child's inherited e: a design does not know about inheritance",
      error: 'public: a migrated is b',
    },
  },
  partitioning: {
    holds: 'partitioned tables and partitions attached or detached',
    designPartFails: {
      why: 'measurement_y2006m03 is a partition in a (not imported) and a plain table in b: the plan creates a table whose name the partition holds',
      error: 'relation "measurement_y2006m03" already exists',
    },
  },
  privileges: {
    holds: 'grants (read by no import), views, a function, an extension',
  },
  rls: {
    holds: 'row-level security and policies',
  },
  rls2: {
    holds: 'row-level security and a policy, and a table without columns',
  },
  seq: {
    holds: 'serial columns swapped with free-standing sequences, and a table without columns',
  },
  // migra runs it with --schema goodschema.
  singleschema: {
    holds: 'a view (goodschema.v) redefined',
    schemas: ['goodschema'],
    columnAddedBetween: true,
  },
  singleschema_ext: {
    holds: 'extensions and a redefined view',
    schemas: ['goodschema'],
    columnAddedBetween: true,
  },
  triggers: {
    holds: 'triggers and their function',
  },
  triggers2: {
    holds: 'triggers and their function',
  },
  triggers3: {
    holds: 'an INSTEAD OF trigger on a view',
  },
};

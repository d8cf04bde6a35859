import type { SqlDialect } from '@schema-builder/schema-model/ddl';

/**
 * THE allow-list of the corpus matrix: silent losses known on main today, each with the part of
 * issue 16 that fixes it. The matrix fails on a silent loss not listed here, and on an entry
 * that no longer matches anything (the fix landed: delete the entry). Empty it; never widen it.
 */
export interface KnownSilentLoss {
  source: SqlDialect;
  /** Every target when absent. */
  target?: SqlDialect;
  /** The design (`mysql sakila/sakila-mv-schema`); every design when absent. */
  design?: string;
  /** Matches the object by name (`film.title`). */
  object?: RegExp;
  /** Matches what differs (`type BYTEA → BLOB`). */
  what: RegExp;
  /** The part of issue 16 that removes it. */
  fixedBy: string;
}

const BINARY = 'issue 16 point 2, helper "binary": BINARY/VARBINARY types and blob size classes kept';
const UNSIGNED =
  'issue 16 point 2, helper "binary": column `unsigned` (MySQL unsigned integers keep their range)';

export const KNOWN_SILENT_LOSSES: readonly KnownSilentLoss[] = [
  // MySQL: what the import widens or drops without a word (seen MySQL → MySQL, a loss of every target).
  { source: 'mysql', what: /^type (tiny|small|medium)?int unsigned → /, fixedBy: UNSIGNED },
  { source: 'mysql', what: /^type (var)?binary\(\d+\) → longblob$/, fixedBy: BINARY },
  { source: 'mysql', what: /^type (tiny|medium)?blob → longblob$/, fixedBy: BINARY },
  {
    source: 'mysql',
    what: /^type tinyint → smallint$/,
    fixedBy:
      'issue 16 point 2 (imports keep what they read): TINYINT imports as SMALLINT without a warning; no helper names signed TINYINT: the "binary" helper (integer ranges) or a TYPE_APPROXIMATED import warning',
  },
  // SQLite: a declared BINARY(n), VARBINARY(n) or BYTEA imports as BYTEA (SQLite → SQLite: NUMERIC affinity made BLOB's).
  {
    source: 'sqlite',
    what: /^type (BINARY|VARBINARY|BYTEA)(\(\d+\))? \(NUMERIC affinity\) → BLOB \(BLOB affinity\)$/,
    fixedBy: `${BINARY} (its SQLite export warns where it writes BLOB for them)`,
  },
  // PostgreSQL → MySQL: InnoDB's foreign-key names are per database; the export renames a clash.
  {
    source: 'postgresql',
    target: 'mysql',
    design: 'pg powerdns',
    what: /^name "domain_exists" → "domain_exists_1"$/,
    fixedBy:
      "issue 16 point 1 (exports that run; no helper assigned): the MySQL export renames a foreign key another table's already has (`renderMysqlPlanWithChanges`) without an export warning",
  },
];

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

export const KNOWN_SILENT_LOSSES: readonly KnownSilentLoss[] = [];

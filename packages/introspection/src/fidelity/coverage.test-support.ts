import type { CatalogImport, ImportWarning, IntrospectedCatalog } from '@schema-builder/schema-model/import';
import type { Category, Score } from './score.test-support.ts';
import { emptyScore, tally } from './score.test-support.ts';

/**
 * How much of a catalog its imported design holds, read from the import's warnings: an object
 * counts as captured when no warning says it was dropped or changed. For dialects without a DDL
 * generator yet (MySQL, SQLite) this is the fidelity measure: import coverage, not a round trip.
 */
export function importCoverage(catalog: IntrospectedCatalog, result: CatalogImport): Score {
  const score = emptyScore();
  const byPath = new Map<string, ImportWarning[]>();
  for (const warning of result.warnings)
    byPath.set(warning.path, [...(byPath.get(warning.path) ?? []), warning]);
  const lost = (path: string, ignored: ReadonlySet<string> = HARMLESS) =>
    (byPath.get(path) ?? [])
      .filter((warning) => !ignored.has(warning.code))
      .map((warning) => ({ what: warning.message, kind: warning.code }));
  const count = (category: Category, object: string, path: string) =>
    tally(score, category, object, lost(path));

  for (const table of catalog.tables) {
    const tablePath = `tables.${table.name}`;
    count('tables', table.name, tablePath);
    for (const column of table.columns)
      count('columns', `${table.name}.${column.name}`, `${tablePath}.columns.${column.name}`);
    if (table.primaryKey) count('primaryKeys', table.name, `${tablePath}.primaryKey`);
    for (const key of table.uniqueConstraints) {
      const label = key.name ?? key.columns.join(',');
      tally(
        score,
        'uniques',
        `${table.name} unique ${label}`,
        lost(`${tablePath}.uniqueConstraints.${label}`, UNIQUE_HARMLESS),
      );
    }
    for (const index of table.indexes) {
      const path = `${tablePath}.indexes.${index.name}`;
      tally(score, index.unique ? 'uniques' : 'indexes', `${table.name}.${index.name}`, lost(path));
    }
    table.foreignKeys.forEach((fk, position) => {
      const label = fk.name ?? `${position + 1}`;
      count('foreignKeys', `${table.name}.${label}`, `${tablePath}.foreignKeys.${label}`);
    });
  }
  for (const enumType of catalog.enums) count('enums', enumType.name, `enums.${enumType.name}`);
  return score;
}

/** Warnings that report a faithful rendering rather than a loss. */
const HARMLESS: ReadonlySet<string> = new Set(['DEFAULT_REWRITTEN', 'SEQUENCE_AS_AUTO_INCREMENT']);
/** A multi-column unique constraint as a unique index enforces the same. */
const UNIQUE_HARMLESS: ReadonlySet<string> = new Set(['UNIQUE_AS_INDEX']);

/**
 * The floor of an import-coverage run: every table, primary key, foreign key and enum is held
 * as it is (columns, indexes and unique keys may be approximated, which the report lists).
 */
export function coverageFloorViolations(score: Score): string[] {
  const held: ReadonlySet<Category> = new Set(['tables', 'primaryKeys', 'foreignKeys', 'enums']);
  return score.differences
    .filter((difference) => held.has(difference.category))
    .map((difference) => `${difference.category} ${difference.object}: ${difference.what}`);
}

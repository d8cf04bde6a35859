import { catalogToDesign, validateDesign } from '@schema-builder/schema-model';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, test } from 'vitest';
import { introspectSqlite } from '../sqlite/introspect.ts';
import type { CorpusSet } from './corpus.ts';
import { corpusPresent, readCorpusFile, skipNotice, sqliteSets } from './corpus.ts';
import { coverageFloorViolations, importCoverage } from './coverage.ts';
import { formatScore, formatSummary, unsupportedSummary } from './report.ts';
import type { Score } from './score.ts';

/**
 * Each SQLite corpus set loaded into an in-memory database with better-sqlite3, introspected and
 * imported. There is no SQLite DDL generator yet, so this measures import coverage, not a round
 * trip; the report says so.
 */
if (!corpusPresent) console.log(skipNotice('SQLite import coverage'));

const sets = corpusPresent ? sqliteSets().filter((set) => set.loadError === undefined) : [];
const summary: Array<{ name: string; score: Score | string }> = [];

function coverage(set: CorpusSet): Score | string {
  const db = new Database(':memory:');
  try {
    for (const file of set.files) {
      try {
        db.exec(readCorpusFile(file));
      } catch (error) {
        // better-sqlite3 builds SQLite without double-quoted string literals (SQLITE_DQS=0),
        // which the sqlite3 shell still accepts: such a file is reported, not failed.
        return `${file} does not load with better-sqlite3: ${error instanceof Error ? error.message : String(error)}`;
      }
    }
    const catalog = introspectSqlite(db);
    const result = catalogToDesign(catalog, { name: set.name, dialect: 'sqlite' });
    expect(validateDesign(result.document).errors, `${set.name}: the imported design is valid`).toEqual([]);
    const score = importCoverage(catalog, result);
    const notes = [
      `${result.warnings.length} import warnings; ${unsupportedSummary(catalog.unsupported)}`,
      'import coverage only: there is no SQLite DDL generator yet, so no round trip',
    ];
    console.log(formatScore(`SQLite import coverage: ${set.name} (${set.files.join(' + ')})`, score, notes));
    return score;
  } finally {
    db.close();
  }
}

describe.skipIf(!corpusPresent)('SQLite corpus: database → design (import coverage)', () => {
  afterAll(() => {
    console.log(
      formatSummary('SQLite import coverage (no SQLite DDL generator yet: not a round trip)', summary),
    );
  });

  test.each(sets.map((set) => [set.name, set]))(
    '%s: the import holds what a design can express',
    (_, set) => {
      const score = coverage(set);
      if (typeof score === 'string') {
        console.log(`\n── SQLite import coverage: ${set.name}: skipped, ${score}`);
        summary.push({ name: set.name, score: `skipped: ${score.slice(0, 140)}` });
        return;
      }
      summary.push({ name: set.name, score });
      expect(coverageFloorViolations(score)).toEqual([]);
    },
  );
});

import { catalogToDesign } from '@schema-builder/schema-model/import';
import { validateDesign } from '@schema-builder/schema-model/validation';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, test } from 'vitest';
import { introspectSqlite } from '../sqlite/introspect.ts';
import type { CorpusSet } from './corpus.test-support.ts';
import { corpusPresent, readCorpusFile, skipNotice, sqliteSets } from './corpus.test-support.ts';
import { coverageFloorViolations, importCoverage } from './coverage.test-support.ts';
import { roundTripFloorViolations } from './floors.test-support.ts';
import { formatScore, formatSummary, unsupportedSummary } from './report.test-support.ts';
import { sqliteRoundTrip } from './round-trip-dialects.test-support.ts';
import type { Score } from './score.test-support.ts';

/**
 * Each SQLite corpus set loaded into an in-memory database with better-sqlite3, introspected and
 * imported: import coverage; then the round trip: the design's SQLite DDL loaded into another
 * in-memory database, introspected and compared object by object with the first.
 */
if (!corpusPresent) console.log(skipNotice('SQLite import coverage'));

const sets = corpusPresent ? sqliteSets().filter((set) => set.loadError === undefined) : [];
const summary: Array<{ name: string; score: Score | string }> = [];
const roundTrips: Array<{ name: string; score: Score | string }> = [];

function coverage(set: CorpusSet): { score: Score; roundTrip: Score } | string {
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
    const notes = [`${result.warnings.length} import warnings; ${unsupportedSummary(catalog.unsupported)}`];
    console.log(formatScore(`SQLite import coverage: ${set.name} (${set.files.join(' + ')})`, score, notes));
    const roundTrip = sqliteRoundTrip(catalog, result.document);
    console.log(formatScore(`SQLite round trip: ${set.name}`, roundTrip, []));
    return { score, roundTrip };
  } finally {
    db.close();
  }
}

describe.skipIf(!corpusPresent)('SQLite corpus: database → design → DDL → database', () => {
  afterAll(() => {
    console.log(formatSummary('SQLite import coverage', summary));
    console.log(formatSummary('SQLite round trip, matched/total per file', roundTrips));
  });

  test.each(sets.map((set) => [set.name, set]))(
    '%s: the import holds what a design can express, and its DDL brings it back',
    (_, set) => {
      const outcome = coverage(set);
      if (typeof outcome === 'string') {
        console.log(`\n── SQLite import coverage: ${set.name}: skipped, ${outcome}`);
        summary.push({ name: set.name, score: `skipped: ${outcome.slice(0, 140)}` });
        roundTrips.push({ name: set.name, score: 'skipped: the source does not load' });
        return;
      }
      summary.push({ name: set.name, score: outcome.score });
      roundTrips.push({ name: set.name, score: outcome.roundTrip });
      expect(coverageFloorViolations(outcome.score)).toEqual([]);
      expect(roundTripFloorViolations(outcome.roundTrip)).toEqual([]);
    },
  );
});

import { catalogToDesign } from '@schema-builder/schema-model/import';
import { validateDesign } from '@schema-builder/schema-model/validation';
import { testEnv } from '@schema-builder/testing/env';
import { afterAll, describe, expect, test } from 'vitest';
import { introspectMysql } from '../mysql/introspect.ts';
import type { CorpusSet } from './corpus.test-support.ts';
import { corpusPresent, mysqlSets, readCorpusFile, skipNotice } from './corpus.test-support.ts';
import { coverageFloorViolations, importCoverage } from './coverage.test-support.ts';
import { roundTripFloorViolations } from './floors.test-support.ts';
import { createMariadbDatabase, intoDatabase, mariadbUnavailable } from './load-mysql.test-support.ts';
import { formatScore, formatSummary, unsupportedSummary } from './report.test-support.ts';
import { mysqlRoundTrip } from './round-trip-dialects.test-support.ts';
import type { Score } from './score.test-support.ts';

/**
 * Each MySQL corpus file loaded into a fresh MariaDB database, introspected and imported:
 * import coverage (what the design holds of the MariaDB catalog); then the round trip: the
 * design's MySQL DDL loaded into another fresh database, introspected and compared object by
 * object with the first, as the PostgreSQL suite does.
 */
const unavailable = corpusPresent ? await mariadbUnavailable(testEnv.MARIADB_URL) : 'no corpus';
if (!corpusPresent) console.log(skipNotice('MySQL import coverage'));
else if (unavailable)
  console.log(
    `[fidelity] MySQL import coverage: skipped, MariaDB at ${testEnv.MARIADB_URL} does not answer: ${unavailable}`,
  );

const sets = corpusPresent ? mysqlSets() : [];
const summary: Array<{ name: string; score: Score | string }> = [];
const roundTrips: Array<{ name: string; score: Score | string }> = [];

type Outcome = { loaded: false; reason: string } | { loaded: true; score: Score; roundTrip: Score };

async function coverage(set: CorpusSet): Promise<Outcome> {
  const database = await createMariadbDatabase(testEnv.MARIADB_URL);
  try {
    const notes: string[] = [];
    for (const file of set.files) {
      const { script, notes: loaderNotes } = intoDatabase(readCorpusFile(file), database.name);
      notes.push(...loaderNotes.map((note) => `${file}: ${note}`));
      try {
        await database.load(script);
      } catch (error) {
        return {
          loaded: false,
          reason: `${file} does not load on MariaDB: ${error instanceof Error ? error.message : String(error)}`,
        };
      }
    }
    const catalog = await introspectMysql(database.connection, database.name);
    const result = catalogToDesign(catalog, { name: set.name, dialect: 'mysql' });
    expect(validateDesign(result.document).errors, `${set.name}: the imported design is valid`).toEqual([]);
    const score = importCoverage(catalog, result);
    notes.push(`${result.warnings.length} import warnings; ${unsupportedSummary(catalog.unsupported)}`);
    console.log(
      formatScore(`MySQL import coverage: ${set.name} (${set.files.join(' + ')}) on MariaDB`, score, notes),
    );
    const roundTrip = await mysqlRoundTrip(testEnv.MARIADB_URL, catalog, result.document);
    console.log(formatScore(`MySQL round trip: ${set.name} on MariaDB`, roundTrip, []));
    return { loaded: true, score, roundTrip };
  } finally {
    await database.drop();
  }
}

describe.skipIf(unavailable !== undefined)(
  'MySQL corpus on MariaDB: database → design → DDL → database',
  () => {
    afterAll(() => {
      console.log(formatSummary('MySQL import coverage on MariaDB', summary));
      console.log(formatSummary('MySQL round trip on MariaDB, matched/total per file', roundTrips));
    });

    test.each(sets.map((set) => [set.name, set]))(
      '%s: the import holds what a design can express, and its DDL brings it back',
      async (_, set) => {
        const outcome = await coverage(set);
        if (!outcome.loaded) {
          // A file that needs what MariaDB lacks (MySQL 8 syntax) is reported, not failed.
          console.log(`\n── MySQL import coverage: ${set.name}: skipped, ${outcome.reason}`);
          summary.push({ name: set.name, score: `skipped: ${outcome.reason.slice(0, 140)}` });
          roundTrips.push({ name: set.name, score: 'skipped: the source does not load' });
          return;
        }
        summary.push({ name: set.name, score: outcome.score });
        roundTrips.push({ name: set.name, score: outcome.roundTrip });
        expect(coverageFloorViolations(outcome.score)).toEqual([]);
        expect(roundTripFloorViolations(outcome.roundTrip)).toEqual([]);
      },
    );
  },
);

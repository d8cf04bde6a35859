import { catalogToDesign, validateDesign } from '@schema-builder/schema-model';
import { testEnv } from '@schema-builder/testing/env';
import { afterAll, describe, expect, test } from 'vitest';
import { introspectMysql } from '../mysql/introspect.ts';
import type { CorpusSet } from './corpus.ts';
import { corpusPresent, mysqlSets, readCorpusFile, skipNotice } from './corpus.ts';
import { coverageFloorViolations, importCoverage } from './coverage.ts';
import { createMariadbDatabase, intoDatabase, mariadbUnavailable } from './load-mysql.ts';
import { formatScore, formatSummary, unsupportedSummary } from './report.ts';
import type { Score } from './score.ts';

/**
 * Each MySQL corpus file loaded into a fresh MariaDB database, introspected and imported. There
 * is no MySQL DDL generator yet, so this measures import coverage (what the design holds of the
 * MariaDB catalog), not a round trip; the report says so.
 */
const unavailable = corpusPresent ? await mariadbUnavailable(testEnv.MARIADB_URL) : 'no corpus';
if (!corpusPresent) console.log(skipNotice('MySQL import coverage'));
else if (unavailable)
  console.log(
    `[fidelity] MySQL import coverage: skipped, MariaDB at ${testEnv.MARIADB_URL} does not answer: ${unavailable}`,
  );

const sets = corpusPresent ? mysqlSets() : [];
const summary: Array<{ name: string; score: Score | string }> = [];

type Outcome = { loaded: false; reason: string } | { loaded: true; score: Score };

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
    notes.push('import coverage only: there is no MySQL DDL generator yet, so no round trip');
    console.log(
      formatScore(`MySQL import coverage: ${set.name} (${set.files.join(' + ')}) on MariaDB`, score, notes),
    );
    return { loaded: true, score };
  } finally {
    await database.drop();
  }
}

describe.skipIf(unavailable !== undefined)(
  'MySQL corpus on MariaDB: database → design (import coverage)',
  () => {
    afterAll(() => {
      console.log(
        formatSummary(
          'MySQL import coverage on MariaDB (no MySQL DDL generator yet: not a round trip)',
          summary,
        ),
      );
    });

    test.each(sets.map((set) => [set.name, set]))(
      '%s: the import holds what a design can express',
      async (_, set) => {
        const outcome = await coverage(set);
        if (!outcome.loaded) {
          // A file that needs what MariaDB lacks (MySQL 8 syntax) is reported, not failed.
          console.log(`\n── MySQL import coverage: ${set.name}: skipped, ${outcome.reason}`);
          summary.push({ name: set.name, score: `skipped: ${outcome.reason.slice(0, 140)}` });
          return;
        }
        summary.push({ name: set.name, score: outcome.score });
        expect(coverageFloorViolations(outcome.score)).toEqual([]);
      },
    );
  },
);

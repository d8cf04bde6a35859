import { generateDdl } from '@schema-builder/schema-model/ddl';
import { normalizeDesign } from '@schema-builder/schema-model/design';
import type { IntrospectedCatalog } from '@schema-builder/schema-model/import';
import { catalogToDesign } from '@schema-builder/schema-model/import';
import { quoteIdent } from '@schema-builder/schema-model/sql';
import { validateDesign } from '@schema-builder/schema-model/validation';
import { evaluateDefaults } from '@schema-builder/testing/catalog';
import { createTestDatabase } from '@schema-builder/testing/postgres';
import postgres from 'postgres';
import { afterAll, describe, expect, test } from 'vitest';
import { introspectPostgres } from '../postgres/introspect.ts';
import { compareCatalogs } from './compare.test-support.ts';
import type { CorpusSet } from './corpus.test-support.ts';
import { corpusPresent, postgresSets, readCorpusFile, skipNotice } from './corpus.test-support.ts';
import { floorViolations } from './floors.test-support.ts';
import { runOnOneSession, schemasWithTables } from './load-postgres.test-support.ts';
import { formatScore, formatSummary, unsupportedSummary } from './report.test-support.ts';
import type { Score } from './score.test-support.ts';
import { emptyScore, merge } from './score.test-support.ts';

/**
 * The round trip of every PostgreSQL corpus file that loads on PostgreSQL 15: load it into a
 * fresh database, introspect each schema that has tables, import it as a design, generate DDL
 * from the design, load that into a second fresh database (one schema per source schema),
 * introspect again, and compare the two catalogs object by object.
 */
if (!corpusPresent) console.log(skipNotice('PostgreSQL round trip'));

const sets = corpusPresent ? postgresSets() : [];
const loadable = sets.filter((set) => set.loadError === undefined);
const summary: Array<{ name: string; score: Score | string }> = [];

async function roundTrip(set: CorpusSet): Promise<Score> {
  const source = await createTestDatabase('sbfid');
  const copy = await createTestDatabase('sbfid');
  try {
    await runOnOneSession(source.url, set.files.map(readCorpusFile));
    const score = emptyScore();
    const notes: string[] = [];
    for (const schema of await schemasWithTables(source.sql)) {
      const before = await introspectPostgres(source.sql, { schema });
      const { document, warnings } = catalogToDesign(before, {
        name: `${set.name} ${schema}`,
        dialect: 'postgresql',
      });
      expect(validateDesign(document).errors, `${set.name} ${schema}: the imported design is valid`).toEqual(
        [],
      );
      const ddl = generateDdl(normalizeDesign(document), { schema });
      await runOnOneSession(
        copy.url,
        [ddl.sql],
        `CREATE SCHEMA IF NOT EXISTS ${quoteIdent(schema)}; SET search_path TO ${quoteIdent(schema)};`,
      );
      const after = await introspectPostgres(copy.sql, { schema });
      const schemaScore = compareCatalogs(before, after);
      merge(score, schemaScore);
      const own = warnings.filter((warning) => warning.code !== 'UNSUPPORTED_TABLE_OUTSIDE_SCHEMA');
      notes.push(
        `schema ${schema}: ${before.tables.length} tables, ${own.length} import warnings; ${unsupportedSummary(ownObjects(before))}`,
      );
    }
    await checkDefaultsEvaluate(copy.url);
    console.log(formatScore(`PostgreSQL round trip: ${set.name} (${set.files.join(' + ')})`, score, notes));
    return score;
  } finally {
    await Promise.all([source.drop(), copy.drop()]);
  }
}

/** Tables of other schemas are reported where they live, not once per schema that sees them. */
const ownObjects = (catalog: IntrospectedCatalog) =>
  catalog.unsupported.filter((o) => o.kind !== 'table_outside_schema');

/** Every default of the re-created schemas can be evaluated (CREATE TABLE alone does not check that). */
async function checkDefaultsEvaluate(url: string): Promise<void> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const schemas = await schemasWithTables(sql);
    for (const schema of schemas) {
      await sql.unsafe(`SET search_path TO ${quoteIdent(schema)}`);
      await sql.begin(async (tx) => evaluateDefaults(tx));
    }
  } finally {
    await sql.end({ timeout: 5 });
  }
}

describe.skipIf(!corpusPresent)('PostgreSQL corpus round trip: database → design → DDL → database', () => {
  afterAll(() => {
    for (const set of sets.filter((s) => s.loadError !== undefined)) {
      summary.push({
        name: set.name,
        score: `not loaded on PostgreSQL 15 (corpus load test): ${set.loadError?.split('\n')[0]?.slice(0, 120)}`,
      });
    }
    console.log(formatSummary('PostgreSQL round trip, matched/total per file', summary));
  });

  test.each(loadable.map((set) => [set.name, set]))(
    '%s: everything a design can express comes back',
    async (_, set) => {
      const score = await roundTrip(set);
      summary.push({ name: set.name, score });
      expect(floorViolations(score)).toEqual([]);
    },
  );
});

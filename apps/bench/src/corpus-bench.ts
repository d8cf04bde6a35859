import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { introspectPostgres } from '@schema-builder/introspection';
import { generateDdl, SQL_DIALECTS } from '@schema-builder/schema-model/ddl';
import type { DesignDocument } from '@schema-builder/schema-model/design';
import { normalizeDesign } from '@schema-builder/schema-model/design';
import { catalogToDesign } from '@schema-builder/schema-model/import';
import { validateDesign } from '@schema-builder/schema-model/validation';
import postgres from 'postgres';
import { benchDatabase } from './database.ts';
import { benchEnv } from './env.ts';
import { median, ms } from './stats.ts';

const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));

interface CorpusSet {
  name: string;
  files: string[];
  tables: number;
}

/** The PostgreSQL corpus set with the most tables that loads on PostgreSQL 15 (the corpus's load test). */
function largestSet(corpusDir: string): CorpusSet | undefined {
  const results: unknown = JSON.parse(
    readFileSync(path.join(corpusDir, '_loadtest', 'results.json'), 'utf8'),
  );
  if (typeof results !== 'object' || results === null) return undefined;
  const sets = Object.entries(results as Record<string, Record<string, unknown>>)
    .filter(([, entry]) => entry.loaded_cleanly === true && Array.isArray(entry.files))
    .map(([name, entry]) => {
      const stats = (entry.stats ?? {}) as Record<string, unknown>;
      return {
        name,
        files: (entry.files as unknown[]).filter((f): f is string => typeof f === 'string'),
        tables: typeof stats.tables === 'number' ? stats.tables : 0,
      };
    });
  return sets.sort((a, b) => b.tables - a.tables)[0];
}

/** Times an async step `runs` times; returns the durations in ms and the last result. */
async function timeAsync<T>(fn: () => Promise<T>, runs: number): Promise<{ durations: number[]; last: T }> {
  let last = await fn();
  const durations: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    last = await fn();
    durations.push(performance.now() - start);
  }
  return { durations, last };
}

function timeSync(fn: () => unknown, runs: number): number[] {
  for (let i = 0; i < 2; i++) fn();
  const durations: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    durations.push(performance.now() - start);
  }
  return durations;
}

/**
 * Import, validation and export of the largest corpus schema (MusicBrainz, 516 tables): loaded
 * into a fresh database, imported as the PostgreSQL round trip does (each schema holding tables,
 * introspected and mapped to a design), validated, and exported to each dialect. The baseline,
 * run in the same process: a JSON round trip of the same design documents.
 */
export async function runCorpusBench(): Promise<void> {
  const corpusDir = benchEnv.CORPUS_DIR ?? path.resolve(repoRoot, '../shared/corpus');
  console.log('\n## Import, validation and export of the largest corpus schema (medians)');
  if (!existsSync(path.join(corpusDir, '_loadtest', 'results.json'))) {
    console.log(`skipped: no corpus at ${corpusDir} (set CORPUS_DIR)`);
    return;
  }
  const set = largestSet(corpusDir);
  if (!set) {
    console.log('skipped: the corpus load test lists no set that loads');
    return;
  }
  const database = await benchDatabase();
  const sql = postgres(database.url, { max: 1, onnotice: () => {} });
  try {
    for (const file of set.files) {
      const text = readFileSync(path.join(corpusDir, file), 'utf8').replace(/^[ \t]*\\.*$/gm, '');
      await sql.unsafe(text).simple();
    }
    const schemas = (
      await sql<{ name: string }[]>`
        select distinct n.nspname::text as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where c.relkind in ('r', 'p') and not c.relispartition
          and n.nspname not in ('pg_catalog', 'information_schema') and n.nspname not like 'pg\\_%'
        order by 1`
    ).map((row) => row.name);
    const importRuns = 5;
    const imported = await timeAsync(async () => {
      const documents: DesignDocument[] = [];
      for (const schema of schemas) {
        const catalog = await introspectPostgres(sql, { schema });
        documents.push(
          catalogToDesign(catalog, { name: `${set.name} ${schema}`, dialect: 'postgresql' }).document,
        );
      }
      return documents;
    }, importRuns);
    const documents = imported.last;
    const tables = documents.reduce((n, d) => n + d.tables.length, 0);
    const runs = 15;
    const baseline = median(timeSync(() => JSON.parse(JSON.stringify(documents)), runs));
    const validation = median(timeSync(() => documents.map((d) => validateDesign(d)), runs));
    const exports = SQL_DIALECTS.map((dialect) => ({
      dialect,
      time: median(timeSync(() => documents.map((d) => generateDdl(normalizeDesign(d), { dialect })), runs)),
    }));
    console.log(
      `${set.name} (${set.files.join(' + ')}): ${tables} tables in ${schemas.length} schemas (${documents.length} designs, one per schema)`,
    );
    console.log('| step | median | / baseline |');
    console.log('|---|---|---|');
    console.log(`| JSON round trip of the designs (baseline) | ${ms(baseline)} | 1.0× |`);
    const row = (step: string, value: number) =>
      console.log(`| ${step} | ${ms(value)} | ${(value / baseline).toFixed(1)}× |`);
    row(`import (introspect + map, ${importRuns} runs)`, median(imported.durations));
    row('validation', validation);
    for (const { dialect, time } of exports) row(`export ${dialect} (normalize + DDL)`, time);
  } finally {
    await sql.end({ timeout: 5 });
    await database.drop();
  }
}

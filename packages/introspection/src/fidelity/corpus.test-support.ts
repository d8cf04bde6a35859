import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { testEnv } from '@schema-builder/testing/env';

/**
 * The real-world schema corpus (../shared/corpus, or CORPUS_DIR), read in place: its files are
 * never copied into the project. Suites skip, saying so, when it is absent.
 */
export const corpusDir = testEnv.CORPUS_DIR;
export const corpusPresent = existsSync(path.join(corpusDir, '_loadtest', 'results.json'));

export function skipNotice(suite: string): string {
  return `[fidelity] ${suite}: skipped, no corpus at ${corpusDir} (set CORPUS_DIR to run it)`;
}

/** One test database's worth of corpus files, loaded together in order. */
export interface CorpusSet {
  name: string;
  files: string[];
  /** Why the corpus's own load test failed on PostgreSQL 15, when it did. */
  loadError?: string;
}

export function readCorpusFile(relative: string): string {
  return readFileSync(path.join(corpusDir, relative), 'utf8');
}

function loadResults(file: string): Record<string, unknown> {
  const parsed: unknown = JSON.parse(readCorpusFile(path.join('_loadtest', file)));
  if (typeof parsed !== 'object' || parsed === null) throw new Error(`${file} is not a JSON object`);
  return parsed as Record<string, unknown>;
}

/** The sets of a `_loadtest/*results.json`, with their files and outcome, in name order. */
function setsOf(file: string): CorpusSet[] {
  return Object.entries(loadResults(file))
    .map(([name, entry]): CorpusSet => {
      const record = typeof entry === 'object' && entry !== null ? (entry as Record<string, unknown>) : {};
      const files = Array.isArray(record.files)
        ? record.files.filter((f): f is string => typeof f === 'string')
        : [];
      const error = record.first_error ?? record.error;
      return {
        name,
        files,
        ...(record.loaded_cleanly === true
          ? {}
          : { loadError: typeof error === 'string' ? error : 'did not load' }),
      };
    })
    .sort((a, b) => (a.name < b.name ? -1 : 1));
}

export const postgresSets = (): CorpusSet[] => setsOf('results.json');
export const sqliteSets = (): CorpusSet[] => setsOf('sqlite_results.json');

/**
 * The MySQL files (the corpus did not load-test them): one set per file, except the employees
 * routines and views, which need the employees tables and load with them.
 */
export function mysqlSets(): CorpusSet[] {
  const root = path.join(corpusDir, 'mysql');
  const files = readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.sql'))
    .map((file) => path.posix.join('mysql', file.split(path.sep).join('/')))
    .sort();
  const companion = 'mysql/employees/objects.sql';
  return files
    .filter((file) => file !== companion)
    .map((file) => ({
      name: file.replace(/^mysql\//, '').replace(/\.sql$/, ''),
      files:
        file === 'mysql/employees/employees.schema.sql' && files.includes(companion)
          ? [file, companion]
          : [file],
    }));
}

import type { SqlDialect } from '@schema-builder/schema-model/ddl';
import type { CatalogImport, IntrospectedCatalog } from '@schema-builder/schema-model/import';
import { catalogToDesign } from '@schema-builder/schema-model/import';
import { testEnv } from '@schema-builder/testing/env';
import { createTestDatabase } from '@schema-builder/testing/postgres';
import Database from 'better-sqlite3';
import { introspectMysql } from '../mysql/introspect.ts';
import { introspectPostgres } from '../postgres/introspect.ts';
import { introspectSqlite } from '../sqlite/introspect.ts';
import type { CorpusSet } from './corpus.test-support.ts';
import { mysqlSets, postgresSets, readCorpusFile, sqliteSets } from './corpus.test-support.ts';
import { createMariadbDatabase, intoDatabase } from './load-mysql.test-support.ts';
import { runOnOneSession } from './load-postgres.test-support.ts';

/**
 * The three real engines of the corpus matrix, each as a source (a corpus set loaded, then read
 * by the live import: the introspection the API's import runs, then `catalogToDesign`) and as a
 * target (an export's SQL run on a fresh database, read back the same way). PostgreSQL 15 is the
 * test server, MySQL is MariaDB at MARIADB_URL, SQLite is better-sqlite3 in memory.
 */

/** What the live import read from an engine: its catalog and the design made of it. */
export interface LiveImport {
  catalog: IntrospectedCatalog;
  result: CatalogImport;
}

/** A database on one engine that SQL can be run on and that the live import can read. */
interface EngineDatabase {
  run(script: string): Promise<void>;
  read(name: string): Promise<LiveImport>;
  drop(): Promise<void>;
}

function liveImport(catalog: IntrospectedCatalog, name: string, dialect: SqlDialect): LiveImport {
  return { catalog, result: catalogToDesign(catalog, { name, dialect }) };
}

async function postgresDatabase(): Promise<EngineDatabase> {
  const db = await createTestDatabase('sbmx');
  return {
    run: (script) => runOnOneSession(db.url, [script]),
    // The schema each corpus set builds in (`public`): its other schemas are proven by
    // `schemas/corpus-schemas*.test.ts`; attributing their warnings here is not done yet.
    read: async (name) => liveImport(await introspectPostgres(db.sql), name, 'postgresql'),
    drop: () => db.drop(),
  };
}

async function mysqlDatabase(): Promise<EngineDatabase> {
  const db = await createMariadbDatabase(testEnv.MARIADB_URL, 'sbmx');
  return {
    run: (script) => db.load(intoDatabase(script, db.name).script),
    read: async (name) => liveImport(await introspectMysql(db.connection, db.name), name, 'mysql'),
    drop: () => db.drop(),
  };
}

function sqliteDatabase(): EngineDatabase {
  const db = new Database(':memory:');
  return {
    run: async (script) => {
      db.exec(script);
    },
    read: async (name) => liveImport(introspectSqlite(db), name, 'sqlite'),
    drop: async () => {
      db.close();
    },
  };
}

const DATABASES: Readonly<Record<SqlDialect, () => Promise<EngineDatabase>>> = {
  postgresql: postgresDatabase,
  mysql: mysqlDatabase,
  sqlite: async () => sqliteDatabase(),
};

/** The engine each dialect's SQL runs on, by name, for the printed matrix. */
export const ENGINE_NAMES: Readonly<Record<SqlDialect, string>> = {
  postgresql: 'PostgreSQL 15',
  mysql: 'MariaDB',
  sqlite: 'SQLite',
};

/**
 * Runs SQL scripts on a fresh database of `dialect`, reads it with the live import, and drops it.
 * A script the engine refuses throws, with the engine's message.
 */
export async function runAndRead(
  dialect: SqlDialect,
  scripts: readonly string[],
  name: string,
): Promise<LiveImport> {
  const db = await DATABASES[dialect]();
  try {
    for (const script of scripts) await db.run(script);
    return await db.read(name);
  } finally {
    await db.drop();
  }
}

/** One corpus set on its own engine. */
export interface CorpusSource {
  dialect: SqlDialect;
  set: CorpusSet;
  /** `pg synapse`, `mysql sakila/sakila-mv-schema`, `sqlite northwind_sqlite`. */
  label: string;
}

const PREFIX: Readonly<Record<SqlDialect, string>> = { postgresql: 'pg', mysql: 'mysql', sqlite: 'sqlite' };

/**
 * Every corpus set, on its engine: the PostgreSQL and SQLite sets the corpus's own load test
 * loaded cleanly (the others need extensions or versions these engines lack; the load test
 * says which), and every MySQL file (the corpus did not load-test those).
 */
export function corpusSources(): CorpusSource[] {
  const of = (dialect: SqlDialect, sets: CorpusSet[]) =>
    sets
      .filter((set) => set.loadError === undefined)
      .map((set) => ({ dialect, set, label: `${PREFIX[dialect]} ${set.name}` }));
  return [...of('postgresql', postgresSets()), ...of('mysql', mysqlSets()), ...of('sqlite', sqliteSets())];
}

/** The corpus sets the corpus's load test could not load on their engine, with why. */
export function unloadableSets(): Array<{ label: string; reason: string }> {
  return [
    ...postgresSets().map((set) => ({ set, p: 'pg' })),
    ...sqliteSets().map((set) => ({ set, p: 'sqlite' })),
  ]
    .filter(({ set }) => set.loadError !== undefined)
    .map(({ set, p }) => ({ label: `${p} ${set.name}`, reason: set.loadError?.split('\n')[0] ?? '' }));
}

/** A corpus set loaded on its engine and read by the live import. */
export function importSource(source: CorpusSource): Promise<LiveImport> {
  return runAndRead(source.dialect, source.set.files.map(readCorpusFile), source.label);
}

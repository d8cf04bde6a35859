import { catalogToDesign } from '@schema-builder/schema-model/import';
import { testEnv } from '@schema-builder/testing/env';
import { createTestDatabase } from '@schema-builder/testing/postgres';
import Database from 'better-sqlite3';
import { test } from 'vitest';
import { introspectMysql } from '../mysql/introspect.ts';
import { introspectPostgres } from '../postgres/introspect.ts';
import { introspectSqlite } from '../sqlite/introspect.ts';
import { mysqlSets, postgresSets, readCorpusFile, sqliteSets } from './corpus.test-support.ts';
import { createMariadbDatabase, intoDatabase } from './load-mysql.test-support.ts';
import { runOnOneSession, schemasWithTables } from './load-postgres.test-support.ts';

test('count', async () => {
  const tally: Record<string, { views: number; imported: number; reasons: Record<string, number> }> = {};
  const add = (dialect: string, catalogViews: number, result: ReturnType<typeof catalogToDesign>) => {
    const t = (tally[dialect] ??= { views: 0, imported: 0, reasons: {} });
    t.views += catalogViews;
    t.imported += result.document.views?.length ?? 0;
    for (const w of result.warnings.filter((w) => w.code === 'UNSUPPORTED_VIEW')) {
      const reason = w.message.replace(/^View ".*?" is not imported: /, '').replace(/"[^"]*"/g, 'X').replace(/function \S+/, 'function F').replace(/type \S+/, 'type T').slice(0, 80);
      t.reasons[reason] = (t.reasons[reason] ?? 0) + 1;
    }
  };
  for (const set of postgresSets().filter((s) => s.loadError === undefined)) {
    const db = await createTestDatabase('sbcount');
    try {
      await runOnOneSession(db.url, set.files.map(readCorpusFile));
      for (const schema of await schemasWithTables(db.sql)) {
        const catalog = await introspectPostgres(db.sql, { schema });
        add('postgresql', catalog.views?.length ?? 0, catalogToDesign(catalog, { name: 'x', dialect: 'postgresql' }));
      }
    } catch {} finally {
      await db.drop();
    }
  }
  for (const set of sqliteSets()) {
    const db = new Database(':memory:');
    try {
      for (const file of set.files) db.exec(readCorpusFile(file));
      const catalog = introspectSqlite(db);
      add('sqlite', catalog.views?.length ?? 0, catalogToDesign(catalog, { name: 'x', dialect: 'sqlite' }));
    } catch {} finally {
      db.close();
    }
  }
  for (const set of mysqlSets()) {
    const database = await createMariadbDatabase(testEnv.MARIADB_URL);
    try {
      for (const file of set.files) await database.load(intoDatabase(readCorpusFile(file), database.name).script);
      const catalog = await introspectMysql(database.connection, database.name);
      add('mysql', catalog.views?.length ?? 0, catalogToDesign(catalog, { name: 'x', dialect: 'mysql' }));
    } catch {} finally {
      await database.drop();
    }
  }
  console.log(JSON.stringify(tally, null, 1));
}, 1_200_000);

import { generateDdl } from '@schema-builder/schema-model/ddl';
import { normalizeDesign } from '@schema-builder/schema-model/design';
import { catalogToDesign } from '@schema-builder/schema-model/import';
import { testEnv } from '@schema-builder/testing/env';
import { createTestDatabase } from '@schema-builder/testing/postgres';
import Database from 'better-sqlite3';
import { describe, expect, test } from 'vitest';
import { corpusPresent, postgresSets, readCorpusFile, skipNotice } from '../fidelity/corpus.test-support.ts';
import { createMariadbDatabase, mariadbUnavailable } from '../fidelity/load-mysql.test-support.ts';
import { runOnOneSession } from '../fidelity/load-postgres.test-support.ts';
import { introspectMysql } from '../mysql/introspect.ts';
import { introspectPostgres } from '../postgres/introspect.ts';
import { introspectSqlite } from '../sqlite/introspect.ts';

/**
 * The corpus's databases of several schemas, imported with all of them, exported to MySQL and
 * SQLite: each export runs on its engine (MariaDB, better-sqlite3), every table is there under its
 * flattened name, and each table of a schema carries a SCHEMA_FLATTENED warning at its path.
 */
const unavailable = corpusPresent ? await mariadbUnavailable(testEnv.MARIADB_URL) : 'no corpus';
if (!corpusPresent) console.log(skipNotice('schemas exported'));
else if (unavailable) console.log(`[schemas] exports: MariaDB at ${testEnv.MARIADB_URL}: ${unavailable}`);

const WANTED = ['adventureworks', 'musicbrainz_full'];
const sets = corpusPresent ? postgresSets().filter((set) => WANTED.includes(set.name)) : [];

describe.runIf(sets.length > 0 && unavailable === undefined)(
  'corpus schemas exported to MySQL and SQLite',
  () => {
    test.each(sets.map((set) => [set.name, set] as const))(
      '%s runs on MariaDB and SQLite with its schemas folded into names',
      async (name, set) => {
        const source = await createTestDatabase('sbschexp');
        let document: ReturnType<typeof catalogToDesign>['document'];
        try {
          await runOnOneSession(source.url, set.files.map(readCorpusFile));
          document = catalogToDesign(await introspectPostgres(source.sql, { schemas: 'all' }), {
            name,
            dialect: 'postgresql',
          }).document;
        } finally {
          await source.drop();
        }
        const design = normalizeDesign(document);
        const inSchemas = design.tables.flatMap((table, t) =>
          table.schemaId === undefined ? [] : [`tables[${t}]`],
        );

        for (const dialect of ['sqlite', 'mysql'] as const) {
          const ddl = generateDdl(design, { dialect });
          expect(ddl.warnings.filter((w) => w.code === 'SCHEMA_FLATTENED').map((w) => w.path)).toEqual(
            inSchemas,
          );
          let tables: string[];
          if (dialect === 'sqlite') {
            const db = new Database(':memory:');
            try {
              db.exec(ddl.sql);
              tables = introspectSqlite(db).tables.map((t) => t.name);
            } finally {
              db.close();
            }
          } else {
            const copy = await createMariadbDatabase(testEnv.MARIADB_URL, 'sbschexp');
            try {
              await copy.load(ddl.sql);
              tables = (await introspectMysql(copy.connection, copy.name)).tables.map((t) => t.name);
            } finally {
              await copy.drop();
            }
          }
          console.log(
            `[schemas] ${name} → ${dialect}: runs, ${tables.length} tables (${inSchemas.length} flattened), ${ddl.warnings.length} warnings`,
          );
          expect(tables).toHaveLength(design.tables.length);
        }
      },
      600_000,
    );
  },
);

import { generateDdl } from '@schema-builder/schema-model/ddl';
import type { DesignDocument } from '@schema-builder/schema-model/design';
import { normalizeDesign } from '@schema-builder/schema-model/design';
import { catalogToDesign } from '@schema-builder/schema-model/import';
import { testEnv } from '@schema-builder/testing/env';
import Database from 'better-sqlite3';
import { describe, expect, test } from 'vitest';
import { createMariadbDatabase, mariadbUnavailable } from '../fidelity/load-mysql.test-support.ts';
import { introspectMysql } from '../mysql/introspect.ts';
import { introspectSqlite } from '../sqlite/introspect.ts';

/**
 * A design over several schemas exported to MySQL and SQLite, one namespace per database: the
 * export runs on MariaDB and on SQLite, every table of a schema is there as `schema__table`
 * (with a SCHEMA_FLATTENED warning each), and the foreign key across schemas holds.
 */
const unavailable = await mariadbUnavailable(testEnv.MARIADB_URL);
if (unavailable)
  console.log(`[schemas] flattened exports: MariaDB at ${testEnv.MARIADB_URL}: ${unavailable}`);

const document: DesignDocument = {
  name: 'two schemas',
  schemas: [
    { id: 's1', name: 'sales' },
    { id: 's2', name: 'person' },
  ],
  enums: [{ id: 'e1', name: 'status', schemaId: 's1', values: ['open', 'paid'] }],
  tables: [
    {
      id: 't1',
      name: 'people',
      schemaId: 's2',
      columns: [{ id: 'c1', name: 'id', dataType: 'INT', primaryKey: true, autoIncrement: true }],
      indexes: [{ name: 'by_id', columns: ['id'], unique: true }],
    },
    {
      id: 't2',
      name: 'orders',
      schemaId: 's1',
      columns: [
        { id: 'c2', name: 'id', dataType: 'INT', primaryKey: true, autoIncrement: true },
        { id: 'c3', name: 'person_id', dataType: 'INT', nullable: false },
        { id: 'c4', name: 'status', dataType: 'ENUM', enumId: 'e1' },
      ],
      indexes: [{ name: 'by_id', columns: ['person_id'] }],
    },
    { id: 't3', name: 'orders', columns: [{ id: 'c5', name: 'id', dataType: 'INT', primaryKey: true }] },
  ],
  foreignKeys: [
    { id: 'f1', sourceTableId: 't2', sourceColumnId: 'c3', targetTableId: 't1', targetColumnId: 'c1' },
  ],
};

const EXPECTED_TABLES = ['orders', 'person__people', 'sales__orders'];

describe('a design with schemas exported to one-namespace engines', () => {
  test('SQLite runs it with the schemas folded into table names', () => {
    const ddl = generateDdl(normalizeDesign(document), { dialect: 'sqlite' });
    expect(ddl.warnings.filter((w) => w.code === 'SCHEMA_FLATTENED').map((w) => w.path)).toEqual([
      'tables[0]',
      'tables[1]',
    ]);
    const db = new Database(':memory:');
    try {
      db.exec(ddl.sql);
      const back = catalogToDesign(introspectSqlite(db), { name: 'back', dialect: 'sqlite' }).document;
      expect(back.tables.map((t) => t.name).sort()).toEqual(EXPECTED_TABLES);
      expect(back.foreignKeys).toHaveLength(1);
    } finally {
      db.close();
    }
  });

  test.skipIf(unavailable !== undefined)(
    'MariaDB runs it with the schemas folded into table names',
    async () => {
      const ddl = generateDdl(normalizeDesign(document), { dialect: 'mysql' });
      const copy = await createMariadbDatabase(testEnv.MARIADB_URL, 'sbschflat');
      try {
        await copy.load(ddl.sql);
        const back = catalogToDesign(await introspectMysql(copy.connection, copy.name), {
          name: 'back',
          dialect: 'mysql',
        }).document;
        expect(back.tables.map((t) => t.name).sort()).toEqual(EXPECTED_TABLES);
        expect(back.foreignKeys).toHaveLength(1);
      } finally {
        await copy.drop();
      }
    },
  );
});

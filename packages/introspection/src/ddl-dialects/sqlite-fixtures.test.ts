import { generateDdl } from '@schema-builder/schema-model/ddl';
import type { DesignDocument } from '@schema-builder/schema-model/design';
import { normalizeDesign } from '@schema-builder/schema-model/design';
import { designFixtures } from '@schema-builder/testing/fixtures';
import Database from 'better-sqlite3';
import { describe, expect, test } from 'vitest';
import { introspectSqlite } from '../sqlite/introspect.ts';

/**
 * Every shared design fixture's SQLite DDL runs on an in-memory better-sqlite3 database with
 * foreign keys enforced, and creates every table, column and foreign key.
 */
describe('generated SQLite DDL on better-sqlite3', () => {
  test.each(Object.entries(designFixtures))(
    '%s: executes and creates every table, column and foreign key',
    (_, fixture) => {
      const design = normalizeDesign(fixture as DesignDocument);
      const { sql } = generateDdl(design, { dialect: 'sqlite' });
      const db = new Database(':memory:');
      try {
        db.pragma('foreign_keys = ON');
        db.exec(sql);
        expect(db.pragma('foreign_key_check')).toEqual([]);
        const catalog = introspectSqlite(db);
        const shape = (tables: ReadonlyArray<{ name: string; columns: ReadonlyArray<{ name: string }> }>) =>
          tables.map((t) => `${t.name}(${t.columns.map((c) => c.name).join(',')})`).sort();
        expect(shape(catalog.tables)).toEqual(
          shape(design.tables.map((t) => ({ name: t.name, columns: t.columns }))),
        );
        const foreignKeys = catalog.tables.reduce((n, t) => n + t.foreignKeys.length, 0);
        expect(foreignKeys).toBe(design.foreignKeys.length);
      } finally {
        db.close();
      }
    },
  );
});

import { generateDdl } from '@schema-builder/schema-model/ddl';
import { catalogToDesign } from '@schema-builder/schema-model/import';
import Database from 'better-sqlite3';
import { describe, expect, test } from 'vitest';
import {
  designOf,
  generatedAndIndexesDocument,
  structureOf,
} from '../postgres/generated-indexes.test-support.ts';
import { introspectSqlite } from './introspect.ts';

const design = designOf(generatedAndIndexesDocument());
const ddl = generateDdl(design, { dialect: 'sqlite' });

function loaded(): Database.Database {
  const db = new Database(':memory:');
  db.exec(ddl.sql);
  return db;
}

describe('generated columns and richer indexes exported to SQLite', () => {
  test('expression, partial and descending indexes are native; only the method and NULLS order are warned', () => {
    expect(ddl.warnings.map((w) => `${w.code} ${w.path}`)).toEqual([
      'INDEX_NULLS_ORDER_DROPPED tables[0].indexes[1]',
      'INDEX_METHOD_CHANGED tables[0].indexes[4]',
      'INDEX_METHOD_CHANGED tables[0].indexes[5]',
      'INDEX_METHOD_CHANGED tables[0].indexes[6]',
    ]);
  });

  test('SQLite computes the generated columns and enforces the unique expression and partial indexes', () => {
    const db = loaded();
    db.exec("INSERT INTO items (name, qty) VALUES ('Bolt', 3)");
    expect(db.prepare('SELECT double_qty, name_lower FROM items').get()).toEqual({
      double_qty: 6,
      name_lower: 'bolt',
    });
    expect(() => db.exec("INSERT INTO items (name, qty) VALUES ('BOLT', 0)")).toThrow(/UNIQUE/);
    db.exec("INSERT INTO items (name, qty) VALUES ('Nut', 0), ('nut ', 0)");
    db.close();
  });

  test('the database imports back as the same design, but for the index methods it has not', () => {
    const back = catalogToDesign(introspectSqlite(loaded()), { name: 'back', dialect: 'sqlite' });
    expect(back.warnings.filter((w) => /GENERATED|INDEX_(EXPRESSION|PARTIAL)/.test(w.code))).toEqual([]);
    const expected = designOf(generatedAndIndexesDocument());
    for (const table of expected.tables)
      for (const index of table.indexes) {
        // What the warnings say: B-trees, NULLs first ascending.
        index.method = 'btree';
        for (const key of index.keys) delete key.nulls;
      }
    const imported = designOf(back.document);
    // SQLite has no TIMESTAMPTZ, JSONB or identity of its own kind: compare what this is about.
    const about = (structure: unknown) =>
      (structure as Array<{ columns: Array<Record<string, unknown>>; indexes: unknown }>).map((t) => ({
        generated: t.columns.map((c) => [c.name, c.generated]),
        nullable: t.columns.map((c) => [c.name, c.nullable]),
        indexes: t.indexes,
      }));
    expect(about(structureOf(imported))).toEqual(about(structureOf(expected)));
  });
});

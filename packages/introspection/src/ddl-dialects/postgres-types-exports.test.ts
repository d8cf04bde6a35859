import { generateDdl } from '@schema-builder/schema-model/ddl';
import { normalizeDesign } from '@schema-builder/schema-model/design';
import { postgresTypesDesign } from '@schema-builder/testing/fixtures';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

/**
 * The SQLite export of PostgreSQL's own types and arrays holds what its warnings say: an array is
 * a JSON array (anything else refused), CITEXT compares ASCII letters without case, the other
 * types keep their text as written.
 */
let db: Database.Database;
beforeAll(() => {
  db = new Database(':memory:');
  db.exec(generateDdl(normalizeDesign(postgresTypesDesign), { dialect: 'sqlite' }).sql);
});
afterAll(() => db?.close());

describe("SQLite: PostgreSQL's own types and arrays, as exported", () => {
  test('defaults are the values PostgreSQL would give, arrays as JSON text', () => {
    db.prepare("INSERT INTO hosts (email) VALUES ('Ann@Example.com')").run();
    expect(
      db
        .prepare('SELECT ip, network, mac, wait, price, ages, days, tags, scores, codes, moods FROM hosts')
        .get(),
    ).toEqual({
      ip: '192.168.0.1',
      network: '10.0.0.0/8',
      mac: '08:00:2b:01:02:03',
      wait: '00:00:00',
      price: 12.5,
      ages: '[1,10)',
      days: 'empty',
      tags: '[]',
      scores: '[1,2]',
      codes: '["a b",null]',
      moods: '["happy"]',
    });
  });

  test('CITEXT compares ASCII letters without case, in lookups and in its unique key', () => {
    expect(db.prepare("SELECT count(*) AS n FROM hosts WHERE email = 'ANN@EXAMPLE.COM'").get()).toEqual({
      n: 1,
    });
    expect(() => db.prepare("INSERT INTO hosts (email) VALUES ('ann@example.com')").run()).toThrow(/UNIQUE/);
    // NOCASE folds A-Z only: É and é are different letters to SQLite (the warning says so).
    db.prepare("INSERT INTO hosts (email) VALUES ('É@x')").run();
    expect(db.prepare("SELECT count(*) AS n FROM hosts WHERE email = 'é@x'").get()).toEqual({ n: 0 });
  });

  test('an array column takes JSON arrays only', () => {
    db.prepare(`INSERT INTO hosts (email, tags) VALUES ('b@x', '["x","y"]')`).run();
    expect(() => db.prepare(`INSERT INTO hosts (email, tags) VALUES ('c@x', '{"a":1}')`).run()).toThrow(
      /CHECK/,
    );
    expect(() => db.prepare(`INSERT INTO hosts (email, tags) VALUES ('d@x', '{x,y}')`).run()).toThrow(
      /CHECK/,
    );
    expect(() => db.prepare("INSERT INTO hosts (email, scores) VALUES ('e@x', NULL)").run()).not.toThrow();
  });
});

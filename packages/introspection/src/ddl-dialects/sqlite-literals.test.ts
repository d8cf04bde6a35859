import { generateDdl } from '@schema-builder/schema-model/ddl';
import { normalizeDesign } from '@schema-builder/schema-model/design';
import { CANARY_PAYLOAD, hostileLiteralsDesign } from '@schema-builder/testing/fixtures';
import Database from 'better-sqlite3';
import { describe, expect, test } from 'vitest';

/**
 * SQLite has no backslash escapes and no setting that turns them on: a literal is only ever
 * ended by a quote, which the generator doubles. So the hostile design's SQLite DDL keeps every
 * value exactly and never reaches the canary.
 */
describe('generated SQLite DDL with hostile literals', () => {
  test('keeps backslashes and quotes in defaults and enum checks exactly, and the canary survives', () => {
    const { sql } = generateDdl(normalizeDesign(hostileLiteralsDesign), { dialect: 'sqlite' });
    const db = new Database(':memory:');
    try {
      db.exec('CREATE TABLE canary (id integer)');
      db.exec(sql);
      expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'canary'").all()).toEqual([
        { name: 'canary' },
      ]);
      db.prepare("INSERT INTO users (id) VALUES ('00000000-0000-0000-0000-000000000001')").run();
      expect(db.prepare('SELECT note, mood, label, path FROM users').get()).toEqual({
        note: CANARY_PAYLOAD,
        mood: CANARY_PAYLOAD,
        label: '$$ body $$',
        path: 'ends with a backslash \\',
      });
      // The enum's CHECK holds the values as written: each one fits, a near miss does not.
      const setMood = db.prepare('UPDATE users SET mood = ?');
      for (const value of ['plain', CANARY_PAYLOAD, 'back\\slash', "it's", '$$']) setMood.run(value);
      expect(() => setMood.run('back\\\\slash')).toThrow(/CHECK constraint failed/);
    } finally {
      db.close();
    }
  });
});

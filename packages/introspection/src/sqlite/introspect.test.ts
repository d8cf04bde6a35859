import Database from 'better-sqlite3';
import { describe, expect, test } from 'vitest';
import { introspectSqlite } from './introspect.ts';

const SCHEMA = `
  CREATE TABLE Artist (ArtistId INTEGER PRIMARY KEY, Name NVARCHAR(120) DEFAULT 'it''s', Added DATETIME DEFAULT CURRENT_TIMESTAMP);
  CREATE TABLE album (
    AlbumId INTEGER PRIMARY KEY AUTOINCREMENT,
    ArtistId INTEGER NOT NULL REFERENCES ARTIST ON DELETE CASCADE,
    Title TEXT NOT NULL COLLATE NOCASE,
    Code TEXT,
    Upper TEXT GENERATED ALWAYS AS (upper(Title)) VIRTUAL,
    UNIQUE (ArtistId, Title),
    CONSTRAINT title_not_empty CHECK (Title <> '')
  );
  CREATE INDEX album_title ON album (Title DESC);
  CREATE INDEX album_code_partial ON album (Code) WHERE Code IS NOT NULL;
  CREATE INDEX album_lower ON album (lower(Title));
  CREATE TABLE tag (album INTEGER, name TEXT, PRIMARY KEY (name, album), FOREIGN KEY (album) REFERENCES album (albumid)) WITHOUT ROWID;
  CREATE TABLE loose (anything, id BIGINT PRIMARY KEY);
  CREATE VIEW titles AS SELECT Title FROM album;
  CREATE TRIGGER album_touch AFTER UPDATE ON album BEGIN SELECT 1; END;
  CREATE VIRTUAL TABLE search USING fts5(body);
`;

function introspect() {
  const db = new Database(':memory:');
  try {
    db.exec(SCHEMA);
    return introspectSqlite(db);
  } finally {
    db.close();
  }
}

describe('introspectSqlite', () => {
  const catalog = introspect();
  const table = (name: string) => catalog.tables.find((t) => t.name === name);

  test('checks are read from the table, named when the SQL names them', () => {
    expect(table('album')?.checks).toEqual([
      { name: 'title_not_empty', expression: "(Title <> '')", options: [] },
    ]);
  });

  test('ordinary tables only, in name order; views with their queries; triggers and virtual tables are listed apart', () => {
    expect(catalog.tables.map((t) => t.name)).toEqual(['Artist', 'album', 'loose', 'tag']);
    const listed = catalog.unsupported.map((o) => `${o.kind} ${o.table ? `${o.table}.` : ''}${o.name}`);
    expect(listed).toEqual(expect.arrayContaining(['trigger album.album_touch', 'virtual_table search']));
    expect(listed.filter((entry) => entry.startsWith('virtual_table search_')).length).toBeGreaterThan(0);
    expect(catalog.views).toEqual([{ name: 'titles', definition: 'SELECT Title FROM album', comment: null }]);
  });

  test('a lone INTEGER PRIMARY KEY is the rowid: auto-increment; declared types and defaults as written', () => {
    expect(table('Artist')?.columns).toEqual([
      {
        name: 'ArtistId',
        nativeType: 'INTEGER',
        nullable: false,
        default: null,
        autoIncrement: true,
        comment: null,
      },
      {
        name: 'Name',
        nativeType: 'NVARCHAR(120)',
        nullable: true,
        default: "'it''s'",
        autoIncrement: false,
        comment: null,
      },
      {
        name: 'Added',
        nativeType: 'DATETIME',
        nullable: true,
        default: 'CURRENT_TIMESTAMP',
        autoIncrement: false,
        comment: null,
      },
    ]);
    expect(table('loose')?.columns.map((c) => [c.name, c.nativeType, c.autoIncrement])).toEqual([
      ['anything', '', false],
      ['id', 'BIGINT', false],
    ]);
    expect(table('album')?.columns.find((c) => c.name === 'Upper')).toMatchObject({
      generated: 'upper(Title)',
      generatedKind: 'virtual',
      default: null,
    });
  });

  test('index keys with their order, expressions and predicates, read from CREATE INDEX', () => {
    const index = (name: string) => table('album')?.indexes.find((i) => i.name === name);
    expect(index('album_title')?.keys).toEqual([{ column: 'Title', descending: true }]);
    expect(index('album_lower')?.keys).toEqual([{ expression: 'lower(Title)', descending: false }]);
    expect(index('album_code_partial')?.where).toBe('Code IS NOT NULL');
  });

  test('keys, unique constraints and indexes with what they lose', () => {
    const album = table('album');
    expect(album?.primaryKey).toEqual({ name: null, columns: ['AlbumId'] });
    expect(album?.uniqueConstraints).toEqual([{ name: null, columns: ['ArtistId', 'Title'] }]);
    const indexes = Object.fromEntries(
      (album?.indexes ?? []).map((i) => [i.name, [i.columns, i.partial, i.expression, i.options]]),
    );
    expect(indexes).toEqual({
      album_title: [['Title'], false, false, ['collation NOCASE']],
      album_code_partial: [['Code'], true, false, []],
      album_lower: [['(expression)'], false, true, []],
    });
    expect(table('tag')?.primaryKey).toEqual({ name: null, columns: ['name', 'album'] });
    expect(table('tag')?.columns.find((c) => c.name === 'album')?.autoIncrement).toBe(false);
  });

  test('foreign keys name tables and columns as the tables spell them; an omitted target is the primary key', () => {
    expect(table('album')?.foreignKeys).toEqual([
      {
        name: null,
        columns: ['ArtistId'],
        refSchema: null,
        refTable: 'Artist',
        refColumns: [],
        onDelete: 'CASCADE',
        onUpdate: 'NO ACTION',
        options: [],
      },
    ]);
    expect(table('tag')?.foreignKeys[0]).toMatchObject({ refTable: 'album', refColumns: ['AlbumId'] });
  });
});

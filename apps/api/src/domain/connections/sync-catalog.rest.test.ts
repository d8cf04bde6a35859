import type { TestDatabase } from '@schema-builder/testing/postgres';
import { createTestDatabase } from '@schema-builder/testing/postgres';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Harness } from '../../test/harness.test-support.ts';
import { startHarness, testServerCoordinates } from '../../test/harness.test-support.ts';

let h: Harness;
let source: TestDatabase;
let connectionId: string;

beforeAll(async () => {
  source = await createTestDatabase('sbsync');
  await source.sql.unsafe(`
    CREATE TABLE authors (id serial PRIMARY KEY, name text NOT NULL);
    CREATE TABLE books (
      id serial PRIMARY KEY,
      author_id integer REFERENCES authors (id) ON DELETE SET NULL,
      title varchar(100) NOT NULL
    );
    COMMENT ON COLUMN books.title IS 'as printed';
    CREATE INDEX books_author_idx ON books (author_id);
    CREATE TABLE drafts (id integer PRIMARY KEY);
    CREATE VIEW titles AS SELECT name FROM authors;`);
  h = await startHarness({ CONNECTIONS_ALLOWED_HOSTS: '127.0.0.1/32' });
  const created = await h.request('POST', '/api/v1/connections', {
    name: 'library',
    type: 'postgresql',
    ...testServerCoordinates(source.name),
  });
  connectionId = created.json().id;
});
afterAll(async () => {
  await h.close();
  await source.drop();
});

const paths = (changes: Array<{ path: string }>) =>
  changes.map((change) => decodeURIComponent(change.path)).sort();

describe('syncing a connection', () => {
  test('the first sync adds the database, its tables and views, then their columns', async () => {
    const response = await h.request('POST', `/api/v1/connections/${connectionId}/sync`);
    expect(response.statusCode, response.body).toBe(200);
    const sync = response.json();
    expect(paths(sync.added)).toEqual(
      [
        source.name,
        `${source.name}/authors`,
        `${source.name}/authors/id`,
        `${source.name}/authors/name`,
        `${source.name}/books`,
        `${source.name}/books/author_id`,
        `${source.name}/books/id`,
        `${source.name}/books/title`,
        `${source.name}/drafts`,
        `${source.name}/drafts/id`,
        `${source.name}/titles`,
      ].sort(),
    );
    expect(sync.removed).toEqual([]);
    expect(sync.changed).toEqual([]);
  });

  test('the next sync reports only what changed since', async () => {
    await source.sql.unsafe(`
      ALTER TABLE authors ADD COLUMN born date;
      ALTER TABLE books ALTER COLUMN title TYPE text, ALTER COLUMN title DROP NOT NULL;
      DROP TABLE drafts;`);
    const sync = (await h.request('POST', `/api/v1/connections/${connectionId}/sync`)).json();
    expect(paths(sync.added)).toEqual([`${source.name}/authors/born`]);
    expect(paths(sync.removed)).toEqual([`${source.name}/drafts`, `${source.name}/drafts/id`]);
    expect(sync.changed).toEqual([
      {
        path: `${encodeURIComponent(source.name)}/books/title`,
        kind: 'column',
        fields: ['type', 'nullable'],
      },
    ]);
    const history = (await h.request('GET', `/api/v1/connections/${connectionId}/syncs`)).json();
    expect(
      history.items.map((s: { added: number; removed: number; changed: number }) => [
        s.added,
        s.removed,
        s.changed,
      ]),
    ).toEqual([
      [1, 2, 1],
      [11, 0, 0],
    ]);
  });
});

describe('browsing the synced tree', () => {
  const base = () => `/api/v1/connections/${connectionId}/databases`;

  test('connection → database → table → column', async () => {
    const databases = (await h.request('GET', base())).json();
    expect(databases.items.map((n: { name: string }) => n.name)).toEqual([source.name]);
    const tables = (await h.request('GET', `${base()}/${source.name}/tables`)).json();
    expect(tables.items.map((n: { name: string; kind: string }) => [n.kind, n.name])).toEqual([
      ['table', 'authors'],
      ['table', 'books'],
      ['view', 'titles'],
    ]);
    const columns = (await h.request('GET', `${base()}/${source.name}/tables/books/columns`)).json();
    expect(columns.items.map((n: { name: string }) => n.name)).toEqual(['author_id', 'id', 'title']);
    const column = (await h.request('GET', `${base()}/${source.name}/tables/books/columns/author_id`)).json();
    expect(column.details).toMatchObject({
      nullable: true,
      primaryKey: false,
      foreignKey: { table: 'authors', columns: ['id'], onDelete: 'SET NULL' },
      indexes: ['books_author_idx'],
    });
    const title = (await h.request('GET', `${base()}/${source.name}/tables/books/columns/title`)).json();
    expect(title.details).toMatchObject({ comment: 'as printed', nullable: true });
  });

  test('a deactivated connection is not synced (409) until activated again', async () => {
    await h.request('PATCH', `/api/v1/connections/${connectionId}`, { active: false });
    const refused = await h.request('POST', `/api/v1/connections/${connectionId}/sync`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('CONNECTION_INACTIVE');
    await h.request('PATCH', `/api/v1/connections/${connectionId}`, { active: true });
    expect((await h.request('POST', `/api/v1/connections/${connectionId}/sync`)).statusCode).toBe(200);
  });

  test('a name the last sync did not see is 404', async () => {
    const response = await h.request('GET', `${base()}/${source.name}/tables/drafts/columns`);
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe('CATALOG_OBJECT_NOT_FOUND');
  });
});

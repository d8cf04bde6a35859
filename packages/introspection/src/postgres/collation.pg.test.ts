import { catalogToDesign } from '@schema-builder/schema-model/import';
import type { TestDatabase } from '@schema-builder/testing/postgres';
import { createTestDatabase } from '@schema-builder/testing/postgres';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { introspectPostgres } from './introspect.ts';

const SCHEMA = `
  CREATE COLLATION posix FROM "POSIX";
  CREATE DOMAIN c_text AS text COLLATE "C";
  CREATE TABLE person (
    id integer PRIMARY KEY,
    code text COLLATE "C",
    sort_name varchar(80) COLLATE "POSIX" NOT NULL,
    local_name text COLLATE posix,
    plain text,
    said_default text COLLATE "default",
    via_domain c_text
  );
`;

let db: TestDatabase;
let catalog: Awaited<ReturnType<typeof introspectPostgres>>;

beforeAll(async () => {
  db = await createTestDatabase('sbcoll');
  await db.sql.unsafe(SCHEMA).simple();
  catalog = await introspectPostgres(db.sql);
});
afterAll(() => db.drop());

describe('introspectPostgres: column collations', () => {
  test("a column's collation is read only when it is not its type's own", () => {
    const columns = catalog.tables.find((table) => table.name === 'person')?.columns ?? [];
    expect(columns.map((column) => [column.name, column.collation])).toEqual([
      ['id', undefined],
      ['code', 'C'],
      ['sort_name', 'POSIX'],
      ['local_name', 'public.posix'],
      ['plain', undefined],
      ['said_default', undefined],
      ['via_domain', undefined],
    ]);
  });

  test('the import reports each collation it drops', () => {
    const { warnings } = catalogToDesign(catalog, { name: 'people', dialect: 'postgresql' });
    expect(warnings.filter((warning) => warning.code === 'COLLATION_DROPPED')).toEqual([
      expect.objectContaining({ path: 'tables.person.columns.code' }),
      expect.objectContaining({ path: 'tables.person.columns.sort_name' }),
      {
        code: 'COLLATION_DROPPED',
        path: 'tables.person.columns.local_name',
        message:
          'Column "local_name" of table "person" uses the collation "public.posix"; a design has no collations, so it is imported with the database\'s default collation.',
      },
    ]);
  });
});

import type { IntrospectedCatalog } from '@schema-builder/schema-model/import';
import { catalogToDesign } from '@schema-builder/schema-model/import';
import { testEnv } from '@schema-builder/testing/env';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { MariadbDatabase } from '../fidelity/load-mysql.test-support.ts';
import { createMariadbDatabase, mariadbUnavailable } from '../fidelity/load-mysql.test-support.ts';
import { introspectMysql } from './introspect.ts';

const unavailable = await mariadbUnavailable(testEnv.MARIADB_URL);
if (unavailable)
  console.log(
    `[introspection] MySQL collation tests skipped: MariaDB at ${testEnv.MARIADB_URL} does not answer: ${unavailable}`,
  );

const SCHEMA = `
  CREATE TABLE person (
    id int PRIMARY KEY,
    code varchar(10) COLLATE utf8mb4_bin,
    legacy char(3) CHARACTER SET latin1,
    plain text,
    said_default text COLLATE utf8mb4_unicode_ci,
    meta json
  ) DEFAULT CHARSET utf8mb4 COLLATE utf8mb4_unicode_ci;
`;

let database: MariadbDatabase;
let catalog: IntrospectedCatalog;

describe.skipIf(unavailable !== undefined)('introspectMysql (MariaDB): column collations', () => {
  beforeAll(async () => {
    database = await createMariadbDatabase(testEnv.MARIADB_URL);
    await database.load(SCHEMA);
    catalog = await introspectMysql(database.connection, database.name);
  });
  afterAll(() => database?.drop());

  test("a column's collation is read only when it is not its table's default (JSON's own neither)", () => {
    const columns = catalog.tables.find((table) => table.name === 'person')?.columns ?? [];
    expect(columns.map((column) => [column.name, column.collation])).toEqual([
      ['id', undefined],
      ['code', 'utf8mb4_bin'],
      ['legacy', 'latin1_swedish_ci'],
      ['plain', undefined],
      ['said_default', undefined],
      ['meta', undefined],
    ]);
  });

  test('the import reports each collation it drops', () => {
    const { warnings } = catalogToDesign(catalog, { name: 'people', dialect: 'mysql' });
    expect(warnings.filter((warning) => warning.code === 'COLLATION_DROPPED')).toEqual([
      {
        code: 'COLLATION_DROPPED',
        path: 'tables.person.columns.code',
        message:
          'Column "code" of table "person" uses the collation "utf8mb4_bin"; a design has no collations, so it is imported with the database\'s default collation.',
      },
      expect.objectContaining({ path: 'tables.person.columns.legacy' }),
    ]);
  });
});

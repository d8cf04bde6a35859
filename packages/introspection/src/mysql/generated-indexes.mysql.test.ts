import { generateDdl } from '@schema-builder/schema-model/ddl';
import type { Design } from '@schema-builder/schema-model/design';
import { catalogToDesign } from '@schema-builder/schema-model/import';
import { sameSqlExpression } from '@schema-builder/schema-model/sql-expression';
import { testEnv } from '@schema-builder/testing/env';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { MariadbDatabase } from '../fidelity/load-mysql.test-support.ts';
import { createMariadbDatabase, mariadbUnavailable } from '../fidelity/load-mysql.test-support.ts';
import { designOf, generatedAndIndexesDocument } from '../postgres/generated-indexes.test-support.ts';
import { introspectMysql } from './introspect.ts';

const unavailable = await mariadbUnavailable(testEnv.MARIADB_URL);
if (unavailable)
  console.log(
    `[introspection] MySQL tests skipped: MariaDB at ${testEnv.MARIADB_URL} does not answer: ${unavailable}`,
  );

let database: MariadbDatabase;
const design = designOf(generatedAndIndexesDocument());
const ddl = generateDdl(design, { dialect: 'mysql' });

const columnOf = (d: Design, name: string) => d.tables[0]?.columns.find((c) => c.name === name);
const indexOf = (d: Design, name: string) => d.tables[0]?.indexes.find((i) => i.name === name);

describe.skipIf(unavailable !== undefined)('generated columns and richer indexes exported to MariaDB', () => {
  beforeAll(async () => {
    database = await createMariadbDatabase(testEnv.MARIADB_URL, 'genidx');
    await database.load(ddl.sql);
  });
  afterAll(() => database?.drop());

  test('each change from the design is a warning at its index or column, and a comment in the SQL', () => {
    const warnings = ddl.warnings.map((w) => `${w.code} ${w.path}`);
    expect(warnings).toEqual(
      expect.arrayContaining([
        'GENERATED_NOT_NULL_AS_CHECK tables[0].columns[5]',
        'INDEX_EXPRESSION_DROPPED tables[0].indexes[0]',
        'INDEX_NULLS_ORDER_DROPPED tables[0].indexes[1]',
        'INDEX_PARTIAL_AS_FULL tables[0].indexes[2]',
        'INDEX_PARTIAL_DROPPED tables[0].indexes[3]',
        'INDEX_METHOD_CHANGED tables[0].indexes[4]',
        'INDEX_METHOD_CHANGED tables[0].indexes[5]',
        'INDEX_METHOD_CHANGED tables[0].indexes[6]',
      ]),
    );
    for (const warning of ddl.warnings) expect(ddl.sql).toContain(`-- ${warning.code}: ${warning.message}`);
    // The partial unique index's warning says what it changes: duplicates are accepted.
    expect(ddl.warnings.find((w) => w.code === 'INDEX_PARTIAL_DROPPED')?.message).toMatch(
      /no longer refused/,
    );
  });

  test('MariaDB computes the generated columns', async () => {
    await database.connection.query("INSERT INTO items (name, qty) VALUES ('Bolt', 3)");
    const [rows] = await database.connection.query('SELECT double_qty, name_lower FROM items');
    expect(rows).toEqual([{ double_qty: 6, name_lower: 'bolt' }]);
  });

  test('the database imports back with its generated columns and the index order it kept', async () => {
    const catalog = await introspectMysql(database.connection, database.name);
    const back = catalogToDesign(catalog, { name: 'back', dialect: 'mysql' });
    expect(back.warnings.filter((w) => w.code.startsWith('GENERATED'))).toEqual([]);
    const imported = designOf(back.document);
    expect(sameSqlExpression(columnOf(imported, 'double_qty')?.generated ?? '', 'qty * 2')).toBe(true);
    expect(sameSqlExpression(columnOf(imported, 'name_lower')?.generated ?? '', 'lower(name)')).toBe(true);
    const ordered = indexOf(imported, 'items_qty_desc_idx');
    expect(ordered?.keys.map((k) => [k.kind, k.descending])).toEqual([
      ['column', true],
      ['column', false],
    ]);
    expect(indexOf(imported, 'items_in_stock_idx')?.where).toBeUndefined();
    expect(indexOf(imported, 'items_name_lower_key')).toBeUndefined();
    expect(indexOf(imported, 'items_name_in_stock_key')).toBeUndefined();
  });
});

import { generateDdl } from '@schema-builder/schema-model/ddl';
import type { DesignDocument } from '@schema-builder/schema-model/design';
import { normalizeDesign } from '@schema-builder/schema-model/design';
import { catalogToDesign, type ImportDialect } from '@schema-builder/schema-model/import';
import { validateDesign } from '@schema-builder/schema-model/validation';
import { testEnv } from '@schema-builder/testing/env';
import { createTestDatabase, type TestDatabase } from '@schema-builder/testing/postgres';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { MariadbDatabase } from './fidelity/load-mysql.test-support.ts';
import { createMariadbDatabase, mariadbUnavailable } from './fidelity/load-mysql.test-support.ts';
import { introspectMysql } from './mysql/introspect.ts';
import { introspectPostgres } from './postgres/introspect.ts';
import { introspectSqlite } from './sqlite/introspect.ts';

/**
 * Views from a design to each engine and back: exported, created by the engine, read back by
 * the introspector and imported again. The imported views, built on PostgreSQL, return the rows
 * the design's own views return there; what cannot come back exactly is a warning.
 */
const DESIGN: DesignDocument = {
  name: 'shop',
  tables: [
    {
      id: 'customers',
      name: 'customers',
      columns: [
        { id: 'c-id', name: 'id', dataType: 'INT', primaryKey: true },
        { id: 'c-name', name: 'name', dataType: 'VARCHAR', length: 50, nullable: false },
        { id: 'c-email', name: 'email', dataType: 'VARCHAR', length: 100 },
      ],
    },
    {
      id: 'orders',
      name: 'orders',
      columns: [
        { id: 'o-id', name: 'id', dataType: 'INT', primaryKey: true },
        { id: 'o-customer', name: 'customer_id', dataType: 'INT', nullable: false },
        { id: 'o-total', name: 'total', dataType: 'DECIMAL', precision: 10, scale: 2 },
      ],
    },
  ],
  views: [
    {
      id: 'v1',
      name: 'order_totals',
      definition:
        'SELECT c.id AS customer_id, c.name, count(o.id) AS orders, sum(o.total) AS spent FROM customers c LEFT JOIN orders o ON o.customer_id = c.id GROUP BY c.id, c.name',
      comment: 'per customer',
    },
    {
      id: 'v2',
      name: 'big_spenders',
      definition: 'SELECT customer_id, name FROM order_totals WHERE spent > 100',
    },
    {
      id: 'v3',
      name: 'with_email',
      definition: "SELECT id, lower(name) AS name FROM customers WHERE email IS NOT NULL AND name <> 'x'",
    },
    { id: 'v4', name: 'today', definition: "SELECT id, date_trunc('day', now()) AS day FROM orders" },
  ],
};
const ROWS = [
  "INSERT INTO customers (id, name, email) VALUES (1, 'Ada', 'ada@example.com'), (2, 'Bob', NULL), (3, 'Cy', 'cy@example.com')",
  'INSERT INTO orders (id, customer_id, total) VALUES (10, 1, 99.50), (11, 1, 20.25), (12, 2, 150.00), (13, 3, NULL)',
];
const PORTABLE = ['big_spenders', 'order_totals', 'with_email'];
const design = normalizeDesign(DESIGN);
const unavailable = await mariadbUnavailable(testEnv.MARIADB_URL);

let source: TestDatabase;
beforeAll(async () => {
  source = await createTestDatabase('sbviewsrc');
  for (const statement of [...generateDdl(design).statements, ...ROWS]) await source.sql.unsafe(statement);
});
afterAll(async () => {
  await source?.drop();
});

/** The rows of each view, as text, on a database built from `document` with the rows. */
async function viewRows(
  document: DesignDocument,
  names: readonly string[],
): Promise<Record<string, string[]>> {
  const db = await createTestDatabase('sbviewdst');
  try {
    for (const statement of [...generateDdl(normalizeDesign(document)).statements, ...ROWS])
      await db.sql.unsafe(statement);
    const out: Record<string, string[]> = {};
    for (const name of names) {
      const rows = await db.sql.unsafe<{ row: string }[]>(
        `SELECT t::text AS row FROM "${name}" t ORDER BY 1`,
      );
      out[name] = rows.map((r) => r.row);
    }
    return out;
  } finally {
    await db.drop();
  }
}

function imported(catalog: Parameters<typeof catalogToDesign>[0], dialect: ImportDialect) {
  const result = catalogToDesign(catalog, { name: 'back', dialect });
  expect(validateDesign(result.document).errors).toEqual([]);
  return result;
}

describe('views round-trip', () => {
  test('PostgreSQL: every view comes back, with its comment, and returns the same rows', async () => {
    const result = imported(await introspectPostgres(source.sql), 'postgresql');
    const names = (result.document.views ?? []).map((v) => v.name);
    expect(names.sort()).toEqual(['big_spenders', 'order_totals', 'today', 'with_email']);
    expect(result.document.views?.find((v) => v.name === 'order_totals')?.comment).toBe('per customer');
    expect(result.warnings.filter((w) => w.code === 'UNSUPPORTED_VIEW')).toEqual([]);
    const names3 = ['big_spenders', 'order_totals', 'with_email'];
    expect(await viewRows(result.document, names3)).toEqual(await viewRows(DESIGN, names3));
  });

  test('SQLite: the exported views come back and return the same rows', async () => {
    const db = new Database(':memory:');
    try {
      db.exec(generateDdl(design, { dialect: 'sqlite' }).sql);
      const result = imported(introspectSqlite(db), 'sqlite');
      expect((result.document.views ?? []).map((v) => v.name).sort()).toEqual(PORTABLE);
      expect(await viewRows(result.document, PORTABLE)).toEqual(await viewRows(DESIGN, PORTABLE));
    } finally {
      db.close();
    }
  });

  test('MariaDB: the exported views come back and return the same rows', async () => {
    if (unavailable) throw new Error(`MariaDB at ${testEnv.MARIADB_URL} does not answer: ${unavailable}`);
    let maria: MariadbDatabase | undefined;
    try {
      maria = await createMariadbDatabase(testEnv.MARIADB_URL, 'sbviews');
      for (const statement of generateDdl(design, { dialect: 'mysql' }).statements)
        await maria.connection.query(statement);
      const result = imported(await introspectMysql(maria.connection, maria.name), 'mysql');
      const back = (result.document.views ?? []).map((v) => v.name).sort();
      // MariaDB writes lower() back as lcase(): read as the same function.
      expect(back).toEqual(PORTABLE);
      expect(result.warnings.filter((w) => w.code === 'UNSUPPORTED_VIEW')).toEqual([]);
      expect(await viewRows(result.document, back)).toEqual(await viewRows(DESIGN, back));
    } finally {
      await maria?.drop();
    }
  });
});

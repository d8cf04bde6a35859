import { generateDdl } from '@schema-builder/schema-model/ddl';
import type { Design } from '@schema-builder/schema-model/design';
import { normalizeDesign } from '@schema-builder/schema-model/design';
import { catalogToDesign } from '@schema-builder/schema-model/import';
import { validateDesign } from '@schema-builder/schema-model/validation';
import { postgresTypesDesign } from '@schema-builder/testing/fixtures';
import type { TestDatabase } from '@schema-builder/testing/postgres';
import { createTestDatabase } from '@schema-builder/testing/postgres';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { introspectPostgres } from './introspect.ts';

/**
 * PostgreSQL's own types and arrays, from a design to a real PostgreSQL 15 and back: the DDL of
 * `postgresTypesDesign` (every new type, arrays of text, integers, varchar(20), citext and an
 * enum, with defaults) runs, and importing the database gives the same design, without a warning.
 */

/** A design with ids replaced by names, which an import chooses itself. */
function byName(design: Design) {
  const enumName = new Map(design.enums.map((e) => [e.id, e.name]));
  return {
    enums: design.enums.map(({ id: _id, ...rest }) => rest),
    tables: design.tables.map((table) => {
      const name = new Map(table.columns.map((c) => [c.id, c.name]));
      return {
        name: table.name,
        columns: table.columns.map(({ id: _id, type, ...rest }) => ({
          ...rest,
          type: { ...type, enumId: type.enumId === undefined ? undefined : enumName.get(type.enumId) },
        })),
        primaryKey: table.primaryKey.map((id) => name.get(id)),
        indexes: table.indexes.map((index) => ({
          name: index.name,
          unique: index.unique,
          columns: index.columnIds.map((id) => name.get(id)),
        })),
      };
    }),
  };
}

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase('sbtypes');
});
afterAll(() => db?.drop());

describe("PostgreSQL's own types and arrays: design → DDL → PostgreSQL → design", () => {
  test('the DDL runs (creating the citext extension) and imports back identically, without warnings', async () => {
    const design = normalizeDesign(postgresTypesDesign);
    const ddl = generateDdl(design);
    expect(ddl.statements).toContain('CREATE EXTENSION IF NOT EXISTS "citext";');
    await db.sql.unsafe(ddl.sql).simple();

    const catalog = await introspectPostgres(db.sql);
    const { document, warnings } = catalogToDesign(catalog, { name: 'back', dialect: 'postgresql' });
    // Not even the extension is reported: the design's DDL creates it again.
    expect(warnings).toEqual([]);
    expect(validateDesign(document).errors).toEqual([]);
    expect(byName(normalizeDesign(document))).toEqual(byName(design));
  });

  test('values of every type are stored and read back as PostgreSQL writes them', async () => {
    await db.sql.unsafe(`INSERT INTO hosts (email, ids, period, span, aliases, tags, codes)
      VALUES ('Ann@Example.com', '[1,5]', '[2024-01-01,2024-02-01)', '[2024-01-01 00:00+00,)',
              '{Ann,BOB}', '{x,"y z"}', '{"a,b",NULL}')`);
    const [row] = await db.sql.unsafe(`SELECT ip::text, network::text, mac::text, search::text, wait::text,
      wait_ms::text, price::numeric::text AS price, body::text, ages::text, ids::text, amounts::text,
      days::text, tags, scores, codes::text AS codes, aliases::text[] AS aliases, moods::text[] AS moods,
      (SELECT count(*) FROM hosts WHERE email = 'ANN@EXAMPLE.COM')::int AS by_email FROM hosts`);
    expect(row).toEqual({
      ip: '192.168.0.1/32',
      network: '10.0.0.0/8',
      mac: '08:00:2b:01:02:03',
      search: "'a':1 'b':2",
      wait: '00:00:00',
      wait_ms: '1 day 02:00:00',
      price: '12.50',
      body: '<a/>',
      ages: '[1,10)',
      ids: '[1,6)',
      amounts: '(,5]',
      days: 'empty',
      tags: ['x', 'y z'],
      scores: [1, 2],
      codes: '{"a,b",NULL}',
      aliases: ['Ann', 'BOB'],
      moods: ['happy'],
      by_email: 1,
    });
  });
});

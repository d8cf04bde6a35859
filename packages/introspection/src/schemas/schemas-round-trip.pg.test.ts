import { generateDdl } from '@schema-builder/schema-model/ddl';
import type { DesignDocument } from '@schema-builder/schema-model/design';
import { normalizeDesign } from '@schema-builder/schema-model/design';
import { catalogToDesign } from '@schema-builder/schema-model/import';
import { validateDesign } from '@schema-builder/schema-model/validation';
import type { TestDatabase } from '@schema-builder/testing/postgres';
import { createTestDatabase } from '@schema-builder/testing/postgres';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { introspectPostgres, SchemaNotFoundError } from '../postgres/introspect.ts';
import { designShape } from './design-shape.test-support.ts';

/** Two schemas besides public, a table name used in two schemas, an enum and a foreign key across schemas. */
const document: DesignDocument = {
  name: 'two schemas',
  schemas: [
    { id: 's1', name: 'sales', comment: 'What is sold' },
    { id: 's2', name: 'Person Data' },
  ],
  enums: [
    { id: 'e1', name: 'status', schemaId: 's1', values: ['open', 'paid'] },
    { id: 'e2', name: 'status', values: ['x', 'y'] },
  ],
  tables: [
    {
      id: 't1',
      name: 'people',
      schemaId: 's2',
      comment: 'Who buys',
      columns: [
        { id: 'c1', name: 'id', dataType: 'INT', primaryKey: true, autoIncrement: true },
        { id: 'c2', name: 'email', dataType: 'VARCHAR', length: 200, nullable: false, unique: true },
      ],
      indexes: [{ name: 'people_email_idx', columns: ['email'] }],
    },
    {
      id: 't2',
      name: 'orders',
      schemaId: 's1',
      columns: [
        { id: 'c3', name: 'id', dataType: 'BIGINT', primaryKey: true, autoIncrement: true },
        { id: 'c4', name: 'person_id', dataType: 'INT', nullable: false, comment: 'The buyer' },
        { id: 'c5', name: 'status', dataType: 'ENUM', enumId: 'e1', nullable: false, defaultValue: 'open' },
        { id: 'c6', name: 'flag', dataType: 'ENUM', enumId: 'e2' },
      ],
      indexes: [{ name: 'orders_person_idx', columns: ['person_id'] }],
    },
    {
      id: 't3',
      name: 'orders',
      columns: [
        { id: 'c7', name: 'id', dataType: 'INT', primaryKey: true, autoIncrement: true },
        { id: 'c8', name: 'sale_id', dataType: 'BIGINT' },
        { id: 'c9', name: 'state', dataType: 'ENUM', enumId: 'e1', defaultValue: 'paid' },
      ],
    },
  ],
  foreignKeys: [
    {
      id: 'f1',
      sourceTableId: 't2',
      sourceColumnId: 'c4',
      targetTableId: 't1',
      targetColumnId: 'c1',
      onDelete: 'CASCADE',
    },
    { id: 'f2', sourceTableId: 't3', sourceColumnId: 'c8', targetTableId: 't2', targetColumnId: 'c3' },
  ],
};

let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase('sbschemas');
  const ddl = generateDdl(normalizeDesign(document));
  await db.sql.unsafe(ddl.sql).simple();
});
afterAll(() => db.drop());

describe('a design over several schemas on PostgreSQL 15', () => {
  test('its DDL runs and imports back as the same design, every schema included', async () => {
    expect(validateDesign(document).errors).toEqual([]);
    const catalog = await introspectPostgres(db.sql, { schemas: 'all' });
    expect(catalog.schemas?.map((s) => s.name)).toEqual(['Person Data', 'sales']);
    const imported = catalogToDesign(catalog, { name: 'back', dialect: 'postgresql' });
    expect(imported.warnings).toEqual([]);
    expect(validateDesign(imported.document).errors).toEqual([]);
    expect(designShape(normalizeDesign(imported.document))).toEqual(designShape(normalizeDesign(document)));
  });

  test('the objects are where the design put them', async () => {
    const rows = await db.sql<{ schema: string; name: string }[]>`
      select n.nspname::text as schema, c.relname::text as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where c.relkind = 'r' and n.nspname in ('public', 'sales', 'Person Data') order by 1, 2`;
    expect(rows.map((r) => `${r.schema}.${r.name}`)).toEqual([
      'Person Data.people',
      'public.orders',
      'sales.orders',
    ]);
  });

  test('only the schemas asked for are read; one that does not exist is refused', async () => {
    const catalog = await introspectPostgres(db.sql, { schemas: ['public', 'sales'] });
    expect(catalog.schemas?.map((s) => s.name)).toEqual(['sales']);
    const imported = catalogToDesign(catalog, { name: 'part', dialect: 'postgresql' });
    expect(imported.warnings.map((w) => w.code)).toEqual(['FK_DROPPED', 'UNSUPPORTED_TABLE_OUTSIDE_SCHEMA']);
    await expect(introspectPostgres(db.sql, { schemas: ['nope'] })).rejects.toBeInstanceOf(
      SchemaNotFoundError,
    );
  });

  test('reading one schema as before sees the others as outside it', async () => {
    const catalog = await introspectPostgres(db.sql);
    expect(catalog.schemas).toBeUndefined();
    expect(catalog.tables.map((t) => t.name)).toEqual(['orders']);
  });
});

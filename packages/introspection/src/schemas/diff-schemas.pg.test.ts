import { generateDdl } from '@schema-builder/schema-model/ddl';
import type { DesignDocument } from '@schema-builder/schema-model/design';
import { normalizeDesign } from '@schema-builder/schema-model/design';
import { planPostgresMigration } from '@schema-builder/schema-model/diff';
import { catalogToDesign } from '@schema-builder/schema-model/import';
import { createTestDatabase } from '@schema-builder/testing/postgres';
import { describe, expect, test } from 'vitest';
import { introspectPostgres } from '../postgres/introspect.ts';
import { designShape } from './design-shape.test-support.ts';

/**
 * Migrations between designs with schemas, applied to a real PostgreSQL holding rows: the
 * database ends as the new version says (imported back, every schema read) and the rows of a
 * moved or renamed-schema table are still there.
 */
const v1: DesignDocument = {
  name: 'shop',
  schemas: [
    { id: 's1', name: 'sales' },
    { id: 's2', name: 'legacy' },
  ],
  enums: [{ id: 'e1', name: 'status', schemaId: 's1', values: ['open', 'paid'] }],
  tables: [
    {
      id: 't1',
      name: 'customers',
      columns: [{ id: 'c1', name: 'id', dataType: 'INT', primaryKey: true, autoIncrement: true }],
    },
    {
      id: 't2',
      name: 'orders',
      schemaId: 's1',
      columns: [
        { id: 'c2', name: 'id', dataType: 'INT', primaryKey: true, autoIncrement: true },
        { id: 'c3', name: 'customer_id', dataType: 'INT', nullable: false },
        { id: 'c4', name: 'status', dataType: 'ENUM', enumId: 'e1', defaultValue: 'open' },
      ],
      indexes: [{ name: 'orders_customer_idx', columns: ['customer_id'] }],
    },
    {
      id: 't3',
      name: 'old_orders',
      schemaId: 's2',
      columns: [{ id: 'c5', name: 'id', dataType: 'INT', primaryKey: true }],
    },
  ],
  foreignKeys: [
    { id: 'f1', sourceTableId: 't2', sourceColumnId: 'c3', targetTableId: 't1', targetColumnId: 'c1' },
  ],
};

/** sales renamed to commerce; orders moved to a new schema billing; status moved to public; legacy dropped with its table. */
const v2: DesignDocument = {
  ...v1,
  schemas: [
    { id: 's1', name: 'commerce' },
    { id: 's3', name: 'billing', comment: 'Invoices' },
  ],
  enums: [{ id: 'e1', name: 'status', values: ['open', 'paid'] }],
  tables: [
    ...(v1.tables[0] ? [v1.tables[0]] : []),
    {
      id: 't2',
      name: 'orders',
      schemaId: 's3',
      columns: [
        { id: 'c2', name: 'id', dataType: 'INT', primaryKey: true, autoIncrement: true },
        { id: 'c3', name: 'customer_id', dataType: 'INT', nullable: false },
        { id: 'c4', name: 'status', dataType: 'ENUM', enumId: 'e1', defaultValue: 'open' },
      ],
      indexes: [{ name: 'orders_customer_idx', columns: ['customer_id'] }],
    },
    {
      id: 't4',
      name: 'carts',
      schemaId: 's1',
      columns: [
        { id: 'c6', name: 'id', dataType: 'INT', primaryKey: true, autoIncrement: true },
        { id: 'c7', name: 'state', dataType: 'ENUM', enumId: 'e1' },
      ],
    },
  ],
};

describe('a migration between designs with schemas, on PostgreSQL 15', () => {
  test('creates, renames and drops schemas and moves a table and an enum, keeping the rows', async () => {
    const db = await createTestDatabase('sbschdiff');
    try {
      await db.sql.unsafe(generateDdl(normalizeDesign(v1)).sql).simple();
      await db.sql.unsafe(
        `INSERT INTO public.customers DEFAULT VALUES; INSERT INTO sales.orders (customer_id, status) VALUES (1, 'paid');`,
      );
      const plan = planPostgresMigration(normalizeDesign(v1), normalizeDesign(v2));
      expect(plan.steps.map((s) => s.id)).toEqual([
        'rename_schema:s1',
        'create_schema:s3',
        'drop_table:t3',
        'move_table:t2',
        'move_enum:e1',
        'create_table:t4',
        'drop_schema:s2',
      ]);
      const dropSchema = plan.steps.find((s) => s.id === 'drop_schema:s2');
      expect(dropSchema?.hazards.map((h) => h.code)).toEqual(['DESTRUCTIVE', 'BREAKS_CLIENTS']);
      await db.sql.begin(async (tx) => {
        for (const statement of plan.steps.flatMap((s) => s.sql)) await tx.unsafe(statement);
      });

      const after = catalogToDesign(await introspectPostgres(db.sql, { schemas: 'all' }), {
        name: 'after',
        dialect: 'postgresql',
      });
      expect(after.warnings).toEqual([]);
      expect(designShape(normalizeDesign(after.document))).toEqual(designShape(normalizeDesign(v2)));
      expect(await db.sql`SELECT customer_id, status::text FROM billing.orders`).toEqual([
        { customer_id: 1, status: 'paid' },
      ]);
      expect(planPostgresMigration(normalizeDesign(v2), normalizeDesign(v2)).steps).toEqual([]);
    } finally {
      await db.drop();
    }
  });

  test('two schemas swap names, and a new schema takes the name of a dropped one', async () => {
    const db = await createTestDatabase('sbschswap');
    try {
      await db.sql.unsafe(generateDdl(normalizeDesign(v2)).sql).simple();
      await db.sql.unsafe(
        'INSERT INTO public.customers DEFAULT VALUES; INSERT INTO billing.orders (customer_id) VALUES (1);',
      );
      // commerce and billing swap names; then a new schema takes the name of the dropped one.
      const swapped: DesignDocument = {
        ...v2,
        schemas: [
          { id: 's1', name: 'billing' },
          { id: 's3', name: 'commerce', comment: 'Invoices' },
        ],
      };
      const swap = planPostgresMigration(normalizeDesign(v2), normalizeDesign(swapped));
      await db.sql.begin(async (tx) => {
        for (const statement of swap.steps.flatMap((s) => s.sql)) await tx.unsafe(statement);
      });
      expect(await db.sql`SELECT customer_id FROM commerce.orders`).toEqual([{ customer_id: 1 }]);

      const replaced: DesignDocument = {
        ...swapped,
        schemas: [
          { id: 's1', name: 'billing' },
          { id: 's9', name: 'commerce' },
        ],
        tables: swapped.tables.filter((t) => t.schemaId !== 's3'),
        foreignKeys: [],
      };
      const replace = planPostgresMigration(normalizeDesign(swapped), normalizeDesign(replaced));
      await db.sql.begin(async (tx) => {
        for (const statement of replace.steps.flatMap((s) => s.sql)) await tx.unsafe(statement);
      });
      const after = catalogToDesign(await introspectPostgres(db.sql, { schemas: 'all' }), {
        name: 'after',
        dialect: 'postgresql',
      });
      expect(designShape(normalizeDesign(after.document))).toEqual(designShape(normalizeDesign(replaced)));
    } finally {
      await db.drop();
    }
  });
});

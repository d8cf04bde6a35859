import { describe, expect, test } from 'vitest';
import type { DesignDocument } from '../design/document.ts';
import { renderPostgresDataCheck } from './data-check.ts';
import { design } from './design-helpers.test-support.ts';
import { planPostgresMigration } from './diff.ts';
import type { StepShape } from './expect-steps.test-support.ts';
import { planShape } from './expect-steps.test-support.ts';

/** public.customers, sales.orders → public.customers, an enum in sales. */
function base(): DesignDocument {
  return {
    name: 'shop',
    schemas: [{ id: 's1', name: 'sales' }],
    enums: [{ id: 'e1', name: 'status', schemaId: 's1', values: ['open', 'paid'] }],
    tables: [
      { id: 't1', name: 'customers', columns: [{ id: 'c1', name: 'id', dataType: 'INT', primaryKey: true }] },
      {
        id: 't2',
        name: 'orders',
        schemaId: 's1',
        columns: [
          { id: 'c2', name: 'id', dataType: 'INT', primaryKey: true },
          { id: 'c3', name: 'customer_id', dataType: 'INT' },
          { id: 'c4', name: 'status', dataType: 'ENUM', enumId: 'e1' },
        ],
      },
    ],
    foreignKeys: [
      { id: 'f1', sourceTableId: 't2', sourceColumnId: 'c3', targetTableId: 't1', targetColumnId: 'c1' },
    ],
  };
}

const edit = (change: (d: DesignDocument) => void): DesignDocument => {
  const copy = structuredClone(base());
  change(copy);
  return copy;
};

const tableOf = (d: DesignDocument, id: string) => {
  const found = d.tables.find((t) => t.id === id);
  if (!found) throw new Error(`no table ${id}`);
  return found;
};

describe('planPostgresMigration: schemas', () => {
  test.each<[string, DesignDocument, DesignDocument, StepShape[]]>([
    ['a design with schemas against itself is empty', base(), base(), []],
    [
      'a new schema is created first, and a table added in it',
      base(),
      edit((d) => {
        d.schemas?.push({ id: 's2', name: 'archive', comment: 'Old rows' });
        d.tables.push({
          id: 't3',
          name: 'orders',
          schemaId: 's2',
          columns: [{ id: 'c5', name: 'id', dataType: 'INT', primaryKey: true }],
        });
      }),
      [
        [
          'create_schema:s2',
          0,
          '',
          ['CREATE SCHEMA IF NOT EXISTS "archive";', `COMMENT ON SCHEMA "archive" IS 'Old rows';`],
        ],
        [
          'create_table:t3',
          0,
          '',
          [
            'CREATE TABLE "archive"."orders" (\n  "id" integer NOT NULL,\n  CONSTRAINT "orders_pkey" PRIMARY KEY ("id")\n);',
          ],
        ],
      ],
    ],
    [
      'a renamed schema (same id) is ALTER SCHEMA … RENAME TO, and later steps use its new name',
      base(),
      edit((d) => {
        const [sales] = d.schemas ?? [];
        if (sales) sales.name = 'commerce';
        tableOf(d, 't2').columns.push({ id: 'c9', name: 'note', dataType: 'TEXT' });
      }),
      [
        ['rename_schema:s1', 0, 'BREAKS_CLIENTS', ['ALTER SCHEMA "sales" RENAME TO "commerce";']],
        ['add_column:t2:c9', 0, '', ['ALTER TABLE "commerce"."orders" ADD COLUMN "note" text;']],
      ],
    ],
    [
      'a table moved to another schema keeps its id: SET SCHEMA, and its keys go along',
      base(),
      edit((d) => {
        delete tableOf(d, 't2').schemaId;
        tableOf(d, 't2').name = 'sales_orders';
      }),
      [
        ['move_table:t2', 0, 'BREAKS_CLIENTS', ['ALTER TABLE "sales"."orders" SET SCHEMA "public";']],
        ['rename_table:t2', 0, 'BREAKS_CLIENTS', ['ALTER TABLE "orders" RENAME TO "sales_orders";']],
        [
          'rename_primary_key:t2',
          0,
          '',
          ['ALTER TABLE "sales_orders" RENAME CONSTRAINT "orders_pkey" TO "sales_orders_pkey";'],
        ],
        [
          'rename_foreign_key:f1',
          0,
          '',
          [
            'ALTER TABLE "sales_orders" RENAME CONSTRAINT "orders_customer_id_fkey" TO "sales_orders_customer_id_fkey";',
          ],
        ],
      ],
    ],
    [
      'an enum moved to the default schema: ALTER TYPE … SET SCHEMA',
      base(),
      edit((d) => {
        const [status] = d.enums ?? [];
        if (status) delete status.schemaId;
      }),
      [['move_enum:e1', 0, 'BREAKS_CLIENTS', ['ALTER TYPE "sales"."status" SET SCHEMA "public";']]],
    ],
    [
      'a schema is dropped last, after its tables and enums',
      base(),
      edit((d) => {
        d.schemas = [];
        d.enums = [];
        d.tables = d.tables.filter((t) => t.id !== 't2');
        d.foreignKeys = [];
      }),
      [
        ['drop_table:t2', 0, 'DESTRUCTIVE,BREAKS_CLIENTS', ['DROP TABLE "sales"."orders";']],
        ['drop_enum:e1', 0, 'BREAKS_CLIENTS', ['DROP TYPE "sales"."status";']],
        ['drop_schema:s1', 0, 'DESTRUCTIVE,BREAKS_CLIENTS', ['DROP SCHEMA "sales";']],
      ],
    ],
    [
      'two schemas swapping names go through a temporary name',
      edit((d) => {
        d.schemas?.push({ id: 's2', name: 'archive' });
      }),
      edit((d) => {
        d.schemas = [
          { id: 's1', name: 'archive' },
          { id: 's2', name: 'sales' },
        ];
      }),
      [
        ['rename_schema:s1:temporary', 0, '', ['ALTER SCHEMA "sales" RENAME TO "sales_old";']],
        ['rename_schema:s2:temporary', 0, '', ['ALTER SCHEMA "archive" RENAME TO "archive_old";']],
        ['rename_schema:s1', 0, 'BREAKS_CLIENTS', ['ALTER SCHEMA "sales_old" RENAME TO "archive";']],
        ['rename_schema:s2', 0, 'BREAKS_CLIENTS', ['ALTER SCHEMA "archive_old" RENAME TO "sales";']],
      ],
    ],
    [
      'a new schema taking the name of a dropped one: the dropped one steps aside, and is dropped under that name',
      base(),
      edit((d) => {
        d.schemas = [{ id: 's9', name: 'sales' }];
        d.enums = [];
        d.tables = d.tables.filter((t) => t.id !== 't2');
        d.foreignKeys = [];
      }),
      [
        ['rename_schema:s1:temporary', 0, '', ['ALTER SCHEMA "sales" RENAME TO "sales_old";']],
        ['create_schema:s9', 0, '', ['CREATE SCHEMA IF NOT EXISTS "sales";']],
        ['drop_table:t2', 0, 'DESTRUCTIVE,BREAKS_CLIENTS', ['DROP TABLE "sales_old"."orders";']],
        ['drop_enum:e1', 0, 'BREAKS_CLIENTS', ['DROP TYPE "sales_old"."status";']],
        ['drop_schema:s1', 0, 'DESTRUCTIVE,BREAKS_CLIENTS', ['DROP SCHEMA "sales_old";']],
      ],
    ],
  ])('%s', (_name, from, to, expected) => {
    expect(planShape(from, to)).toEqual(expected);
  });

  test('a column changed in a table of a schema, with its data check, names the schema', () => {
    const to = edit((d) => {
      const column = tableOf(d, 't2').columns[1];
      if (column) column.nullable = false;
    });
    expect(planShape(base(), to)).toEqual([
      [
        'set_not_null:t2:c3',
        0,
        'DATA_DEPENDENT,LOCKS_TABLE',
        ['ALTER TABLE "sales"."orders" ALTER COLUMN "customer_id" SET NOT NULL;'],
      ],
    ]);
    const [step] = planPostgresMigration(design(base()), design(to)).steps;
    expect(step?.dataChecks.map(renderPostgresDataCheck)).toEqual([
      'SELECT count(*) FROM "sales"."orders" WHERE "customer_id" IS NULL',
    ]);
  });
});

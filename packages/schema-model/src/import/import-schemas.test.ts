import { describe, expect, test } from 'vitest';
import {
  catalog,
  codes,
  column,
  foreignKey,
  idKey,
  importValid,
  table,
} from './catalog-builders.test-support.ts';

const intKey = column('id', 'integer', { nullable: false, autoIncrement: true });

/** public.orders, sales.orders (same name), sales.orders → person.people, an enum in sales used from public. */
const threeSchemas = () =>
  catalog(
    [
      table('orders', [intKey, column('state', 'sales.state', { enumName: 'state', enumSchema: 'sales' })], {
        ...idKey(),
      }),
      table('orders', [intKey, column('person_id', 'integer', { nullable: false })], {
        ...idKey(),
        schema: 'sales',
        foreignKeys: [
          foreignKey('orders_person_id_fkey', ['person_id'], 'people', ['id'], { refSchema: 'person' }),
        ],
      }),
      table('people', [intKey], { ...idKey(), schema: 'person', comment: 'Who' }),
    ],
    {
      schemas: [
        { name: 'sales', comment: 'What is sold' },
        { name: 'person', comment: null },
      ],
      enums: [{ name: 'state', schema: 'sales', values: ['open', 'paid'], comment: null }],
    },
  );

describe('a catalog of several schemas', () => {
  test('public is the default schema; the others become schema entries their tables and enums name', () => {
    const { document, warnings } = importValid(threeSchemas());
    expect(warnings).toEqual([]);
    expect(document.schemas).toEqual([
      { id: 's_sales', name: 'sales', comment: 'What is sold' },
      { id: 's_person', name: 'person' },
    ]);
    expect(document.tables.map((t) => [t.id, t.name, t.schemaId])).toEqual([
      ['t_orders', 'orders', undefined],
      ['sales.t_orders', 'orders', 's_sales'],
      ['person.t_people', 'people', 's_person'],
    ]);
    expect(document.enums).toEqual([
      { id: 'sales.e_state', name: 'state', schemaId: 's_sales', values: ['open', 'paid'] },
    ]);
    expect(document.tables[0]?.columns[1]).toMatchObject({ dataType: 'ENUM', enumId: 'sales.e_state' });
  });

  test('a foreign key across schemas is kept', () => {
    const { document } = importValid(threeSchemas());
    expect(document.foreignKeys).toEqual([
      expect.objectContaining({
        name: 'orders_person_id_fkey',
        sourceTableId: 'sales.t_orders',
        sourceColumnId: 'sales.c_orders_person_id',
        targetTableId: 'person.t_people',
        targetColumnId: 'person.c_people_id',
      }),
    ]);
  });

  test('a foreign key to a schema that was not read is dropped, saying where it pointed', () => {
    const source = threeSchemas();
    source.schemas = [{ name: 'sales', comment: null }];
    source.tables = source.tables.filter((t) => t.schema !== 'person');
    expect(codes(importValid(source))).toEqual([
      'FK_DROPPED tables.sales.orders.foreignKeys.orders_person_id_fkey',
    ]);
  });

  test('a catalog of one schema imports as before: no schemas, no schemaId', () => {
    const { document } = importValid(catalog([table('orders', [intKey], idKey())]));
    expect(document.schemas).toBeUndefined();
    expect(document.tables[0]?.schemaId).toBeUndefined();
    expect(document.tables[0]?.id).toBe('t_orders');
  });
});

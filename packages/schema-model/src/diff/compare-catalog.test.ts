import { describe, expect, test } from 'vitest';
import { parseDesign } from '../validation/parse.ts';
import { type CatalogTable, compareWithCatalog } from './compare-catalog.ts';

const parsed = parseDesign({
  name: 'shop',
  tables: [
    {
      id: 't1',
      name: 'customers',
      columns: [
        { id: 'c1', name: 'id', dataType: 'INTEGER', primaryKey: true },
        { id: 'c2', name: 'email', dataType: 'TEXT', nullable: false },
        { id: 'c3', name: 'note', dataType: 'TEXT' },
      ],
    },
  ],
});
if (!parsed.ok) throw new Error('fixture design is invalid');
const design = parsed.design;

const matching: CatalogTable[] = [
  {
    name: 'customers',
    columns: [
      { name: 'id', nullable: false },
      { name: 'email', nullable: false },
      { name: 'note', nullable: true },
    ],
  },
];

describe('compareWithCatalog', () => {
  test('finds nothing when the catalog holds exactly the design', () => {
    expect(compareWithCatalog(design, matching)).toEqual([]);
  });

  test.each<[string, CatalogTable[], string[]]>([
    ['a missing table', [], ['TABLE_MISSING customers']],
    ['an extra table', [...matching, { name: 'stray', columns: [] }], ['TABLE_UNEXPECTED stray']],
    [
      'a missing and an extra column',
      [
        {
          name: 'customers',
          columns: [
            { name: 'id', nullable: false },
            { name: 'email', nullable: false },
            { name: 'x', nullable: true },
          ],
        },
      ],
      ['COLUMN_MISSING customers.note', 'COLUMN_UNEXPECTED customers.x'],
    ],
    [
      'a nullability difference',
      [
        {
          name: 'customers',
          columns: [
            { name: 'id', nullable: false },
            { name: 'email', nullable: true },
            { name: 'note', nullable: true },
          ],
        },
      ],
      ['NULLABILITY_DIFFERS customers.email'],
    ],
  ])('reports %s', (_case, catalog, expected) => {
    const found = compareWithCatalog(design, catalog).map(
      (m) => `${m.code} ${m.table}${m.column ? `.${m.column}` : ''}`,
    );
    expect(found).toEqual(expected);
  });
});

describe('compareWithCatalog with schemas', () => {
  const withSchemas = parseDesign({
    name: 'shop',
    schemas: [{ id: 's1', name: 'sales' }],
    tables: [
      { id: 't1', name: 'orders', schemaId: 's1', columns: [{ id: 'c1', name: 'id', dataType: 'INTEGER' }] },
      { id: 't2', name: 'orders', columns: [{ id: 'c2', name: 'id', dataType: 'INTEGER' }] },
    ],
  });
  if (!withSchemas.ok) throw new Error('fixture design is invalid');
  const orders = { name: 'orders', columns: [{ name: 'id', nullable: true }] };

  test('matches each table in its own schema', () => {
    expect(
      compareWithCatalog(withSchemas.design, [orders, { ...orders, schema: 'sales' }], ['sales']),
    ).toEqual([]);
  });

  test('a table in the wrong schema, and schemas missing or unexpected, are mismatches', () => {
    const found = compareWithCatalog(withSchemas.design, [orders, { ...orders, schema: 'other' }], ['other']);
    expect(found.map((m) => `${m.code} ${m.table}`)).toEqual([
      'SCHEMA_MISSING sales',
      'SCHEMA_UNEXPECTED other',
      'TABLE_MISSING sales.orders',
      'TABLE_UNEXPECTED other.orders',
    ]);
  });
});

import { catalogToDesign } from '@schema-builder/schema-model/import';
import { validateDesign } from '@schema-builder/schema-model/validation';
import { describe, expect, test } from 'vitest';
import { structureToCatalog } from './introspect.ts';
import { USERS } from './sample-documents.test-support.ts';

describe('a sampled MongoDB database imported as a design', () => {
  const catalog = structureToCatalog({
    database: 'shop',
    collections: [
      { name: 'empty', documents: [] },
      { name: 'users', documents: USERS },
      { name: 'events', documents: [{ _id: { shop: 1, at: new Date(0) }, kind: 'open' }] },
    ],
    views: [{ name: 'active_users', viewOn: 'users', pipeline: [{ $match: { active: true } }] }],
  });
  const result = catalogToDesign(catalog, { name: 'shop', dialect: 'mongodb' });

  test('the catalog is the database, with views as unsupported objects and no enums', () => {
    expect(catalog.schema).toBe('shop');
    expect(catalog.enums).toEqual([]);
    expect(catalog.unsupported).toEqual([
      { kind: 'view', name: 'active_users', detail: 'a view on users: [{"$match":{"active":true}}]' },
    ]);
  });

  test('passes validateDesign with no errors', () => {
    expect(validateDesign(result.document).errors).toEqual([]);
    expect(result.document.tables.map((table) => table.name)).toEqual(['empty', 'users', 'events']);
    expect(result.document.foreignKeys).toEqual([]);
  });

  test('warns of the timestamp, the mixed field and the view', () => {
    expect(result.warnings.map((warning) => `${warning.code} ${warning.path}`)).toEqual([
      'TYPE_APPROXIMATED tables.users.columns.oplog',
      'TYPE_UNSUPPORTED tables.users.columns.rank',
      'UNSUPPORTED_VIEW views.active_users',
    ]);
  });
});

describe('awkward MongoDB names still import as a valid design', () => {
  test.each<[string, Record<string, unknown>]>([
    ['a dotted field', { _id: 1, 'a.b': 1 }],
    ['a $-prefixed field', { _id: 1, $x: 1 }],
    ['an empty field name', { _id: 1, '': 1 }],
    ['a field name over 63 bytes', { _id: 1, ['x'.repeat(80)]: 1 }],
    ['a null _id', { _id: null, a: 1 }],
  ])('%s', (_label, document) => {
    const catalog = structureToCatalog({
      database: 'db',
      collections: [{ name: 'odd.collection', documents: [document] }],
      views: [],
    });
    const { document: design } = catalogToDesign(catalog, { name: 'db', dialect: 'mongodb' });
    expect(validateDesign(design).errors).toEqual([]);
  });
});

import { describe, expect, test } from 'vitest';
import { validateDesign } from '../validation/validate.ts';
import {
  catalog,
  codes,
  column,
  columnOf,
  idKey,
  importValid,
  table,
  tableOf,
} from './catalog-builders.test-support.ts';

describe('catalogToDesign: a MongoDB database', () => {
  const result = importValid(
    catalog(
      [
        table(
          'users',
          [
            column('_id', 'objectId', { nullable: false }),
            column('email', 'string', { nullable: false }),
            column('age', 'int'),
            column('visits', 'long'),
            column('score', 'double'),
            column('balance', 'decimal'),
            column('active', 'bool'),
            column('createdAt', 'date'),
            column('token', 'uuid'),
            column('avatar', 'binData'),
            column('address', 'document'),
            column('tags', 'array'),
            column('rank', 'mixed', { comment: 'MongoDB: mixed BSON types in the sample: int, string.' }),
            column('nothing', 'null'),
          ],
          idKey(['_id']),
        ),
        table('events', [column('_id', 'document', { nullable: false })], idKey(['_id'])),
      ],
      {
        schema: 'shop',
        unsupported: [{ kind: 'view', name: 'active_users', detail: 'a view on users' }],
      },
    ),
    'mongodb',
  );

  test('passes validateDesign without errors', () => {
    expect(validateDesign(result.document).errors).toEqual([]);
  });

  test('is described as imported from the MongoDB database', () => {
    expect(result.document.description).toBe('Imported from the MongoDB database "shop".');
  });

  test.each([
    ['_id', { dataType: 'CHAR', length: 24, nullable: false, primaryKey: true }],
    ['email', { dataType: 'TEXT', nullable: false }],
    ['age', { dataType: 'INTEGER', nullable: true }],
    ['visits', { dataType: 'BIGINT' }],
    ['score', { dataType: 'DOUBLE' }],
    ['balance', { dataType: 'NUMERIC' }],
    ['active', { dataType: 'BOOLEAN' }],
    ['createdAt', { dataType: 'TIMESTAMPTZ', precision: 3 }],
    ['token', { dataType: 'UUID' }],
    ['avatar', { dataType: 'BYTEA' }],
    ['address', { dataType: 'JSONB' }],
    ['tags', { dataType: 'JSONB' }],
    ['rank', { dataType: 'TEXT', comment: 'MongoDB: mixed BSON types in the sample: int, string.' }],
    ['nothing', { dataType: 'TEXT' }],
  ])('users.%s becomes %o', (name, expected) => {
    expect(columnOf(result.document, 'users', name)).toMatchObject(expected);
  });

  test('a document _id is a JSONB primary key', () => {
    expect(tableOf(result.document, 'events').columns).toMatchObject([
      { name: '_id', dataType: 'JSONB', primaryKey: true },
    ]);
  });

  test('mixed and null-only fields and views are warnings; there are no foreign keys', () => {
    expect(codes(result)).toEqual([
      'TYPE_UNSUPPORTED tables.users.columns.rank',
      'TYPE_UNSUPPORTED tables.users.columns.nothing',
      'UNSUPPORTED_VIEW views.active_users',
    ]);
    expect(result.document.foreignKeys).toEqual([]);
  });
});

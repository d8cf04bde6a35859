import type { IntrospectedColumn } from '@schema-builder/schema-model/import';
import type { Document } from 'mongodb';
import { Int32, Long, UUID } from 'mongodb';
import { describe, expect, test } from 'vitest';
import { inferCollection } from './infer.ts';
import { oid, USERS } from './sample-documents.test-support.ts';

const columnOf = (columns: IntrospectedColumn[], name: string): IntrospectedColumn => {
  const found = columns.find((column) => column.name === name);
  if (!found) throw new Error(`no column ${name}`);
  return found;
};

describe('inferCollection: a table from sampled documents', () => {
  const users = inferCollection('users', USERS);

  test('one column per top-level field, in order of first appearance, _id the primary key', () => {
    expect(users.name).toBe('users');
    expect(users.columns.map((column) => column.name)).toEqual([
      '_id',
      'email',
      'age',
      'visits',
      'score',
      'balance',
      'active',
      'createdAt',
      'token',
      'avatar',
      'address',
      'tags',
      'oplog',
      'rank',
      'nickname',
      'lastLogin',
    ]);
    expect(users.primaryKey).toEqual({ name: null, columns: ['_id'] });
    expect(users).toMatchObject({ comment: null, uniqueConstraints: [], indexes: [], foreignKeys: [] });
  });

  test.each<[string, Partial<IntrospectedColumn>]>([
    ['_id', { nativeType: 'objectId', nullable: false }],
    ['email', { nativeType: 'string', nullable: false }],
    ['age', { nativeType: 'int', nullable: false }],
    ['visits', { nativeType: 'long', nullable: false }],
    ['score', { nativeType: 'double', nullable: false }],
    ['balance', { nativeType: 'decimal', nullable: false }],
    ['active', { nativeType: 'bool', nullable: false }],
    ['createdAt', { nativeType: 'date', nullable: false }],
    ['token', { nativeType: 'uuid', nullable: false }],
    ['avatar', { nativeType: 'binData', nullable: false }],
    ['address', { nativeType: 'document', nullable: false }],
    ['tags', { nativeType: 'array', nullable: false }],
    ['oplog', { nativeType: 'timestamp', nullable: false }],
    [
      'rank',
      {
        nativeType: 'mixed',
        nullable: false,
        comment: 'MongoDB: mixed BSON types in the sample: int, string.',
      },
    ],
    ['nickname', { nativeType: 'string', nullable: true, comment: null }],
    ['lastLogin', { nativeType: 'date', nullable: true }],
  ])('%s is %o', (name, expected) => {
    expect(columnOf(users.columns, name)).toMatchObject({
      default: null,
      autoIncrement: false,
      ...expected,
    });
  });

  test.each<[string, Document[], Partial<IntrospectedColumn>]>([
    ['an ObjectId', [{ _id: oid('a') }], { nativeType: 'objectId' }],
    ['a string', [{ _id: 'ada' }, { _id: 'bob' }], { nativeType: 'string' }],
    ['an integer', [{ _id: 1 }, { _id: 2 }], { nativeType: 'int' }],
    [
      'widening integers',
      [{ _id: new Int32(1) }, { _id: Long.fromString('9000000000') }],
      { nativeType: 'long' },
    ],
    ['a UUID', [{ _id: new UUID() }], { nativeType: 'uuid' }],
    ['a compound document', [{ _id: { shop: 1, day: '2024-01-01' } }], { nativeType: 'document' }],
    ['of mixed kinds', [{ _id: oid('b') }, { _id: 'legacy-7' }], { nativeType: 'mixed' }],
    ['missing from every document', [{ name: 'x' }], { nativeType: 'objectId' }],
  ])('_id as %s: %o, never nullable', (_label, documents, expected) => {
    const [id] = inferCollection('t', documents).columns;
    expect(id).toMatchObject({ name: '_id', nullable: false, ...expected });
  });

  test.each<[string, Document[], Partial<IntrospectedColumn>]>([
    ['missing in some documents', [{ a: 1 }, {}], { nativeType: 'int', nullable: true }],
    ['null in some documents', [{ a: 'x' }, { a: null }], { nativeType: 'string', nullable: true }],
    ['undefined in some documents', [{ a: 'x' }, { a: undefined }], { nativeType: 'string', nullable: true }],
    ['present everywhere', [{ a: true }, { a: false }], { nativeType: 'bool', nullable: false }],
    ['only null', [{ a: null }, { a: null }], { nativeType: 'null', nullable: true }],
    ['int and double', [{ a: 1 }, { a: 1.5 }], { nativeType: 'double', nullable: false }],
    ['a number or a string', [{ a: 1 }, { a: 'one' }, {}], { nativeType: 'mixed', nullable: true }],
    ['a document or an array', [{ a: { b: 1 } }, { a: [1] }], { nativeType: 'mixed' }],
    ['nested documents', [{ a: { b: { c: [1, { d: 2 }] } } }], { nativeType: 'document' }],
    ['arrays of documents', [{ a: [{ b: 1 }, { b: 'two' }] }], { nativeType: 'array' }],
  ])('a field %s: %o', (_label, documents, expected) => {
    expect(columnOf(inferCollection('t', documents).columns, 'a')).toMatchObject(expected);
  });

  test('nested fields stay inside their column: no column per path', () => {
    const table = inferCollection('t', [{ _id: 1, a: { b: 1, c: { d: 2 } } }]);
    expect(table.columns.map((column) => column.name)).toEqual(['_id', 'a']);
  });

  test('an empty collection is _id alone, an ObjectId, with a comment saying so', () => {
    const table = inferCollection('empty', []);
    expect(table.columns).toEqual([
      {
        name: '_id',
        nativeType: 'objectId',
        nullable: false,
        default: null,
        autoIncrement: false,
        comment: null,
      },
    ]);
    expect(table.comment).toMatch(/No documents were sampled/);
  });
});

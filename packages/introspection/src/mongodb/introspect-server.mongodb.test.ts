import { randomUUID } from 'node:crypto';
import type { IntrospectedCatalog, IntrospectedTable } from '@schema-builder/schema-model/import';
import { catalogToDesign } from '@schema-builder/schema-model/import';
import { validateDesign } from '@schema-builder/schema-model/validation';
import { testEnv } from '@schema-builder/testing/env';
import type { Db } from 'mongodb';
import { Decimal128, Double, Int32, Long, MongoClient, UUID } from 'mongodb';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { introspectMongo } from './introspect.ts';
import { listMongoDatabases, listMongoStructure } from './structure.ts';

const url = testEnv.MONGODB_URL;
if (url === undefined) {
  // No registry package ships a MongoDB server and Debian has none (see docs/testing.md,
  // "MongoDB"), so on these machines this suite can only run against a server someone provides.
  console.warn(
    '[introspection] SKIPPED: the MongoDB server tests need MONGODB_URL (a real MongoDB to sample); no MongoDB server can be installed on these machines.',
  );
}

describe.skipIf(url === undefined)('introspectMongo (a real MongoDB server)', () => {
  const database = `sb_introspect_${randomUUID().slice(0, 8)}`;
  let client: MongoClient;
  let db: Db;
  let catalog: IntrospectedCatalog;

  const tableNamed = (name: string): IntrospectedTable => {
    const table = catalog.tables.find((t) => t.name === name);
    if (!table) throw new Error(`no table ${name}`);
    return table;
  };

  beforeAll(async () => {
    client = new MongoClient(url ?? '', { serverSelectionTimeoutMS: 10_000 });
    await client.connect();
    db = client.db(database);
    await db.collection('users').insertMany([
      {
        email: 'ada@example.com',
        age: new Int32(36),
        visits: Long.fromNumber(12),
        score: new Double(9),
        balance: Decimal128.fromString('10.25'),
        active: true,
        createdAt: new Date('2024-01-02T03:04:05.678Z'),
        token: new UUID(),
        address: { city: 'London' },
        tags: ['admin'],
        rank: new Int32(1),
      },
      {
        email: 'bob@example.com',
        age: new Int32(41),
        visits: Long.fromNumber(3),
        score: new Double(7.5),
        rank: 'gold',
      },
    ]);
    await db.createCollection('empty');
    await db.createCollection('active_users', { viewOn: 'users', pipeline: [{ $match: { active: true } }] });
    catalog = await introspectMongo(client, database);
  });

  afterAll(async () => {
    await db?.dropDatabase();
    await client?.close();
  });

  test('collections are tables by name; the view is an unsupported object', () => {
    expect(catalog.schema).toBe(database);
    expect(catalog.tables.map((table) => table.name)).toEqual(['empty', 'users']);
    expect(catalog.unsupported).toMatchObject([{ kind: 'view', name: 'active_users' }]);
  });

  test.each([
    ['_id', 'objectId', false],
    ['email', 'string', false],
    ['age', 'int', false],
    ['visits', 'long', false],
    ['score', 'double', false],
    ['balance', 'decimal', true],
    ['active', 'bool', true],
    ['createdAt', 'date', true],
    ['token', 'uuid', true],
    ['address', 'document', true],
    ['tags', 'array', true],
    ['rank', 'mixed', false],
  ])('users.%s is %s (nullable: %s), read through the driver', (name, nativeType, nullable) => {
    expect(tableNamed('users').columns.find((column) => column.name === name)).toMatchObject({
      nativeType,
      nullable,
    });
  });

  test('sampling takes at most sampleSize documents', async () => {
    const structure = await listMongoStructure(client, database, { sampleSize: 1 });
    expect(structure.collections.find((c) => c.name === 'users')?.documents).toHaveLength(1);
  });

  test('the database is listed', async () => {
    expect(await listMongoDatabases(client)).toContain(database);
  });

  test('imports as a valid design', () => {
    const { document } = catalogToDesign(catalog, { name: database, dialect: 'mongodb' });
    expect(validateDesign(document).errors).toEqual([]);
  });
});

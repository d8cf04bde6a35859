import { randomBytes } from 'node:crypto';
import { testEnv } from '@schema-builder/testing/env';
import { MongoClient } from 'mongodb';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Harness } from '../../test/harness.test-support.ts';
import { startHarness } from '../../test/harness.test-support.ts';

const mongoUrl = testEnv.MONGODB_URL;
if (!mongoUrl) console.log('[api] MongoDB import tests skipped: they need MONGODB_URL (a MongoDB server).');

describe.skipIf(!mongoUrl)('importing a MongoDB database', () => {
  let h: Harness;
  let client: MongoClient;
  const database = `sbimp_${randomBytes(4).toString('hex')}`;

  beforeAll(async () => {
    client = new MongoClient(mongoUrl ?? '');
    await client.connect();
    await client
      .db(database)
      .collection('people')
      .insertMany([
        { name: 'Ada', born: new Date('1815-12-10'), tags: ['math'] },
        { name: 'Grace', born: new Date('1906-12-09') },
      ]);
    h = await startHarness({ CONNECTIONS_ALLOWED_HOSTS: `${new URL(mongoUrl ?? '').hostname}` });
  });
  afterAll(async () => {
    await h?.close();
    await client?.db(database).dropDatabase();
    await client?.close();
  });

  test('samples collections into a design: one table per collection, _id its key', async () => {
    const connection = await h.request('POST', '/api/v1/connections', {
      name: 'mongo',
      type: 'mongodb',
      connectionString: mongoUrl,
    });
    const response = await h.request('POST', '/api/v1/schemas/import', {
      connectionId: connection.json().id,
      database,
    });
    expect(response.statusCode, response.body).toBe(201);
    const [people] = response.json().schema.definition.tables;
    expect(people.name).toBe('people');
    expect(people.columns.map((c: { name: string }) => c.name)).toEqual(['_id', 'name', 'born', 'tags']);
  });
});

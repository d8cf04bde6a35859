import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Harness, TestUser } from '../../test/harness.test-support.ts';
import { startHarness } from '../../test/harness.test-support.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

async function createDesign(user: TestUser, name: string): Promise<{ id: string }> {
  const response = await h.request('POST', '/api/v1/schemas', { name, tables: [] }, { token: user.token });
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

async function createConnection(user: TestUser, name: string, active = true): Promise<{ id: string }> {
  const response = await h.request(
    'POST',
    '/api/v1/connections',
    { name, type: 'postgresql', host: '127.0.0.1', port: 5432, database: 'shop', username: 'ada' },
    { token: user.token },
  );
  expect(response.statusCode, response.body).toBe(201);
  const { id } = response.json();
  if (!active)
    await h.request('PATCH', `/api/v1/connections/${id}`, { active: false }, { token: user.token });
  return { id };
}

/** A database row in the state a finished job leaves it (no worker runs here). */
async function insertDatabase(
  user: TestUser,
  schemaId: string,
  status: string,
  version: number | null,
  lastError: string | null = null,
) {
  const name = `db_${randomUUID().slice(0, 8)}`;
  const [row] = await h.services.sql`
    INSERT INTO databases (schema_id, owner_id, target, database_name, role_name, password_sealed,
                           status, operation, version, target_version, last_error)
    VALUES (${schemaId}, ${user.id}, 'default', ${name}, ${name}, 'sealed', ${status}, 'provision',
            ${version}, ${version ?? 1}, ${lastError})
    RETURNING id`;
  return row?.id as string;
}

const summaryOf = async (user: TestUser) => {
  const response = await h.request('GET', '/api/v1/dashboard', undefined, { token: user.token });
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
};

test('a new account’s dashboard is all zeros and empty lists', async () => {
  const user = await h.signUp('empty');
  const summary = await summaryOf(user);
  expect(summary).toEqual({
    designs: { total: 0 },
    databases: {
      total: 0,
      byStatus: {
        pending: 0,
        provisioning: 0,
        ready: 0,
        failed: 0,
        dropping: 0,
        migrating: 0,
        migration_failed: 0,
      },
    },
    connections: { total: 0, active: 0, inactive: 0 },
    recentDesigns: [],
    recentConnections: [],
    attention: [],
  });
});

test('counts, recent items and the databases needing attention are the owner’s only', async () => {
  const user = await h.signUp('dashboard');
  const stranger = await h.signUp('stranger');
  await createDesign(stranger, 'not mine');
  await createConnection(stranger, 'not mine');

  const shop = await createDesign(user, 'shop');
  const blog = await createDesign(user, 'blog');
  const wiki = await createDesign(user, 'wiki');
  const gone = await createDesign(user, 'gone');
  expect(
    (await h.request('DELETE', `/api/v1/schemas/${gone.id}`, undefined, { token: user.token })).statusCode,
  ).toBe(200);
  await createConnection(user, 'prod');
  await createConnection(user, 'old', false);

  await insertDatabase(user, shop.id, 'ready', 1);
  const failed = await insertDatabase(user, blog.id, 'failed', null, 'the server refused the role');
  // wiki's database holds version 1 while the design is at version 2.
  const behind = await insertDatabase(user, wiki.id, 'ready', 1);
  await h.services.sql`UPDATE schemas SET current_version = 2 WHERE id = ${wiki.id}`;
  await insertDatabase(user, shop.id, 'dropped', 1);

  const summary = await summaryOf(user);
  expect(summary.designs).toEqual({ total: 3 });
  expect(summary.databases.total).toBe(3);
  expect(summary.databases.byStatus).toMatchObject({ ready: 2, failed: 1, pending: 0 });
  expect(summary.connections).toEqual({ total: 2, active: 1, inactive: 1 });
  expect(summary.recentDesigns.map((design: { name: string }) => design.name).sort()).toEqual([
    'blog',
    'shop',
    'wiki',
  ]);
  expect(summary.recentDesigns).toContainEqual(
    expect.objectContaining({ id: shop.id, databaseStatus: 'ready' }),
  );
  expect(summary.recentConnections.map((connection: { name: string }) => connection.name)).toEqual([
    'old',
    'prod',
  ]);
  expect(summary.recentConnections[0]).toMatchObject({
    type: 'postgresql',
    host: '127.0.0.1',
    active: false,
  });
  expect(summary.attention).toHaveLength(2);
  expect(summary.attention).toContainEqual(
    expect.objectContaining({
      id: failed,
      designName: 'blog',
      reason: 'failed',
      lastError: 'the server refused the role',
    }),
  );
  expect(summary.attention).toContainEqual(
    expect.objectContaining({
      id: behind,
      designName: 'wiki',
      reason: 'behind_design',
      version: 1,
      latestVersion: 2,
    }),
  );
});

test('the dashboard needs a signed-in user', async () => {
  const response = await h.request('GET', '/api/v1/dashboard', undefined, { token: null });
  expect(response.statusCode).toBe(401);
});

import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { TestDatabase } from '@schema-builder/testing/postgres';
import { createTestDatabase } from '@schema-builder/testing/postgres';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { migrationsFolder, runMigrations } from './migrate.ts';
import { DATABASE_STATUSES, DATABASES_STATUS_CHECK } from './schema/databases.ts';
import { SCHEMAS_OWNER_NAME_LIVE_KEY } from './schema/designs.ts';

/** How many migrations drizzle-kit has generated (its journal). */
const journalEntries = () =>
  (
    JSON.parse(readFileSync(path.join(migrationsFolder, 'meta/_journal.json'), 'utf8')) as {
      entries: unknown[];
    }
  ).entries.length;

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase('sbdb');
  // Several API instances may start at once: concurrent runs must not trip over each other.
  await Promise.all([runMigrations(database.url), runMigrations(database.url), runMigrations(database.url)]);
});
afterAll(() => database.drop());

describe('migrations', () => {
  test('create the metadata tables once, whatever the number of concurrent runs', async () => {
    const tables = await database.sql<{ table_name: string }[]>`
      SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name`;
    expect(tables.map((t) => t.table_name)).toEqual([
      'api_keys',
      'audit_events',
      'catalog_objects',
      'catalog_syncs',
      'connections',
      'database_tombstones',
      'databases',
      'deployment',
      'schema_versions',
      'schemas',
      'sessions',
      'sign_in_account_failures',
      'sign_in_failures',
      'users',
    ]);
    const [applied] = await database.sql<{ count: number }[]>`
      SELECT count(*)::int AS count FROM drizzle.__drizzle_migrations`;
    expect(applied?.count).toBe(journalEntries());
  });

  test('a second run applies nothing', async () => {
    await runMigrations(database.url);
    const [applied] = await database.sql<{ count: number }[]>`
      SELECT count(*)::int AS count FROM drizzle.__drizzle_migrations`;
    expect(applied?.count).toBe(journalEntries());
  });

  test('a name is unique per owner among live schemas only', async () => {
    const owner = randomUUID();
    const insert = (name: string, deleted: boolean) => database.sql`
      INSERT INTO schemas (owner_id, name, definition, deleted_at)
      VALUES (${owner}, ${name}, ${database.sql.json({ tables: [] })}, ${deleted ? new Date() : null})`;
    await insert('shop', true);
    await insert('shop', false);
    await expect(insert('shop', false)).rejects.toMatchObject({
      code: '23505',
      constraint_name: SCHEMAS_OWNER_NAME_LIVE_KEY,
    });
    await database.sql`
      INSERT INTO schemas (owner_id, name, definition) VALUES (${randomUUID()}, 'shop', ${database.sql.json({})})`;
  });

  test('the list query of an owner uses its partial index', async () => {
    // A near-empty table would be scanned sequentially; ask what plan the index allows.
    const plan = await database.sql.begin(async (tx) => {
      await tx`SET LOCAL enable_seqscan = off`;
      return tx<{ 'QUERY PLAN': string }[]>`
        EXPLAIN SELECT id FROM schemas
        WHERE owner_id = ${randomUUID()} AND deleted_at IS NULL ORDER BY updated_at DESC LIMIT 20`;
    });
    expect(plan.map((row) => row['QUERY PLAN']).join('\n')).toContain('schemas_owner_updated_live_idx');
  });

  test('deleting a database row (with its design) leaves a tombstone of its names', async () => {
    const owner = randomUUID();
    const [design] = await database.sql<{ id: string }[]>`
      INSERT INTO schemas (owner_id, name, definition)
      VALUES (${owner}, 'tombstoned', ${database.sql.json({ tables: [] })}) RETURNING id`;
    const name = `sb_tomb_${randomUUID().slice(0, 8)}`;
    await database.sql`
      INSERT INTO databases (schema_id, owner_id, target, database_name, role_name, password_sealed,
                             status, operation, target_version)
      VALUES (${design?.id ?? ''}, ${owner}, 'default', ${name}, ${name}, 'sealed', 'failed', 'provision', 1)`;
    await database.sql`DELETE FROM schemas WHERE id = ${design?.id ?? ''}`;
    const tombstones = await database.sql<{ target: string; database_name: string; role_name: string }[]>`
      SELECT target, database_name, role_name FROM database_tombstones WHERE database_name = ${name}`;
    expect(tombstones).toEqual([{ target: 'default', database_name: name, role_name: name }]);
  });

  test('a database row takes every status of the lifecycle and refuses any other', async () => {
    const owner = randomUUID();
    // One design per row: a design has one live database at most.
    const insert = async (status: string) => {
      const [design] = await database.sql<{ id: string }[]>`
        INSERT INTO schemas (owner_id, name, definition)
        VALUES (${owner}, ${`with a ${status} database`}, ${database.sql.json({ tables: [] })}) RETURNING id`;
      const name = `sb_status_${randomUUID().slice(0, 8)}`;
      return database.sql<{ status: string }[]>`
        INSERT INTO databases (schema_id, owner_id, target, database_name, role_name, password_sealed,
                               status, operation, target_version)
        VALUES (${design?.id ?? ''}, ${owner}, 'default', ${name}, ${name}, 'sealed', ${status}, 'provision', 1)
        RETURNING status`;
    };
    for (const status of DATABASE_STATUSES) expect(await insert(status)).toEqual([{ status }]);
    for (const unknown of ['archived', 'Ready', ''])
      await expect(insert(unknown)).rejects.toMatchObject({
        code: '23514',
        constraint_name: DATABASES_STATUS_CHECK,
      });
  });

  test('the deployment table holds one row at most', async () => {
    await database.sql`INSERT INTO deployment DEFAULT VALUES`;
    await expect(database.sql`INSERT INTO deployment DEFAULT VALUES`).rejects.toMatchObject({
      code: '23505',
    });
    await expect(database.sql`INSERT INTO deployment (singleton) VALUES (false)`).rejects.toMatchObject({
      code: '23514',
    });
  });
});

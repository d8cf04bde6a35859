import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { TestDatabase } from '@schema-builder/testing/postgres';
import { createTestDatabase } from '@schema-builder/testing/postgres';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { migrationsFolder, runMigrations } from './migrate.ts';

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
      'databases',
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
      constraint_name: 'schemas_owner_name_live_key',
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
});

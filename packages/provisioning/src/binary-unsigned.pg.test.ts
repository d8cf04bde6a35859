import type { DesignDocument } from '@schema-builder/schema-model/design';
import { normalizeDesign } from '@schema-builder/schema-model/design';
import { planPostgresMigration } from '@schema-builder/schema-model/diff';
import { binaryUnsignedDesign } from '@schema-builder/testing/fixtures';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { migrateDatabase } from './migrate.ts';
import { provision } from './provision.ts';
import { openTestServer, type TestServer } from './test-server.test-support.ts';

let server: TestServer;
beforeAll(() => {
  server = openTestServer();
});
afterAll(async () => {
  await server?.cleanup();
});

/** Version 2: the digest holds 128 bytes, visits become a signed INTEGER, age a BIGINT unsigned. */
function version2(): DesignDocument {
  const next = structuredClone(binaryUnsignedDesign);
  const users = next.tables.find((t) => t.id === 't_users');
  const tokens = next.tables.find((t) => t.id === 't_tokens');
  const column = (table: typeof users, id: string) => {
    const found = table?.columns.find((c) => c.id === id);
    if (!found) throw new Error(`no column ${id}`);
    return found;
  };
  column(tokens, 'c_tokens_digest').length = 128;
  column(users, 'c_users_visits').unsigned = false;
  column(users, 'c_users_age').dataType = 'BIGINT';
  return next;
}

/** `table.constraint: definition` of every CHECK of the database's public schema. */
const checksOf = (plan: ReturnType<TestServer['plan']>) =>
  server.session.inDatabase(plan.database, async (sql) =>
    (
      await sql<{ line: string }[]>`
        SELECT c.relname || '.' || k.conname || ': ' || pg_get_constraintdef(k.oid) AS line
        FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid
        WHERE k.contype = 'c' AND c.relnamespace = 'public'::regnamespace ORDER BY 1`
    ).map((r) => r.line),
  );

describe('binary types and unsigned integers, provisioned and migrated as the database role', () => {
  test('provisioning builds their CHECKs; a migration replaces them; a fresh build of v2 has the same', async () => {
    const plan = server.plan(binaryUnsignedDesign);
    await provision(server.session, plan);
    expect(await checksOf(plan)).toContain('users.users_age_check: CHECK (((age >= 0) AND (age <= 65535)))');
    await server.session.inDatabase(plan.database, async (sql) => {
      await sql`INSERT INTO tokens (id, digest) VALUES (${Buffer.alloc(16, 7)}, ${Buffer.alloc(64)})`;
      await expect(sql`INSERT INTO users (visits) VALUES (-1)`).rejects.toThrow(/users_visits_check/);
      await expect(
        sql`INSERT INTO tokens (id, digest) VALUES (${Buffer.alloc(16)}, ${Buffer.alloc(65)})`,
      ).rejects.toThrow(/tokens_digest_check/);
    });

    const migration = planPostgresMigration(
      normalizeDesign(binaryUnsignedDesign),
      normalizeDesign(version2()),
    );
    const { designId, database, role } = plan;
    const outcome = await migrateDatabase(server.session, {
      designId,
      database,
      role,
      fromVersion: 1,
      toVersion: 2,
      steps: migration.steps.map((s) => ({ id: s.id, phase: s.phase, sql: s.sql })),
    });
    expect(outcome).toBe('applied');
    await server.session.inDatabase(plan.database, async (sql) => {
      await sql`INSERT INTO tokens (id, digest) VALUES (${Buffer.alloc(16)}, ${Buffer.alloc(128)})`;
      await sql`INSERT INTO users (visits) VALUES (-1)`;
    });

    const fresh = server.plan(version2());
    await provision(server.session, fresh);
    expect(await checksOf(plan)).toEqual(await checksOf(fresh));
  });
});

import type { DesignDocument } from '@schema-builder/schema-model/design';
import { planPostgresMigration } from '@schema-builder/schema-model/diff';
import { parseDesign } from '@schema-builder/schema-model/validation';
import { blogDesign, postgresTypesDesign } from '@schema-builder/testing/fixtures';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { migrateDatabase } from './migrate.ts';
import { provision } from './provision.ts';
import { openTestServer, type TestServer } from './test-server.test-support.ts';

/**
 * CITEXT comes from the citext extension, which the design's DDL creates itself. Provisioning runs
 * that DDL as the database's own role, not a superuser: citext is a trusted extension
 * (PostgreSQL 13+), which the owner of a database may create there. So a design using CITEXT
 * provisions, and migrates to one, with no extra rights.
 */
let server: TestServer;
beforeAll(() => {
  server = openTestServer();
});
afterAll(async () => {
  await server?.cleanup();
});

const designOf = (doc: DesignDocument) => {
  const parsed = parseDesign(doc);
  if (!parsed.ok) throw new Error(`${doc.name} is invalid`);
  return parsed.design;
};

/** The role's own rights, and the extension's owner, in the provisioned database. */
async function extensionState(database: string) {
  return server.session.inDatabase(database, async (sql) => ({
    extensions: await sql<{ name: string; owner: string }[]>`
      SELECT extname AS name, pg_get_userbyid(extowner) AS owner FROM pg_extension
      WHERE extname = 'citext'`,
  }));
}

describe('the citext extension, created by the database role', () => {
  test('a design using CITEXT provisions as its role, which owns the extension', async () => {
    const plan = server.plan(postgresTypesDesign);
    await provision(server.session, plan);
    const [role] = await server.session.admin<{ superuser: boolean }[]>`
      SELECT rolsuper AS superuser FROM pg_roles WHERE rolname = ${plan.role}`;
    expect(role).toEqual({ superuser: false });
    expect(await extensionState(plan.database)).toEqual({
      extensions: [{ name: 'citext', owner: plan.role }],
    });
    const rows = await server.session.inDatabase(plan.database, async (sql) => {
      await sql`INSERT INTO hosts (email) VALUES ('Ann@Example.com')`;
      return sql`SELECT count(*)::int AS n FROM hosts WHERE email = 'ANN@example.COM'`;
    });
    expect(rows).toEqual([{ n: 1 }]);
  });

  test('a migration that brings the first CITEXT column creates the extension first, as the role', async () => {
    const plan = server.plan(blogDesign);
    await provision(server.session, plan);
    const from = designOf(blogDesign);
    const users = blogDesign.tables[0];
    if (users === undefined) throw new Error('blog has no users table');
    const next: DesignDocument = {
      ...blogDesign,
      tables: [
        { ...users, columns: [...users.columns, { id: 'c_nick', name: 'nick', dataType: 'CITEXT' }] },
        ...blogDesign.tables.slice(1),
      ],
    };
    const migration = planPostgresMigration(from, designOf(next));
    expect(migration.steps[0]?.sql).toEqual(['CREATE EXTENSION IF NOT EXISTS "citext";']);
    const { designId, database, role } = plan;
    const outcome = await migrateDatabase(server.session, {
      designId,
      database,
      role,
      fromVersion: 1,
      toVersion: 2,
      steps: migration.steps,
    });
    expect(outcome).toBe('applied');
    expect(await extensionState(plan.database)).toEqual({
      extensions: [{ name: 'citext', owner: plan.role }],
    });
  });
});

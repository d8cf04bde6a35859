import { generateDdl } from '@schema-builder/schema-model/ddl';
import type { DesignDocument } from '@schema-builder/schema-model/design';
import { planPostgresMigration } from '@schema-builder/schema-model/diff';
import { quoteIdent } from '@schema-builder/schema-model/sql';
import { parseDesign } from '@schema-builder/schema-model/validation';
import { type CatalogSnapshot, readCatalog } from '@schema-builder/testing/catalog';
import { hostileLiteralsDesign, hostileLiteralsNextVersion } from '@schema-builder/testing/fixtures';
import { createTestDatabase } from '@schema-builder/testing/postgres';
import type postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { migrateDatabase } from './migrate.ts';
import type { ProvisionPlan } from './plan.ts';
import { provision } from './provision.ts';
import { openTestServer, type TestServer } from './test-server.test-support.ts';

/**
 * Provisioning and migrating a design in a database and for a role whose defaults are hostile
 * (ALTER DATABASE/ROLE … SET, on this test's own database and role only) builds exactly what a
 * normal session builds: the engine sets what the DDL relies on for its own transactions.
 */

let server: TestServer;
beforeAll(() => {
  server = openTestServer();
});
afterAll(async () => {
  await server?.cleanup();
});

function designOf(document: DesignDocument) {
  const parsed = parseDesign(document);
  if (!parsed.ok) throw new Error('test design is invalid');
  return parsed.design;
}

/** The catalog `document`'s script builds on a normal session of a fresh database. */
async function normalBuild(document: DesignDocument): Promise<CatalogSnapshot> {
  const db = await createTestDatabase('sbprovset');
  try {
    await db.sql.unsafe(generateDdl(designOf(document)).sql).simple();
    return await readCatalog(db.sql, 'public');
  } finally {
    await db.drop();
  }
}

const HOSTILE_DEFAULTS = `standard_conforming_strings = off; search_path = evil, pg_catalog, public; TimeZone = 'Pacific/Kiritimati'; DateStyle = 'SQL, DMY'`;

/**
 * Turns the database's and the role's defaults against the DDL, and plants an attacker's schema
 * (writable by the role) with look-alikes of what the DDL names unqualified, and a canary.
 */
async function makeHostile(plan: ProvisionPlan): Promise<void> {
  for (const setting of HOSTILE_DEFAULTS.split('; ')) {
    await server.session.admin.unsafe(`ALTER DATABASE ${quoteIdent(plan.database)} SET ${setting}`);
    await server.session.admin.unsafe(`ALTER ROLE ${quoteIdent(plan.role)} SET ${setting}`);
  }
  await server.session.inDatabase(plan.database, (sql) =>
    sql.unsafe(`
      CREATE TABLE public.canary (id integer);
      CREATE SCHEMA evil;
      GRANT USAGE, CREATE ON SCHEMA evil TO ${quoteIdent(plan.role)};
      CREATE TABLE evil.users (id uuid PRIMARY KEY);
      CREATE TYPE evil.mood AS ENUM ('evil');
      CREATE DOMAIN evil.uuid AS text;
      CREATE FUNCTION evil.now() RETURNS timestamptz LANGUAGE sql AS $$ SELECT '1999-01-01'::timestamptz $$;
      CREATE FUNCTION evil.gen_random_uuid() RETURNS uuid LANGUAGE sql
        AS $$ SELECT '00000000-0000-0000-0000-000000000000'::uuid $$;`),
  );
}

/** The built schema (canary aside) and what an attacker could have changed, read with the defaults reset. */
async function outcome(plan: ProvisionPlan) {
  await server.session.admin.unsafe(`ALTER DATABASE ${quoteIdent(plan.database)} RESET ALL`);
  return server.session.inDatabase(plan.database, async (sql: postgres.Sql) => {
    const catalog = await readCatalog(sql, 'public');
    const { canary, ...tables } = catalog.tables;
    const evil = await sql<{ name: string }[]>`
      SELECT relname::text AS name FROM pg_class WHERE relnamespace = 'evil'::regnamespace AND relkind = 'r'`;
    return {
      catalog: { ...catalog, tables },
      canarySurvived: canary !== undefined,
      evilTables: evil.map((row) => row.name),
    };
  });
}

describe('provisioning under hostile database and role defaults', () => {
  test.each([
    ['the generated script', (ddl: ReturnType<typeof generateDdl>) => ddl.sql],
    // A job queued before scripts carried their settings: the engine's own SET LOCAL must do.
    [
      'a script without its preamble',
      (ddl: ReturnType<typeof generateDdl>) => ddl.statements.slice(ddl.preamble.length).join('\n'),
    ],
  ])('applying %s builds what a normal session builds, and the canary survives', async (_, script) => {
    const expected = await normalBuild(hostileLiteralsDesign);
    const plan = server.plan(hostileLiteralsDesign, {
      ddl: script(generateDdl(designOf(hostileLiteralsDesign))),
    });
    await provision(server.session, plan, {
      onStep: async (name) => {
        if (name === 'restrict') await makeHostile(plan);
      },
    });
    expect(await outcome(plan)).toEqual({ catalog: expected, canarySurvived: true, evilTables: ['users'] });
  });

  test('a migration builds what a fresh build of the new version does, and the canary survives', async () => {
    const expected = await normalBuild(hostileLiteralsNextVersion);
    const plan = server.plan(hostileLiteralsDesign);
    await provision(server.session, plan);
    await makeHostile(plan);
    const { steps } = planPostgresMigration(
      designOf(hostileLiteralsDesign),
      designOf(hostileLiteralsNextVersion),
    );
    const { designId, database, role } = plan;
    await migrateDatabase(server.session, { designId, database, role, fromVersion: 1, toVersion: 2, steps });
    expect(await outcome(plan)).toEqual({ catalog: expected, canarySurvived: true, evilTables: ['users'] });
  });
});

import { quoteIdent, quotePostgresLiteral } from '@schema-builder/schema-model/sql';
import { blogDesign } from '@schema-builder/testing/fixtures';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { inspectDatabase } from './inspect.ts';
import { dropPool, ensurePool, listPoolDatabases } from './pool.ts';
import { dropProvisioned, provision } from './provision.ts';
import { reconcile } from './reconcile.ts';
import { generatePassword, scramSha256Verifier } from './scram.ts';
import { openTarget, type TargetSession } from './session.ts';
import { rotatePassword } from './steps/role.ts';
import { loginUrl, openTestServer, type TestServer, tryLogin } from './test-server.test-support.ts';

// Managed servers give no superuser: the admin is a role with CREATEDB and CREATEROLE. It has
// to become a member of each role it creates (to create a database owned by it and to SET ROLE
// to it); this checks the whole life cycle works with exactly those rights.
let server: TestServer;
let limited: TargetSession;
const adminDatabase = () => `${server.prefix}_admin_db`;

beforeAll(async () => {
  server = openTestServer();
  const admin = `${server.prefix}_admin`;
  const password = generatePassword();
  await server.session.admin.unsafe(
    `CREATE ROLE ${quoteIdent(admin)} LOGIN CREATEDB CREATEROLE PASSWORD ${quotePostgresLiteral(scramSha256Verifier(password))}`,
  );
  // Its own maintenance database, as on a managed server: provisioning closes `postgres` to
  // PUBLIC, and this admin does not own `postgres`, so it could not connect there afterwards.
  await server.session.admin.unsafe(
    `CREATE DATABASE ${quoteIdent(adminDatabase())} OWNER ${quoteIdent(admin)}`,
  );
  limited = openTarget(
    { name: 'limited', adminUrl: loginUrl(server, admin, password, adminDatabase()) },
    { instance: server.session.instance, deployment: server.session.deployment },
  );
});
afterAll(async () => {
  await limited?.close();
  await server?.cleanup();
});

describe('an admin that is not a superuser', () => {
  test('provisions (twice), rotates, inspects, drops and reconciles', async () => {
    const plan = server.plan(blogDesign);
    await provision(limited, plan);
    await provision(limited, plan);
    const rotated = { ...plan, password: generatePassword() };
    await rotatePassword(limited, rotated);
    const inspection = await inspectDatabase(limited, plan.database);
    expect(inspection.exists && inspection.tables.every((table) => table.owner === plan.role)).toBe(true);
    expect(await tryLogin(loginUrl(server, plan.role, rotated.password, plan.database))).toEqual({
      user: plan.role,
      database: plan.database,
    });
    await dropProvisioned(limited, plan);

    const orphan = server.plan(blogDesign, { ddl: '' });
    await provision(limited, orphan);
    expect(await reconcile(limited, { dead: async (names) => new Set(names) })).toMatchObject({
      droppedDatabases: [orphan.database],
      droppedRoles: [orphan.role],
    });
    const left = await server.existing();
    expect(left.roles).toEqual([`${server.prefix}_admin`]);
    expect(left.databases).toEqual([adminDatabase()]);
  });

  test('fills the warm pool, provisions from it and drops it', async () => {
    expect(await ensurePool(limited, { size: 1, prefix: server.prefix })).toMatchObject({ available: 1 });
    const plan = server.plan(blogDesign);
    const outcomes: (string | undefined)[] = [];
    await provision(limited, plan, {
      onStep: (name, detail) => {
        if (name === 'database') outcomes.push(detail);
      },
    });
    expect(outcomes).toEqual(['claimed']);
    expect(await tryLogin(loginUrl(server, plan.role, plan.password, plan.database))).toEqual({
      user: plan.role,
      database: plan.database,
    });
    await dropProvisioned(limited, plan);
    await ensurePool(limited, { size: 1, prefix: server.prefix });
    expect(await dropPool(limited)).toHaveLength(1);
    expect(await listPoolDatabases(limited)).toEqual([]);
  });
});

import { ecommerceDesign } from '@schema-builder/testing/fixtures';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { inspectDatabase } from './inspect.ts';
import { parseMarker } from './markers.ts';
import { dropProvisioned, provision, provisionSteps } from './provision.ts';
import { snapshot } from './provisioned-snapshot.test-support.ts';
import { generatePassword, scramVerifierMatches } from './scram.ts';
import { dropDatabase } from './steps/database.ts';
import { rotatePassword } from './steps/role.ts';
import { loginUrl, openTestServer, type TestServer, tryLogin } from './test-server.test-support.ts';

let server: TestServer;
beforeAll(() => {
  server = openTestServer();
});
afterAll(async () => {
  await server?.cleanup();
});

describe('provision', () => {
  test('builds the design as its own role in its own locked-down database', async () => {
    const plan = server.plan(ecommerceDesign);
    const steps: string[] = [];
    await provision(server.session, plan, { onStep: (name) => void steps.push(name) });
    expect(steps).toEqual(['role', 'database', 'restrict', 'schema']);

    const state = await snapshot(server, plan);
    expect(state.role).toMatchObject({
      login: true,
      superuser: false,
      createdb: false,
      createrole: false,
      replication: false,
      bypassrls: false,
      connectionLimit: 20,
    });
    expect(parseMarker(state.role?.comment)).toMatchObject({ kind: 'role', designId: plan.designId });
    expect(state.database).toMatchObject({ owner: plan.role, publicPrivileges: [] });
    expect(parseMarker(state.database?.comment)).toMatchObject({ kind: 'database', database: plan.database });
    expect(state.inside?.schemaOwner).toBe(plan.role);
    expect(state.inside?.schemaPublicPrivileges).toEqual([]);
    expect(parseMarker(state.inside?.schemaComment)).toMatchObject({ kind: 'schema', version: 1 });
    // Tables, their sequences and indexes, and the enum type: every object belongs to the role.
    const objects = state.inside?.objects ?? [];
    expect(objects.some((line) => line.startsWith('type:e order_status '))).toBe(true);
    expect(objects.filter((line) => !line.endsWith(` ${plan.role}`))).toEqual([]);

    const inspection = await inspectDatabase(server.session, plan.database);
    if (!inspection.exists) throw new Error('inspect did not find the database');
    const designTables = ecommerceDesign.tables.map((table) => table.name).sort();
    expect(inspection.tables.map((table) => table.name)).toEqual(designTables);
    for (const table of ecommerceDesign.tables) {
      const found = inspection.tables.find((candidate) => candidate.name === table.name);
      expect(found?.columns.map((column) => column.name)).toEqual(table.columns.map((column) => column.name));
      expect(found?.owner).toBe(plan.role);
    }
    expect(inspection).toMatchObject({ owner: plan.role, connections: 0 });
    expect(inspection.sizeBytes).toBeGreaterThan(0);

    const login = await tryLogin(loginUrl(server, plan.role, plan.password, plan.database));
    expect(login).toEqual({ user: plan.role, database: plan.database });
  });

  test('running every step twice changes nothing', async () => {
    const plan = server.plan(ecommerceDesign);
    for (const provisionStep of provisionSteps) {
      await provisionStep.run(server.session, plan);
      const once = await snapshot(server, plan);
      await provisionStep.run(server.session, plan);
      expect(await snapshot(server, plan), `step ${provisionStep.name}`).toEqual(once);
    }
    const done = await snapshot(server, plan);
    await provision(server.session, plan);
    expect(await snapshot(server, plan)).toEqual(done);
    expect(await server.existing()).toMatchObject({
      databases: expect.arrayContaining([plan.database]),
      roles: expect.arrayContaining([plan.role]),
    });

    // Retries set the same password again (with a new salt), so it keeps working.
    const [row] = await server.session.admin<{ password: string | null }[]>`
      SELECT rolpassword AS password FROM pg_authid WHERE rolname = ${plan.role}`;
    expect(scramVerifierMatches(row?.password ?? '', plan.password)).toBe(true);
  });

  test('inspect reports open connections other than our own', async () => {
    const plan = server.plan(ecommerceDesign, { ddl: '' });
    await provision(server.session, plan);
    const client = postgres(loginUrl(server, plan.role, plan.password, plan.database), { max: 1 });
    try {
      await client`SELECT 1`;
      expect(await inspectDatabase(server.session, plan.database)).toMatchObject({
        exists: true,
        connections: 1,
        tables: [],
      });
    } finally {
      await client.end({ timeout: 5 });
    }
  });

  test('rotating the password replaces the verifier; the old password stops working', async () => {
    const plan = server.plan(ecommerceDesign, { ddl: '' });
    await provision(server.session, plan);
    const next = generatePassword();
    await rotatePassword(server.session, { ...plan, password: next });
    await rotatePassword(server.session, { ...plan, password: next });
    const [row] = await server.session.admin<{ password: string | null }[]>`
      SELECT rolpassword AS password FROM pg_authid WHERE rolname = ${plan.role}`;
    expect(scramVerifierMatches(row?.password ?? '', next)).toBe(true);
    expect(scramVerifierMatches(row?.password ?? '', plan.password)).toBe(false);
    expect(await tryLogin(loginUrl(server, plan.role, next, plan.database))).toMatchObject({
      user: plan.role,
    });
  });

  test("rotating refuses a role that is not this design's", async () => {
    const plan = server.plan(ecommerceDesign, { ddl: '' });
    await provision(server.session, plan);
    const other = { ...plan, designId: 'someone-else', password: generatePassword() };
    await expect(rotatePassword(server.session, other)).rejects.toMatchObject({ code: 'NOT_OURS' });
  });

  test('dropping removes the database and the role, and is idempotent', async () => {
    const plan = server.plan(ecommerceDesign, { ddl: '' });
    await provision(server.session, plan);
    // An open session does not block the drop (WITH (FORCE) ends it).
    const client = postgres(loginUrl(server, plan.role, plan.password, plan.database), { max: 1 });
    await client`SELECT 1`;
    try {
      await dropProvisioned(server.session, plan);
      await dropProvisioned(server.session, plan);
    } finally {
      await client.end({ timeout: 1 }).catch(() => {});
    }
    const left = await server.existing();
    expect(left.databases).not.toContain(plan.database);
    expect(left.roles).not.toContain(plan.role);
    expect(await inspectDatabase(server.session, plan.database)).toEqual({ exists: false });
  });

  test('regenerating drops only the database; provisioning again rebuilds it for the same role', async () => {
    const plan = server.plan(ecommerceDesign);
    await provision(server.session, plan);
    const [before] = await server.session.admin<{ oid: number; password: string | null }[]>`
      SELECT oid::int AS oid, rolpassword AS password FROM pg_authid WHERE rolname = ${plan.role}`;
    await server.session.inDatabase(plan.database, (sql) => sql`CREATE TABLE leftover (id int)`);

    await dropDatabase(server.session, plan);
    await dropDatabase(server.session, plan);
    expect(await inspectDatabase(server.session, plan.database)).toEqual({ exists: false });
    expect((await server.existing()).roles).toContain(plan.role);

    await provision(server.session, plan);
    const [after] = await server.session.admin<{ oid: number; password: string | null }[]>`
      SELECT oid::int AS oid, rolpassword AS password FROM pg_authid WHERE rolname = ${plan.role}`;
    expect(after?.oid).toBe(before?.oid);
    expect(scramVerifierMatches(after?.password ?? '', plan.password)).toBe(true);
    const inspection = await inspectDatabase(server.session, plan.database);
    expect(inspection.exists && inspection.tables.map((table) => table.name)).toEqual(
      ecommerceDesign.tables.map((table) => table.name).sort(),
    );
    expect(await tryLogin(loginUrl(server, plan.role, plan.password, plan.database))).toEqual({
      user: plan.role,
      database: plan.database,
    });
  });

  test("dropping only the database refuses one that is not this design's", async () => {
    const plan = server.plan(ecommerceDesign, { ddl: '' });
    await provision(server.session, plan);
    await expect(dropDatabase(server.session, { ...plan, designId: 'someone-else' })).rejects.toMatchObject({
      code: 'NOT_OURS',
    });
    expect((await server.existing()).databases).toContain(plan.database);
  });
});

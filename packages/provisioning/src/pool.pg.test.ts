import { randomUUID } from 'node:crypto';
import { quoteIdent } from '@schema-builder/schema-model/sql';
import { blogDesign, ecommerceDesign } from '@schema-builder/testing/fixtures';
import postgres from 'postgres';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { inspectDatabase } from './inspect.ts';
import { type Marker, parseMarker } from './markers.ts';
import type { ProvisionPlan } from './plan.ts';
import { dropPool, ensurePool, listPoolDatabases } from './pool.ts';
import { provision, provisionSteps } from './provision.ts';
import { snapshot } from './provisioned-snapshot.test-support.ts';
import { reconcile, removeDeployment } from './reconcile.ts';
import { openTarget, type TargetSession } from './session.ts';
import { ensureDatabase } from './steps/database.ts';
import { databaseUrl } from './targets.ts';
import { loginUrl, openTestServer, type TestServer, tryLogin } from './test-server.test-support.ts';

let server: TestServer;
beforeAll(() => {
  server = openTestServer();
});
afterAll(async () => {
  await server?.cleanup();
});

/** Empties the pool, then fills it to `size`: each test starts from a known pool. */
async function poolOf(size: number): Promise<string[]> {
  await dropPool(server.session);
  await ensurePool(server.session, { size, prefix: server.prefix });
  return listPoolDatabases(server.session);
}

/** Provisions `plan` and returns how its database step got the database. */
async function provisionReporting(session: TargetSession, plan: ProvisionPlan): Promise<string | undefined> {
  let outcome: string | undefined;
  await provision(session, plan, {
    onStep: (name, detail) => {
      if (name === 'database') outcome = detail;
    },
  });
  return outcome;
}

/** `datacl` with the design's role written as ROLE, and the grantor of PUBLIC's entries kept. */
async function aclOf(plan: ProvisionPlan): Promise<string[] | null> {
  const [row] = await server.session.admin<{ acl: string[] | null }[]>`
    SELECT datacl::text[] AS acl FROM pg_database WHERE datname = ${plan.database}`;
  return row?.acl?.map((item) => item.replaceAll(plan.role, 'ROLE')) ?? null;
}

/** A snapshot with the plan's names, ids and times taken out, so two builds compare equal. */
async function comparable(plan: ProvisionPlan) {
  const state = await snapshot(server, plan);
  const marker = (comment: string | null | undefined) => {
    const parsed = parseMarker(comment);
    if (!parsed) return null;
    const { createdAt: _createdAt, designId: _designId, database: _database, ...rest } = parsed;
    return rest satisfies Partial<Marker>;
  };
  const named = (text: string) => text.replaceAll(plan.role, 'ROLE');
  return {
    role: state.role && { ...state.role, comment: marker(state.role.comment) },
    database: state.database && {
      owner: named(state.database.owner),
      publicPrivileges: state.database.publicPrivileges,
      comment: marker(state.database.comment),
      acl: await aclOf(plan),
    },
    inside: state.inside && {
      schemaOwner: named(state.inside.schemaOwner),
      schemaPublicPrivileges: state.inside.schemaPublicPrivileges,
      schemaComment: marker(state.inside.schemaComment),
      objects: state.inside.objects.map(named),
    },
  };
}

describe('ensurePool', () => {
  beforeEach(async () => {
    await dropPool(server.session);
  });

  test('creates exactly `size` empty databases, closed to PUBLIC, and is idempotent', async () => {
    const first = await ensurePool(server.session, { size: 2, prefix: server.prefix });
    expect(first).toMatchObject({ available: 2 });
    expect(first.created).toHaveLength(2);
    const again = await ensurePool(server.session, { size: 2, prefix: server.prefix });
    expect(again).toEqual({ created: [], available: 2 });
    const smaller = await ensurePool(server.session, { size: 1, prefix: server.prefix });
    expect(smaller).toEqual({ created: [], available: 2 });

    const pool = await listPoolDatabases(server.session);
    expect(pool.sort()).toEqual([...first.created].sort());
    for (const name of pool) {
      expect(name).toMatch(/^[a-z][a-z0-9_]*$/);
      expect(name.startsWith(`${server.prefix}_pool_`)).toBe(true);
      const [row] = await server.session.admin<{ comment: string | null; publicPrivileges: string[] }[]>`
        SELECT shobj_description(d.oid, 'pg_database') AS comment,
               ARRAY(SELECT a.privilege_type FROM aclexplode(d.datacl) a WHERE a.grantee = 0) AS "publicPrivileges"
        FROM pg_database d WHERE d.datname = ${name}`;
      expect(parseMarker(row?.comment)).toMatchObject({
        kind: 'pool',
        instance: server.session.instance,
        deployment: server.session.deployment,
        database: name,
      });
      expect(row?.publicPrivileges).toEqual([]);
    }
  });

  test('concurrent callers together create exactly `size`', async () => {
    const others = [1, 2].map(() =>
      openTarget(server.session.target, {
        instance: server.session.instance,
        deployment: server.session.deployment,
      }),
    );
    try {
      const results = await Promise.all(
        [server.session, ...others].map((session) => ensurePool(session, { size: 3, prefix: server.prefix })),
      );
      expect(results.flatMap((result) => result.created)).toHaveLength(3);
      expect(await listPoolDatabases(server.session)).toHaveLength(3);
    } finally {
      await Promise.all(others.map((session) => session.close()));
    }
  });

  test('finishes a pool database a crash left between CREATE DATABASE and its marker', async () => {
    const [leftover] = await poolOf(1);
    if (!leftover) throw new Error('no pool database');
    // What a crash right after CREATE DATABASE leaves: no COMMENT, PUBLIC's default rights.
    await server.session.admin.unsafe(`COMMENT ON DATABASE ${quoteIdent(leftover)} IS NULL`);
    await server.session.admin.unsafe(
      `GRANT CONNECT, TEMPORARY ON DATABASE ${quoteIdent(leftover)} TO PUBLIC`,
    );
    expect(await listPoolDatabases(server.session)).toEqual([]);

    expect(await ensurePool(server.session, { size: 1, prefix: server.prefix })).toEqual({
      created: [leftover],
      available: 1,
    });
    expect(await listPoolDatabases(server.session)).toEqual([leftover]);
  });

  test('is per deployment: another with the same DEPLOYMENT_ID neither sees, claims nor drops it', async () => {
    const pool = await poolOf(2);
    const twin = openTarget(server.session.target, {
      instance: server.session.instance,
      deployment: randomUUID(),
    });
    try {
      expect(await listPoolDatabases(twin)).toEqual([]);
      expect(await provisionReporting(twin, server.plan(ecommerceDesign))).toBe('created');
      expect(await listPoolDatabases(server.session)).toEqual(pool);
      expect(await dropPool(twin)).toEqual([]);
      await removeDeployment(twin);
      expect(await listPoolDatabases(server.session)).toEqual(pool);
    } finally {
      await twin.close();
    }
  });

  test('reconcile leaves unclaimed pool databases alone', async () => {
    const pool = await poolOf(2);
    expect(await reconcile(server.session, { dead: async (names) => new Set(names) })).toMatchObject({
      droppedDatabases: [],
    });
    expect((await listPoolDatabases(server.session)).sort()).toEqual(pool.sort());
  });

  test("a design's role cannot log in to a pool database", async () => {
    await poolOf(0);
    const plan = server.plan(blogDesign, { ddl: '' });
    await provision(server.session, plan);
    const [name] = await poolOf(1);
    if (!name) throw new Error('no pool database');
    expect(await tryLogin(loginUrl(server, plan.role, plan.password, name))).toEqual({ refused: '42501' });
  });
});

describe('provisioning with a warm pool', () => {
  test('claims one pool database, and builds exactly what CREATE DATABASE builds', async () => {
    await poolOf(0);
    const created = server.plan(ecommerceDesign);
    expect(await provisionReporting(server.session, created)).toBe('created');

    const pool = await poolOf(2);
    const claimed = server.plan(ecommerceDesign);
    expect(await provisionReporting(server.session, claimed)).toBe('claimed');
    const left = await listPoolDatabases(server.session);
    expect(left).toHaveLength(1);
    expect(pool).toEqual(expect.arrayContaining(left));

    const state = await snapshot(server, claimed);
    expect(state.database).toMatchObject({ owner: claimed.role, publicPrivileges: [] });
    expect(parseMarker(state.database?.comment)).toMatchObject({
      kind: 'database',
      instance: server.session.instance,
      deployment: server.session.deployment,
      designId: claimed.designId,
      database: claimed.database,
    });
    const inspection = await inspectDatabase(server.session, claimed.database);
    expect(inspection.exists && inspection.tables.map((table) => table.name)).toEqual(
      ecommerceDesign.tables.map((table) => table.name).sort(),
    );
    expect(await tryLogin(loginUrl(server, claimed.role, claimed.password, claimed.database))).toEqual({
      user: claimed.role,
      database: claimed.database,
    });
    const viaPool = await comparable(claimed);
    expect(viaPool.database?.acl).toEqual(['ROLE=CTc/ROLE']);
    expect(viaPool).toEqual(await comparable(created));
  });

  test('falls back to CREATE DATABASE when the pool is empty', async () => {
    await poolOf(0);
    const plan = server.plan(blogDesign);
    expect(await provisionReporting(server.session, plan)).toBe('created');
    expect(await listPoolDatabases(server.session)).toEqual([]);
  });

  test('skips a pool database someone is connected to', async () => {
    const [busy] = await poolOf(1);
    if (!busy) throw new Error('no pool database');
    const client = postgres(databaseUrl(server.url, busy), { max: 1, onnotice: () => {} });
    try {
      await client`SELECT 1`;
      const plan = server.plan(blogDesign, { ddl: '' });
      expect(await provisionReporting(server.session, plan)).toBe('created');
      expect(await listPoolDatabases(server.session)).toEqual([busy]);
    } finally {
      await client.end({ timeout: 5 });
    }
  });

  test('concurrent provisions never claim the same pool database', async () => {
    const pool = await poolOf(2);
    const sessions = [1, 2, 3, 4].map(() =>
      openTarget(server.session.target, {
        instance: server.session.instance,
        deployment: server.session.deployment,
      }),
    );
    try {
      const plans = sessions.map(() => server.plan(blogDesign));
      const outcomes = await Promise.all(
        sessions.map((session, i) => provisionReporting(session, plans[i] as ProvisionPlan)),
      );
      expect(outcomes.filter((outcome) => outcome === 'claimed')).toHaveLength(2);
      expect(outcomes.filter((outcome) => outcome === 'created')).toHaveLength(2);
      expect(await listPoolDatabases(server.session)).toEqual([]);
      const present = await server.existing();
      for (const name of pool) expect(present.databases).not.toContain(name);
      for (const plan of plans) {
        expect(present.databases).toContain(plan.database);
        const state = await snapshot(server, plan);
        expect(state.database?.owner).toBe(plan.role);
        expect(parseMarker(state.database?.comment)).toMatchObject({ designId: plan.designId });
      }
    } finally {
      await Promise.all(sessions.map((session) => session.close()));
    }
  });

  test('a retry after a crash following the claim finds the database by its name and finishes it', async () => {
    await poolOf(2);
    const plan = server.plan(blogDesign);
    // The role step, then the claim, then the crash: restrict and schema never ran.
    await provisionSteps[0]?.run(server.session, plan);
    expect(await ensureDatabase(server.session, plan)).toBe('claimed');
    expect(await listPoolDatabases(server.session)).toHaveLength(1);

    expect(await provisionReporting(server.session, plan)).toBe('existing');
    expect(await listPoolDatabases(server.session)).toHaveLength(1);
    const state = await snapshot(server, plan);
    expect(state.database).toMatchObject({ owner: plan.role, publicPrivileges: [] });
    expect(parseMarker(state.inside?.schemaComment)).toMatchObject({ kind: 'schema', version: 1 });
  });
});

describe('removeDeployment', () => {
  test('drops the pool databases too, crash leftovers included', async () => {
    const [leftover] = await poolOf(3);
    if (!leftover) throw new Error('no pool database');
    await server.session.admin.unsafe(`COMMENT ON DATABASE ${quoteIdent(leftover)} IS NULL`);
    const plan = server.plan(blogDesign, { ddl: '' });
    expect(await provisionReporting(server.session, plan)).toBe('claimed');
    const marked = await listPoolDatabases(server.session);
    expect(marked).toHaveLength(1);

    const result = await removeDeployment(server.session);
    // Everything this file's deployment built (earlier tests' designs too), and the whole pool.
    expect(result.droppedDatabases).toEqual(expect.arrayContaining([leftover, ...marked, plan.database]));
    expect(await listPoolDatabases(server.session)).toEqual([]);
    expect((await server.existing()).databases).toEqual([]);
  });
});

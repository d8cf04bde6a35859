import { blogDesign } from '@schema-builder/testing/fixtures';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ProvisionPlan } from './plan.ts';
import { provision } from './provision.ts';
import { loginUrl, openTestServer, type TestServer, tryLogin } from './test-server.test-support.ts';

let server: TestServer;
let a: ProvisionPlan;
let b: ProvisionPlan;

beforeAll(async () => {
  server = openTestServer();
  a = server.plan(blogDesign);
  b = server.plan(blogDesign);
  await provision(server.session, a);
  await provision(server.session, b);
});
afterAll(async () => {
  await server?.cleanup();
});

async function asRole<T>(plan: ProvisionPlan, work: (sql: postgres.Sql) => Promise<T>): Promise<T> {
  const sql = postgres(loginUrl(server, plan.role, plan.password, plan.database), {
    max: 1,
    onnotice: () => {},
  });
  try {
    return await work(sql);
  } finally {
    await sql.end({ timeout: 5 });
  }
}

async function sqlStateOf(run: () => Promise<unknown>): Promise<string | undefined> {
  try {
    await run();
  } catch (error) {
    return error instanceof postgres.PostgresError ? error.code : `not a PostgresError: ${String(error)}`;
  }
  return undefined;
}

describe('isolation between provisioned databases', () => {
  test("role A, with its own valid password, cannot connect to B's database", async () => {
    // The CONNECT privilege is checked after authentication, whatever pg_hba's method: even
    // under `trust` (which skips only the password check) the refusal below is PostgreSQL's
    // "permission denied for database" (42501), so this login attempt is meaningful anywhere.
    expect(await tryLogin(loginUrl(server, a.role, a.password, b.database))).toEqual({ refused: '42501' });
    expect(await tryLogin(loginUrl(server, a.role, a.password, a.database))).toEqual({
      user: a.role,
      database: a.database,
    });
  });

  test("the role, with its own valid password, cannot connect to the server's shared databases", async () => {
    // The admin URL's database is the metadata database in a single-server deployment.
    const adminDatabase = decodeURIComponent(new URL(server.url).pathname.slice(1)) || 'postgres';
    const shared = [...new Set(['postgres', 'template1', adminDatabase])];
    const logins = await Promise.all(
      shared.map(async (database) => ({
        database,
        login: await tryLogin(loginUrl(server, a.role, a.password, database)),
      })),
    );
    // 42501 is the CONNECT privilege's refusal, checked after authentication even under `trust`.
    expect(logins).toEqual(shared.map((database) => ({ database, login: { refused: '42501' } })));
  });

  test('provisioning again leaves the shared databases closed and their ACLs unchanged', async () => {
    const aclOf = async () =>
      server.session.admin<{ name: string; acl: string[] | null }[]>`
        SELECT datname AS name, datacl::text[] AS acl FROM pg_database
        WHERE datname IN ('postgres', 'template1', current_database()) ORDER BY 1`;
    const before = await aclOf();
    await provision(server.session, a);
    expect(await aclOf()).toEqual(before);
    const [open] = await server.session.admin<{ count: number }[]>`
      SELECT count(*)::int AS count FROM pg_database
      WHERE datname IN ('postgres', 'template1', current_database())
        AND has_database_privilege('public', oid, 'CONNECT')`;
    expect(open?.count).toBe(0);
  });

  test('only the owner may connect or create temporary tables: nothing is granted to PUBLIC', async () => {
    const pairs = [a, b].flatMap((db) => [a, b].map((role) => ({ db, role })));
    const actual = await Promise.all(
      pairs.map(async ({ db, role }) => {
        const [row] = await server.session.admin<{ connect: boolean; temp: boolean }[]>`
          SELECT has_database_privilege(${role.role}, ${db.database}, 'CONNECT') AS connect,
                 has_database_privilege(${role.role}, ${db.database}, 'TEMPORARY') AS temp`;
        return row;
      }),
    );
    expect(actual).toEqual(pairs.map(({ db, role }) => ({ connect: db === role, temp: db === role })));
    const [publicGrants] = await server.session.admin<{ count: number }[]>`
      SELECT count(*)::int AS count FROM pg_database d, aclexplode(d.datacl) acl
      WHERE d.datname IN (${a.database}, ${b.database}) AND acl.grantee = 0`;
    expect(publicGrants?.count).toBe(0);
  });

  test('a role cannot become another, nor create databases or roles', async () => {
    await asRole(a, async (sql) => {
      expect(await sqlStateOf(() => sql.unsafe(`SET ROLE "${b.role}"`))).toBe('42501');
      expect(await sqlStateOf(() => sql.unsafe('CREATE DATABASE sbt_never_created'))).toBe('42501');
      expect(await sqlStateOf(() => sql.unsafe('CREATE ROLE sbt_never_created'))).toBe('42501');
    });
  });

  test('the role owns its schema: it can create and drop its own tables', async () => {
    await asRole(a, async (sql) => {
      await sql`CREATE TABLE scratch (id int)`;
      await sql`DROP TABLE scratch`;
    });
  });

  test('where the server checks passwords, a wrong one is refused', async (context) => {
    const wrong = await tryLogin(loginUrl(server, a.role, b.password, a.database));
    if (!('refused' in wrong))
      context.skip('the server trusts TCP logins from here (pg_hba trust): no password check to test');
    expect(wrong).toEqual({ refused: '28P01' });
  });
});

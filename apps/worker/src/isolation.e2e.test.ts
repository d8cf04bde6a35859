import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  adminUrlOf,
  type Credentials,
  connectWith,
  credentialsOf,
  readyDatabase,
  sqlStateOf,
  tryLogin,
  withUrl,
} from './e2e.test-support.ts';
import { startTestStack, type TestStack } from './test-stack.test-support.ts';

/**
 * Two designs' databases on the single-server deployment (the metadata server is the target),
 * checked by really logging in as database A's role. Under `trust` authentication the password
 * is not checked, but the CONNECT privilege is (after authentication), so the refusals are real.
 */
let stack: TestStack;
let a: Credentials;
let b: Credentials;
let metadataDatabase: string;

beforeAll(async () => {
  stack = await startTestStack();
  await stack.startWorker();
  const [first, second] = await Promise.all([
    readyDatabase(stack, 'isolated a'),
    readyDatabase(stack, 'isolated b'),
  ]);
  a = await credentialsOf(stack, first.schemaId);
  b = await credentialsOf(stack, second.schemaId);
  metadataDatabase = decodeURIComponent(
    new URL(String(stack.h.services.config.DATABASE_URL)).pathname.slice(1),
  );
});
afterAll(() => stack?.close());

describe("a database's role, logging in with its own credentials", () => {
  test('reaches its own database', async () => {
    expect(await tryLogin(a.url)).toEqual({ user: a.user, database: a.database });
  });

  test("is refused (42501, no CONNECT privilege) on another design's database and the server's shared ones", async () => {
    const others = () => [
      { name: "design B's database", database: b.database },
      { name: 'postgres', database: 'postgres' },
      { name: 'template1', database: 'template1' },
      { name: 'the metadata database', database: metadataDatabase },
    ];
    const logins = await Promise.all(
      others().map(async ({ name, database }) => ({
        name,
        login: await tryLogin(withUrl(a.url, { database })),
      })),
    );
    expect(logins).toEqual(others().map(({ name }) => ({ name, login: { refused: '42501' } })));
  });

  test.each([
    ['CREATE DATABASE', 'CREATE DATABASE sb_e2e_never_created'],
    ['CREATE ROLE', 'CREATE ROLE sb_e2e_never_created'],
    ["SET ROLE to B's role", 'SET ROLE "{b}"'],
    ['ALTER ROLE itself to CREATEDB', 'ALTER ROLE CURRENT_USER CREATEDB'],
  ])('cannot act outside its database: %s is refused with 42501', async (_name, statement) => {
    const sqlState = await connectWith(a.url, (sql) =>
      sqlStateOf(() => sql.unsafe(statement.replace('{b}', b.user))),
    );
    expect(sqlState).toBe('42501');
  });
});

describe("the databases' access lists", () => {
  test('PUBLIC has neither CONNECT nor TEMPORARY; only the own role may connect', async () => {
    const rows = await connectWith(
      adminUrlOf(stack, 'default'),
      (sql) => sql<
        {
          database: string;
          publicGrants: number;
          publicConnect: boolean;
          publicTemp: boolean;
          aConnects: boolean;
          bConnects: boolean;
        }[]
      >`
      SELECT d.datname AS database,
             (SELECT count(*)::int FROM aclexplode(d.datacl) acl WHERE acl.grantee = 0) AS "publicGrants",
             has_database_privilege('public', d.oid, 'CONNECT') AS "publicConnect",
             has_database_privilege('public', d.oid, 'TEMPORARY') AS "publicTemp",
             has_database_privilege(${a.user}, d.oid, 'CONNECT') AS "aConnects",
             has_database_privilege(${b.user}, d.oid, 'CONNECT') AS "bConnects"
      FROM pg_database d WHERE d.datname IN (${a.database}, ${b.database}) ORDER BY d.datname = ${b.database}`,
    );
    // datacl is NULL only while the defaults (PUBLIC may CONNECT and TEMP) apply: it must be set.
    const acls = await connectWith(
      adminUrlOf(stack, 'default'),
      (sql) => sql<{ acl: string | null }[]>`
      SELECT datacl::text AS acl FROM pg_database WHERE datname IN (${a.database}, ${b.database})`,
    );
    expect(acls.every((row) => row.acl !== null && !/(^|[{,])=/.test(row.acl))).toBe(true);
    expect(rows).toEqual([
      {
        database: a.database,
        publicGrants: 0,
        publicConnect: false,
        publicTemp: false,
        aConnects: true,
        bConnects: false,
      },
      {
        database: b.database,
        publicGrants: 0,
        publicConnect: false,
        publicTemp: false,
        aConnects: false,
        bConnects: true,
      },
    ]);
  });
});

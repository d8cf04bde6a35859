/**
 * Helpers for this package's PostgreSQL tests (not shipped: nothing imports it but *.test.ts).
 * Every name a test creates starts with a prefix unique to the test file's run, and `cleanup`
 * drops exactly those, so tests never touch anything else on a shared server.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { generateDdl } from '@schema-builder/schema-model/ddl';
import type { DesignDocument } from '@schema-builder/schema-model/design';
import { quoteIdent } from '@schema-builder/schema-model/sql';
import { parseDesign } from '@schema-builder/schema-model/validation';
import { serverUrl } from '@schema-builder/testing/postgres';
import postgres from 'postgres';
import { generateNames } from './names.ts';
import type { ProvisionPlan } from './plan.ts';
import { generatePassword } from './scram.ts';
import { openTarget, type TargetSession } from './session.ts';
import { databaseUrl } from './targets.ts';

export interface TestServer {
  /** `sbt` + 5 random characters: the first part of every name this run creates. */
  prefix: string;
  url: string;
  session: TargetSession;
  /** A fresh plan (new names, password, design id) for `design`. */
  plan(design: DesignDocument, overrides?: Partial<ProvisionPlan>): ProvisionPlan;
  /** This run's databases and roles on the server, by name. */
  existing(): Promise<{ databases: string[]; roles: string[] }>;
  cleanup(): Promise<void>;
}

export function ddlOf(design: DesignDocument): string {
  const parsed = parseDesign(design);
  if (!parsed.ok) throw new Error(`test design ${design.name} is invalid`);
  return generateDdl(parsed.design).sql;
}

export function openTestServer(): TestServer {
  const prefix = `sbt${randomBytes(4).readUInt32BE().toString(36).padStart(7, '0').slice(-5)}`;
  const url = serverUrl();
  const session = openTarget(
    { name: 'test', adminUrl: url },
    {
      instance: `test-${prefix}`,
      deployment: randomUUID(),
      poolSize: 2,
    },
  );
  const ours = (name: string) => name.startsWith(`${prefix}_`);
  let designs = 0;
  const existing = async () => {
    const databases = await session.admin<
      { name: string }[]
    >`SELECT datname AS name FROM pg_database ORDER BY 1`;
    const roles = await session.admin<{ name: string }[]>`SELECT rolname AS name FROM pg_roles ORDER BY 1`;
    return {
      databases: databases.map((row) => row.name).filter(ours),
      roles: roles.map((row) => row.name).filter(ours),
    };
  };
  return {
    prefix,
    url,
    session,
    existing,
    plan(design, overrides = {}) {
      designs += 1;
      const designId = `design-${designs}`;
      const names = generateNames({ owner: 'tester', designName: design.name, prefix });
      return {
        designId,
        ...names,
        password: generatePassword(),
        version: 1,
        ddl: ddlOf(design),
        ...overrides,
      };
    },
    async cleanup() {
      const left = await existing();
      for (const name of left.databases)
        await session.admin.unsafe(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`);
      for (const name of left.roles) await session.admin.unsafe(`DROP ROLE IF EXISTS ${quoteIdent(name)}`);
      await session.close();
    },
  };
}

/** A connection URL for `role` with `password` to `database` on the test server. */
export function loginUrl(server: TestServer, role: string, password: string, database: string): string {
  const url = new URL(databaseUrl(server.url, database));
  url.username = role;
  url.password = encodeURIComponent(password);
  return url.toString();
}

/** Logs in and returns current_user and the database, or the SQLSTATE of the refusal. */
export async function tryLogin(
  url: string,
): Promise<{ user: string; database: string } | { refused: string }> {
  const sql = postgres(url, { max: 1, onnotice: () => {}, connect_timeout: 10 });
  try {
    const [row] = await sql<{ user: string; database: string }[]>`
      SELECT current_user AS user, current_database() AS database`;
    if (!row) throw new Error('no row');
    return row;
  } catch (error) {
    if (error instanceof postgres.PostgresError) return { refused: error.code };
    throw error;
  } finally {
    await sql.end({ timeout: 5 });
  }
}

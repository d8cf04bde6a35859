import { randomBytes } from 'node:crypto';
import { startEmbeddedPostgres } from '@schema-builder/db/embedded';
import { quoteIdent } from '@schema-builder/schema-model/sql';
import { configuredServerUrl, embeddedTestDataDir } from '@schema-builder/testing/env';
import { freePort } from '@schema-builder/testing/free-port';
import postgres from 'postgres';

/**
 * The PostgreSQL server the tests' users connect to, browse and import: TEST_DATABASE_URL or
 * DATABASE_URL (the machine's), or an embedded one started for the run.
 */
export async function startTargetServer(): Promise<{ url: string; stop: () => Promise<void> }> {
  if (configuredServerUrl) return { url: configuredServerUrl, stop: async () => {} };
  const server = await startEmbeddedPostgres({
    dataDir: embeddedTestDataDir,
    port: await freePort(),
    database: 'postgres',
  });
  return { url: server.adminUrl, stop: () => server.stop() };
}

export interface TargetDatabase {
  name: string;
  /** postgres://…/name on the target server. */
  url: string;
  host: string;
  port: number;
  user: string;
  /** Empty when the server trusts the user (the machine's); set for the embedded one. */
  password: string;
  sql: postgres.Sql;
  drop(): Promise<void>;
}

/** A fresh database on the target server, filled by `setup` (plain SQL of the test's own). */
export async function createTargetDatabase(
  serverUrl: string,
  { prefix = 'sbweb', setup = '' }: { prefix?: string; setup?: string } = {},
): Promise<TargetDatabase> {
  const name = `${prefix}_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`CREATE DATABASE ${quoteIdent(name)}`);
  } finally {
    await admin.end({ timeout: 5 });
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const sql = postgres(url.toString(), { max: 2, onnotice: () => {} });
  if (setup) await sql.unsafe(setup);
  return {
    name,
    url: url.toString(),
    host: url.hostname,
    port: Number(url.port || 5432),
    user: decodeURIComponent(url.username || 'postgres'),
    password: decodeURIComponent(url.password),
    sql,
    async drop() {
      await sql.end({ timeout: 5 });
      const dropper = postgres(serverUrl, { max: 1, onnotice: () => {} });
      try {
        await dropper.unsafe(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`);
      } finally {
        await dropper.end({ timeout: 5 });
      }
    },
  };
}

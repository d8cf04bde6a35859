import { randomBytes } from 'node:crypto';
import { quoteIdent } from '@schema-builder/schema-model/sql';
import postgres from 'postgres';
import { inject } from 'vitest';
import './provided-context.ts';

export interface TestDatabase {
  name: string;
  url: string;
  sql: postgres.Sql;
  drop: () => Promise<void>;
}

function withDatabase(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/** The server every test of this run uses (see global-setup.ts). */
export function serverUrl(): string {
  const url = inject('postgresServerUrl');
  // A pure-tier (unit) file gets no server: the database tier's global setup is what provides it.
  if (!url) throw new Error('no PostgreSQL in this tier: a test that needs one is named *.pg.test.ts');
  return url;
}

/**
 * A fresh, empty database on the test server, unique to the caller, so test files can run in
 * parallel. `drop()` removes it (forcibly closing leftover connections).
 */
export async function createTestDatabase(prefix = 'sbtest'): Promise<TestDatabase> {
  const base = serverUrl();
  const name = `${prefix}_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  const admin = postgres(base, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`CREATE DATABASE ${quoteIdent(name)}`);
  } finally {
    await admin.end({ timeout: 5 });
  }
  const url = withDatabase(base, name);
  const sql = postgres(url, { max: 4, onnotice: () => {} });
  return {
    name,
    url,
    sql,
    drop: async () => {
      await sql.end({ timeout: 5 });
      const dropper = postgres(base, { max: 1, onnotice: () => {} });
      try {
        await dropper.unsafe(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`);
      } finally {
        await dropper.end({ timeout: 5 });
      }
    },
  };
}

import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startEmbeddedPostgres } from '@schema-builder/db/embedded';
import { quoteIdent } from '@schema-builder/schema-model/sql';
import postgres from 'postgres';
import { benchEnv } from './env.ts';

/** The bench's own admin sessions say so, and are not counted as other load on the server. */
export const BENCH_APPLICATION_NAME = 'schema-builder-bench';

const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));

/** A fresh database for one bench run, on DATABASE_URL's server or an embedded one. */
export async function benchDatabase(): Promise<{ url: string; server: string; drop: () => Promise<void> }> {
  let serverUrl = benchEnv.DATABASE_URL;
  let stop = async () => {};
  let server = 'DATABASE_URL';
  if (!serverUrl) {
    const embedded = await startEmbeddedPostgres({
      dataDir: path.join(repoRoot, '.data/bench-postgres'),
      port: 54_331,
      database: 'postgres',
    });
    serverUrl = embedded.adminUrl;
    stop = embedded.stop;
    server = 'embedded PostgreSQL';
  }
  const name = `sbbench_${randomBytes(4).toString('hex')}`;
  const admin = postgres(serverUrl, {
    max: 1,
    onnotice: () => {},
    connection: { application_name: BENCH_APPLICATION_NAME },
  });
  await admin.unsafe(`CREATE DATABASE ${quoteIdent(name)}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    server,
    drop: async () => {
      await admin.unsafe(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`);
      await admin.end({ timeout: 5 });
      await stop();
    },
  };
}

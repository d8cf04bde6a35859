import path from 'node:path';
import { createDatabase, runMigrations } from '@schema-builder/db';
import { startEmbeddedPostgres } from '@schema-builder/db/embedded';
import type { FastifyBaseLogger } from 'fastify';
import { createCredentialCache } from './domain/auth/credential-cache.ts';
import type { Config } from './env.ts';
import type { Services } from './trpc/context.ts';

export interface StartedServices {
  services: Services;
  /** Closes the pool and stops the embedded server, if one was started. */
  close: () => Promise<void>;
}

/**
 * Connects to the metadata database (starting an embedded PostgreSQL when DATABASE_URL is
 * unset) and applies pending migrations.
 */
export async function startServices(config: Config, log: FastifyBaseLogger): Promise<StartedServices> {
  let url = config.DATABASE_URL;
  let stopEmbedded = async () => {};
  if (!url) {
    const dataDir = path.resolve(config.DATA_DIR, 'postgres');
    log.info(
      { dataDir, port: config.EMBEDDED_POSTGRES_PORT },
      'DATABASE_URL is not set: starting embedded PostgreSQL',
    );
    const server = await startEmbeddedPostgres({
      dataDir,
      port: config.EMBEDDED_POSTGRES_PORT,
      database: 'schema_builder',
      onLog: (message) => log.debug({ postgres: message.trim() }, 'embedded postgres'),
    });
    log.info(
      { dataDir, port: config.EMBEDDED_POSTGRES_PORT },
      'embedded PostgreSQL is running; its data survives restarts in the data directory',
    );
    url = server.url;
    stopEmbedded = server.stop;
  }
  await runMigrations(url);
  const connected = connectServices(config, url);
  return {
    services: connected.services,
    close: async () => {
      await connected.close();
      await stopEmbedded();
    },
  };
}

/** The services over an already migrated metadata database at `url`. */
export function connectServices(config: Config, url: string): StartedServices {
  const { db, sql, close } = createDatabase({ url, max: config.DATABASE_POOL_SIZE });
  const credentialCache = createCredentialCache(config.AUTH_CACHE_SECONDS);
  return { services: { config, db, sql, credentialCache, startedAt: new Date() }, close };
}

import path from 'node:path';
import { type EmbeddedServer, startEmbeddedPostgres } from '@schema-builder/db/embedded';
import type { Config } from './env.ts';

/** The log calls this needs: pino's and Fastify's loggers both have them. */
interface Log {
  info(fields: object, message: string): void;
  debug(fields: object, message: string): void;
  warn(message: string): void;
}

/**
 * The metadata database when DATABASE_URL is unset: an embedded PostgreSQL keeping its data in
 * DATA_DIR/postgres, so it survives restarts. Started by the supervisor of `pnpm start`, or by
 * an API started alone.
 */
export async function startEmbeddedMetadataDatabase(
  config: Pick<Config, 'DATA_DIR' | 'EMBEDDED_POSTGRES_PORT'>,
  log: Log,
): Promise<EmbeddedServer> {
  const dataDir = path.resolve(config.DATA_DIR, 'postgres');
  const port = config.EMBEDDED_POSTGRES_PORT;
  log.info({ dataDir, port }, 'DATABASE_URL is not set: starting embedded PostgreSQL');
  const server = await startEmbeddedPostgres({
    dataDir,
    port,
    database: 'schema_builder',
    onLog: (message) => log.debug({ postgres: message.trim() }, 'embedded postgres'),
    onWarning: (message) => log.warn(message),
  });
  log.info(
    { dataDir, port },
    'embedded PostgreSQL is running; its data survives restarts in the data directory',
  );
  return server;
}

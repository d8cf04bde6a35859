import path from 'node:path';
import { createDatabase, type Database, runMigrations } from '@schema-builder/db';
import {
  type DeploymentIdentity,
  decodeKey,
  loadOrCreateKeyFile,
  SecretBox,
} from '@schema-builder/provisioning';
import type { FastifyBaseLogger } from 'fastify';
import type { Sql } from 'postgres';
import { type CredentialCache, createCredentialCache } from './domain/auth/credential-cache.ts';
import { createHostPolicy, type HostPolicy } from './domain/connections/host-policy.ts';
import { loadDeploymentIdentity } from './domain/databases/deployment.ts';
import { DatabaseEvents } from './domain/databases/events.ts';
import { JobQueue } from './domain/databases/queue.ts';
import { TargetRegistry } from './domain/databases/targets.ts';
import { startEmbeddedMetadataDatabase } from './embedded-metadata-database.ts';
import type { Config } from './env.ts';
import { registerCollectors } from './metrics/collectors.ts';
import { Metrics } from './metrics/metrics.ts';

/** Long-lived dependencies, created once at start and shared by every request. */
export interface Services {
  config: Config;
  db: Database;
  sql: Sql;
  credentialCache: CredentialCache;
  /** Seals and opens stored secrets (connection passwords). */
  secrets: SecretBox;
  /** Where saved connections may connect to. */
  hostPolicy: HostPolicy;
  /** The worker's job queue (pg-boss in the metadata database). */
  queue: JobQueue;
  /** Changes of provisioned databases, from every API instance (LISTEN), for subscribers and long polls. */
  events: DatabaseEvents;
  /** Servers that hold provisioned databases. */
  targets: TargetRegistry;
  /** This installation's name and the id stored in its metadata database (markers carry both). */
  deployment: DeploymentIdentity;
  /** Prometheus metrics of this process (GET /metrics). */
  metrics: Metrics;
  startedAt: Date;
}

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
    const server = await startEmbeddedMetadataDatabase(config, log);
    url = server.url;
    stopEmbedded = server.stop;
  }
  await runMigrations(url);
  const connected = await connectServices(config, url, log);
  return {
    services: connected.services,
    close: async () => {
      await connected.close();
      await stopEmbedded();
    },
  };
}

/** The services over an already migrated metadata database at `url`. */
export async function connectServices(
  config: Config,
  url: string,
  log?: FastifyBaseLogger,
  /**
   * For a test of a server whose database is down: `startQueue: false` leaves the job queue
   * stopped, and a given `deployment` is used instead of the one stored in the database.
   */
  options: { startQueue?: boolean; deployment?: DeploymentIdentity } = {},
): Promise<StartedServices> {
  const secrets = await secretBox(config, log);
  const { db, sql, close } = createDatabase({ url, max: config.DATABASE_POOL_SIZE });
  const credentialCache = createCredentialCache(config.AUTH_CACHE_SECONDS);
  // The metadata database is never a valid target for a saved connection.
  const hostPolicy = createHostPolicy({
    allowed: config.CONNECTIONS_ALLOWED_HOSTS,
    ownHosts: [new URL(url).hostname],
  });
  let deployment: DeploymentIdentity;
  try {
    deployment = options.deployment ?? (await loadDeploymentIdentity(db, config.DEPLOYMENT_ID));
  } catch (error) {
    await close();
    throw error;
  }
  const targets = TargetRegistry.fromConfig(config, url, deployment);
  const queue = new JobQueue(url, sql, {
    expireSeconds: config.JOB_EXPIRE_SECONDS,
    maintenanceSeconds: config.JOB_MAINTENANCE_SECONDS,
    retryLimit: config.JOB_RETRY_LIMIT,
  });
  const metrics = new Metrics();
  registerCollectors(metrics, { sql, queue, targets, poolSize: config.DATABASE_POOL_SIZE });
  const events = new DatabaseEvents(sql, () => log?.warn('ignored a malformed database event'));
  try {
    if (options.startQueue !== false) {
      await queue.start((error) => log?.error({ err: error }, 'job queue error'));
      await events.start();
    }
  } catch (error) {
    await close();
    throw error;
  }
  return {
    services: {
      config,
      db,
      sql,
      credentialCache,
      secrets,
      hostPolicy,
      queue,
      events,
      targets,
      deployment,
      metrics,
      startedAt: new Date(),
    },
    close: async () => {
      await events.stop();
      await queue.stop();
      await targets.close();
      await close();
    },
  };
}

/** The configured secret keys, or the key file kept in DATA_DIR (generated on first start). */
async function secretBox(config: Config, log?: FastifyBaseLogger): Promise<SecretBox> {
  const previous = config.SECRETS_PREVIOUS_KEYS.map((text) => ({ key: decodeKey(text) }));
  if (config.SECRETS_KEY) return new SecretBox({ key: decodeKey(config.SECRETS_KEY) }, previous);
  const file = path.resolve(config.DATA_DIR, 'secrets.key');
  const { key, created } = await loadOrCreateKeyFile(file);
  if (created) log?.warn({ file }, 'SECRETS_KEY is not set: generated a secret key file; back it up');
  return new SecretBox({ key }, previous);
}

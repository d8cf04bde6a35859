import type { Database } from '@schema-builder/db';
import type { DeploymentIdentity, SecretBox } from '@schema-builder/provisioning';
import type { FastifyBaseLogger, FastifyRequest } from 'fastify';
import type { Sql } from 'postgres';
import type { RequestOrigin } from '../domain/audit/record-event.ts';
import type { CredentialCache } from '../domain/auth/credential-cache.ts';
import type { Authentication } from '../domain/auth/principal.ts';
import type { HostPolicy } from '../domain/connections/host-policy.ts';
import type { DatabaseEvents } from '../domain/databases/events.ts';
import type { JobQueue } from '../domain/databases/queue.ts';
import type { TargetRegistry } from '../domain/databases/targets.ts';
import type { StoredJsonForm } from '../domain/stored-json.ts';
import type { Config } from '../env.ts';
import type { Metrics } from '../metrics/metrics.ts';

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

/** The user a procedure acts for; every owned resource is scoped to `id`. */
export interface User {
  id: string;
}

export interface Context {
  services: Services;
  /** Resolved once per request from its credentials (see http/authentication.ts). */
  auth: Authentication;
  origin: RequestOrigin;
  log: FastifyBaseLogger;
  /**
   * How a procedure hands back a stored document (domain/stored-json.ts): parsed when absent, or
   * as the stored text for the REST adapter, which writes it into the body as is.
   */
  storedJson?: StoredJsonForm;
}

declare module 'fastify' {
  interface FastifyRequest {
    authentication: Authentication | null;
  }
}

/**
 * One context factory for both transports (tRPC at /trpc, REST at /api/v1); REST asks for stored
 * documents as text.
 */
export function createContextFactory(services: Services, storedJson: StoredJsonForm = 'value') {
  return ({ req }: { req: FastifyRequest }): Context => ({
    services,
    auth: req.authentication ?? { principal: null },
    origin: { requestId: req.id, ip: req.ip },
    log: req.log,
    storedJson,
  });
}

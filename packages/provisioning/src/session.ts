import postgres from 'postgres';
import type { DeploymentIdentity } from './markers.ts';
import { databaseUrl, type TargetServer } from './targets.ts';

/** Our connections say who they are, so `inspect` can leave them out of a database's connection count. */
export const APPLICATION_NAME = 'schema-builder-provisioning';

/**
 * An admin connection to one target server, for one deployment (its `instance` name and
 * generated `deployment` id, written into markers).
 */
export interface TargetSession extends Readonly<DeploymentIdentity> {
  readonly target: TargetServer;
  /** Pool on the server's maintenance database (the adminUrl's database). */
  readonly admin: postgres.Sql;
  /** Runs `work` on a short-lived admin connection to another database of the server. */
  inDatabase<T>(
    database: string,
    work: (sql: postgres.Sql) => Promise<T>,
    options?: InDatabaseOptions,
  ): Promise<T>;
  close(): Promise<void>;
}

export interface InDatabaseOptions {
  /**
   * false: skip postgres.js's query of array types on connecting (arrays then come back as text).
   * The driver drops that query's promise (porsager/postgres#1192): when the database is dropped
   * while it runs, the failure escapes as an unhandled rejection, which stops the process, and the
   * caller's query may never settle. Reads that race a drop (a status check) and need no arrays
   * say false. Default true.
   */
  fetchTypes?: boolean;
}

export interface OpenTargetOptions extends DeploymentIdentity {
  // Only objects marked by this deployment (see markedBy) are ever changed or dropped.
  /** Admin connections kept to the server; one job needs one, concurrent jobs one each. */
  poolSize?: number;
}

function connect(url: string, max: number, fetchTypes = true): postgres.Sql {
  return postgres(url, {
    max,
    fetch_types: fetchTypes,
    onnotice: () => {},
    connect_timeout: 10,
    idle_timeout: 30,
    connection: { application_name: APPLICATION_NAME },
  });
}

export function openTarget(target: TargetServer, options: OpenTargetOptions): TargetSession {
  if (!/^[A-Za-z0-9_.:-]{1,64}$/.test(options.instance))
    throw new Error('instance must be 1-64 of [A-Za-z0-9_.:-]');
  if (!/^[A-Za-z0-9_.:-]{8,64}$/.test(options.deployment))
    throw new Error('deployment must be 8-64 of [A-Za-z0-9_.:-]');
  const admin = connect(target.adminUrl, options.poolSize ?? 2);
  return {
    target,
    instance: options.instance,
    deployment: options.deployment,
    admin,
    async inDatabase(database, work, inDatabaseOptions = {}) {
      const sql = connect(databaseUrl(target.adminUrl, database), 1, inDatabaseOptions.fetchTypes);
      try {
        return await work(sql);
      } finally {
        await sql.end({ timeout: 5 });
      }
    },
    close: () => admin.end({ timeout: 5 }),
  };
}

import { createHash, randomBytes } from 'node:crypto';
import { quoteIdent } from '@schema-builder/schema-model/sql';
import type postgres from 'postgres';
import type { Queryable } from './catalog.ts';
import { isPgError, step } from './errors.ts';
import { lockDesignObjects, withAdvisoryLock } from './locks.ts';
import { type DeploymentIdentity, designMarker, markerLiteral, parseMarker } from './markers.ts';
import type { DatabaseRef } from './plan.ts';
import type { TargetSession } from './session.ts';

/**
 * The warm pool: empty databases created ahead of time (from template0, owned by the admin,
 * PUBLIC's CONNECT and TEMPORARY revoked, marked `kind: 'pool'`), so the database step can
 * claim one with a rename instead of waiting for CREATE DATABASE.
 *
 * The pool is per deployment: its databases carry the deployment's generated id (in their name
 * and marker), and only that deployment lists, claims, finishes or drops them, so two
 * installations sharing a server and a DEPLOYMENT_ID still never take each other's.
 *
 * Names: `<prefix>_pool_<8 hex of the deployment id's SHA-256>_<10 random>`. CREATE DATABASE and
 * its COMMENT cannot be atomic; a crash between them leaves an admin-owned, uncommented database
 * with such a name. Pool work holds a per-deployment advisory lock, so under it such a database
 * can only be a crash's leftover of this deployment: `ensurePool` finishes it, `dropPool` drops it.
 */

export interface EnsurePoolOptions {
  /** How many unclaimed pool databases the server should hold for this deployment. */
  size: number;
  /** First part of the pool databases' names (`sb` by default), as for `generateNames`. */
  prefix?: string;
}

export interface EnsurePoolResult {
  /** Databases created (or finished after a crash) by this call. */
  created: string[];
  /** Unclaimed pool databases of this deployment after the call. */
  available: number;
}

const PREFIX = /^[a-z][a-z0-9]{0,9}$/;
const RANDOM_LENGTH = 10;

function deploymentTag(identity: DeploymentIdentity): string {
  return createHash('sha256').update(identity.deployment).digest('hex').slice(0, 8);
}

/** `^[a-z][a-z0-9]{0,9}_pool_<tag>_[a-z0-9]{10}$`: the names this deployment gives pool databases. */
function poolNamePattern(identity: DeploymentIdentity): string {
  return `^[a-z][a-z0-9]{0,9}_pool_${deploymentTag(identity)}_[a-z0-9]{${RANDOM_LENGTH}}$`;
}

function poolName(prefix: string, identity: DeploymentIdentity): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  let random = '';
  while (random.length < RANDOM_LENGTH)
    for (const byte of randomBytes(RANDOM_LENGTH))
      if (byte < 252 && random.length < RANDOM_LENGTH) random += alphabet[byte % 36];
  return `${prefix}_pool_${deploymentTag(identity)}_${random}`;
}

/** This deployment's pool databases: marked ones (`unmarked: false`) and crash leftovers. */
interface PoolDatabase {
  name: string;
  /** No COMMENT yet: a crash came between CREATE DATABASE and its marker. */
  unmarked: boolean;
  connections: number;
}

async function listPool(sql: Queryable, identity: DeploymentIdentity): Promise<PoolDatabase[]> {
  const rows = await sql<{ name: string; comment: string | null; connections: number }[]>`
    SELECT d.datname AS name, shobj_description(d.oid, 'pg_database') AS comment,
           (SELECT count(*)::int FROM pg_stat_activity a WHERE a.datid = d.oid) AS connections
    FROM pg_database d
    WHERE d.datname ~ ${poolNamePattern(identity)}
      AND d.datdba = (SELECT oid FROM pg_roles WHERE rolname = current_user)
    ORDER BY d.datname`;
  return rows.flatMap((row): PoolDatabase[] => {
    if (row.comment === null) return [{ name: row.name, unmarked: true, connections: row.connections }];
    const marker = parseMarker(row.comment);
    // Strictly our id: a pool database never predates it (older pools are left alone).
    return marker?.kind === 'pool' &&
      marker.instance === identity.instance &&
      marker.deployment === identity.deployment &&
      marker.database === row.name
      ? [{ name: row.name, unmarked: false, connections: row.connections }]
      : [];
  });
}

/**
 * Closes a pool database to PUBLIC and marks it, atomically: one simple query with two
 * statements runs as one implicit transaction (a reserved connection has no `begin`).
 */
async function finishPoolDatabase(
  sql: postgres.ReservedSql,
  identity: DeploymentIdentity,
  name: string,
): Promise<void> {
  const marker = markerLiteral({
    kind: 'pool',
    instance: identity.instance,
    deployment: identity.deployment,
    designId: '',
    database: name,
    createdAt: new Date().toISOString(),
  });
  await sql.unsafe(
    `REVOKE CONNECT, TEMPORARY ON DATABASE ${quoteIdent(name)} FROM PUBLIC; ` +
      `COMMENT ON DATABASE ${quoteIdent(name)} IS ${marker}`,
  );
}

/**
 * Runs `work` on one admin connection holding this deployment's pool lock; another connection's
 * pool work waits for it (a minute at most: see withAdvisoryLock).
 */
function underPoolLock<T>(
  session: TargetSession,
  work: (sql: postgres.ReservedSql) => Promise<T>,
): Promise<T> {
  return withAdvisoryLock(session, `schema-builder:pool:${session.deployment}`, 'exclusive', work);
}

/**
 * Tops the server up to `size` unclaimed pool databases of this deployment. Idempotent; concurrent
 * callers (several workers) take turns on an advisory lock, so together they never overshoot.
 */
export function ensurePool(session: TargetSession, options: EnsurePoolOptions): Promise<EnsurePoolResult> {
  const prefix = options.prefix ?? 'sb';
  if (!PREFIX.test(prefix)) throw new Error('a pool prefix must be [a-z][a-z0-9]{0,9}');
  if (!Number.isInteger(options.size) || options.size < 0)
    throw new Error('a pool size must be an integer ≥ 0');
  return step('fill pool', () =>
    underPoolLock(session, async (sql) => {
      const created: string[] = [];
      for (const leftover of (await listPool(sql, session)).filter((d) => d.unmarked)) {
        await finishPoolDatabase(sql, session, leftover.name);
        created.push(leftover.name);
      }
      let available = (await listPool(sql, session)).length;
      while (available < options.size) {
        const name = poolName(prefix, session);
        await sql.unsafe(`CREATE DATABASE ${quoteIdent(name)} TEMPLATE template0`);
        await finishPoolDatabase(sql, session, name);
        created.push(name);
        available += 1;
      }
      return { created, available };
    }),
  );
}

/** The unclaimed pool databases of this deployment, by name. */
export function listPoolDatabases(session: TargetSession): Promise<string[]> {
  return step('list pool', async () =>
    (await listPool(session.admin, session)).filter((d) => !d.unmarked).map((d) => d.name),
  );
}

/** Drops every pool database of this deployment, crash leftovers included: for removeDeployment. */
export function dropPool(session: TargetSession): Promise<string[]> {
  return step('drop pool', () =>
    underPoolLock(session, async (sql) => {
      const names = (await listPool(sql, session)).map((d) => d.name);
      for (const name of names) await sql.unsafe(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`);
      return names;
    }),
  );
}

const SKIPPABLE = [
  '55006', // object_in_use: someone connected to the pool database after we listed it
  '3D000', // invalid_catalog_name: another claimer renamed it, or it was dropped
];
const DUPLICATE_DATABASE = ['42P04', '23505'];

/**
 * Claims one pool database for `ref` in ONE transaction: renamed to the design's name, handed to
 * its role, and marked as the design's database, so a crash leaves either an unclaimed pool
 * database or the design's complete, marked database. Returns false when the pool has nothing
 * to give (or the database appeared meanwhile): the caller then creates it as usual.
 * Claimers never pick the same database: each takes a per-database advisory lock without
 * waiting (a locked one is being claimed) and renames inside a savepoint, skipping one that is
 * in use or gone. The design's own lock serialises it with the other steps for this design.
 */
export async function claimPoolDatabase(session: TargetSession, ref: DatabaseRef): Promise<boolean> {
  const candidates = (await listPool(session.admin, session)).filter(
    (d) => !d.unmarked && d.connections === 0,
  );
  if (candidates.length === 0) return false;
  try {
    return await session.admin.begin(async (tx) => {
      await lockDesignObjects(tx, ref.database);
      const [exists] = await tx`SELECT 1 FROM pg_database WHERE datname = ${ref.database}`;
      if (exists) return false;
      for (const candidate of candidates) {
        const [lock] = await tx<{ locked: boolean }[]>`
          SELECT pg_try_advisory_xact_lock(hashtextextended(${`schema-builder:pool:${candidate.name}`}, 0)) AS locked`;
        if (!lock?.locked) continue;
        const claimed = await tx
          .savepoint(async (sp) => {
            const still = (await listPool(sp, session)).some((d) => d.name === candidate.name && !d.unmarked);
            if (!still) return false;
            await sp.unsafe(
              `ALTER DATABASE ${quoteIdent(candidate.name)} RENAME TO ${quoteIdent(ref.database)}`,
            );
            return true;
          })
          .catch((error: unknown) => {
            if (isPgError(error, ...SKIPPABLE)) return false;
            throw error;
          });
        if (!claimed) continue;
        const database = quoteIdent(ref.database);
        await tx.unsafe(`ALTER DATABASE ${database} OWNER TO ${quoteIdent(ref.role)}`);
        await tx.unsafe(`COMMENT ON DATABASE ${database} IS ${designMarker('database', session, ref)}`);
        return true;
      }
      return false;
    });
  } catch (error) {
    // A concurrent CREATE DATABASE of the same name won: the caller adopts that database.
    if (isPgError(error, ...DUPLICATE_DATABASE)) return false;
    throw error;
  }
}

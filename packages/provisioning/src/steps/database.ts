import { quoteIdent } from '@schema-builder/schema-model/sql';
import { type DatabaseState, databaseIsOurs, readDatabase } from '../catalog.ts';
import { isPgError, ProvisioningError, step } from '../errors.ts';
import { lockDesignObjects } from '../locks.ts';
import { designMarker } from '../markers.ts';
import type { DatabaseRef } from '../plan.ts';
import { claimPoolDatabase } from '../pool.ts';
import type { TargetSession } from '../session.ts';
import { closeSharedDatabases } from './shared-databases.ts';

const DUPLICATE_DATABASE = ['42P04', '23505'];

function notOurs(database: string): ProvisioningError {
  return new ProvisioningError('NOT_OURS', `database ${database} exists but was not created for this design`);
}

async function ourDatabase(session: TargetSession, ref: DatabaseRef): Promise<DatabaseState | undefined> {
  const state = await readDatabase(session.admin, ref.database);
  if (state && !databaseIsOurs(state, ref, session)) throw notOurs(ref.database);
  return state;
}

/** How the database step got the database: from the warm pool, created, or already there. */
export type DatabaseOutcome = 'claimed' | 'created' | 'existing';

/**
 * Step 2: the database, owned by the design's role, then marked. When it does not exist yet, an
 * empty database of the warm pool is claimed if there is one (renamed, handed to the role and
 * marked in one transaction, see claimPoolDatabase). Otherwise it is created: CREATE DATABASE
 * cannot run in a transaction, so we check pg_database first and treat "already exists" from a
 * concurrent creator as success once the database proves to be ours. TEMPLATE template0 (pool
 * databases too): a new database must not inherit whatever an operator put into template1.
 */
export function ensureDatabase(session: TargetSession, ref: DatabaseRef): Promise<DatabaseOutcome> {
  return step('create database', async () => {
    let outcome: DatabaseOutcome = 'existing';
    if (!(await ourDatabase(session, ref))) {
      if (await claimPoolDatabase(session, ref)) return 'claimed';
      outcome = 'created';
      try {
        await session.admin.unsafe(
          `CREATE DATABASE ${quoteIdent(ref.database)} OWNER ${quoteIdent(ref.role)} TEMPLATE template0`,
        );
      } catch (error) {
        if (!isPgError(error, ...DUPLICATE_DATABASE)) throw error;
      }
    }
    await session.admin.begin(async (tx) => {
      await lockDesignObjects(tx, ref.database);
      const state = await readDatabase(tx, ref.database);
      if (!state)
        throw new ProvisioningError('SERVER_ERROR', `database ${ref.database} vanished while being created`);
      if (!databaseIsOurs(state, ref, session)) throw notOurs(ref.database);
      if (state.marker?.kind === 'database') return;
      const marker = designMarker('database', session, ref, {
        createdAt: state.ownerMarker?.createdAt ?? new Date().toISOString(),
      });
      await tx.unsafe(`COMMENT ON DATABASE ${quoteIdent(ref.database)} IS ${marker}`);
    });
    return outcome;
  });
}

/**
 * Step 3: only the design's role may connect. PUBLIC loses CONNECT and TEMPORARY (granted to it
 * by default on every new database); the owner keeps its implicit rights, and CONNECT is granted
 * explicitly so the ACL reads plainly. GRANT/REVOKE are idempotent. The server's shared databases
 * are closed to PUBLIC too, or the role could still log in there (see closeSharedDatabases).
 */
export function restrictDatabase(session: TargetSession, ref: DatabaseRef): Promise<void> {
  return step('restrict database', async () => {
    if (!(await ourDatabase(session, ref)))
      throw new ProvisioningError(
        'SERVER_ERROR',
        `database ${ref.database} does not exist (create it first)`,
      );
    const database = quoteIdent(ref.database);
    await session.admin.begin(async (tx) => {
      await lockDesignObjects(tx, ref.database);
      await tx.unsafe(`REVOKE CONNECT, TEMPORARY ON DATABASE ${database} FROM PUBLIC`);
      await tx.unsafe(`GRANT CONNECT ON DATABASE ${database} TO ${quoteIdent(ref.role)}`);
    });
    await closeSharedDatabases(session);
  });
}

/**
 * Drops the database if it exists and is ours (refusing an unmarked one). WITH (FORCE)
 * (PostgreSQL 13+) terminates its sessions in the same command, so no client can slip in between.
 */
export function dropDatabase(session: TargetSession, ref: DatabaseRef): Promise<void> {
  return step('drop database', async () => {
    if (!(await ourDatabase(session, ref))) return;
    await session.admin.unsafe(`DROP DATABASE IF EXISTS ${quoteIdent(ref.database)} WITH (FORCE)`);
  });
}

import type { ProvisionedDatabaseRow, Queryable } from '@schema-builder/db';
import {
  provisionedDatabases as databases,
  databaseTombstones,
  schemas,
  schemaVersions,
} from '@schema-builder/db';
import { and, count, desc, eq, inArray, isNull, ne, notInArray, sql } from 'drizzle-orm';
import type { KeysetOrder } from '../pagination/keyset.ts';
import { afterCursor, cursorKeyOf, orderOf, rowsFor } from '../pagination/keyset.ts';
import type { PageInput } from '../pagination/page.ts';
import { FINAL_STATUS, statusesWhere } from './lifecycle.ts';

/**
 * Data access for provisioned databases. User-facing reads filter by owner; the worker's side
 * (by job id) is reached only through worker procedures.
 */

export type DatabasePatch = Partial<Omit<ProvisionedDatabaseRow, 'id' | 'createdAt'>>;

/** The design's live (not dropped) database, for its owner. */
export async function findDatabaseOfSchema(
  db: Queryable,
  ownerId: string,
  schemaId: string,
  options: { forUpdate?: boolean } = {},
): Promise<ProvisionedDatabaseRow | undefined> {
  const query = db
    .select()
    .from(databases)
    .where(
      and(
        eq(databases.schemaId, schemaId),
        eq(databases.ownerId, ownerId),
        ne(databases.status, FINAL_STATUS),
      ),
    )
    .limit(1);
  const [row] = options.forUpdate ? await query.for('update') : await query;
  return row;
}

export async function findOwnedDatabase(
  db: Queryable,
  ownerId: string,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<ProvisionedDatabaseRow | undefined> {
  const query = db
    .select()
    .from(databases)
    .where(and(eq(databases.id, id), eq(databases.ownerId, ownerId)))
    .limit(1);
  const [row] = options.forUpdate ? await query.for('update') : await query;
  return row;
}

/** An owner's databases with their design's current version (null once the design is deleted). */
export const DATABASES_NEWEST_FIRST: KeysetOrder = {
  name: 'databases',
  columns: [databases.createdAt, databases.id],
  direction: 'desc',
};

export async function listOwnedDatabases(
  db: Queryable,
  ownerId: string,
  includeDropped: boolean,
  page: PageInput,
) {
  return db
    .select({
      row: databases,
      latestVersion: schemas.currentVersion,
      deletedAt: schemas.deletedAt,
      cursorKey: cursorKeyOf(DATABASES_NEWEST_FIRST),
    })
    .from(databases)
    .innerJoin(schemas, eq(schemas.id, databases.schemaId))
    .where(
      and(
        eq(databases.ownerId, ownerId),
        includeDropped ? undefined : ne(databases.status, FINAL_STATUS),
        afterCursor(DATABASES_NEWEST_FIRST, page.cursor),
      ),
    )
    .orderBy(...orderOf(DATABASES_NEWEST_FIRST))
    .limit(rowsFor(page));
}

/** The row a job is about, locked, when the job is still the one it waits for. */
export async function lockDatabaseOfJob(
  db: Queryable,
  databaseId: string,
  jobId: string,
): Promise<ProvisionedDatabaseRow | undefined> {
  const [row] = await db
    .select()
    .from(databases)
    .where(and(eq(databases.id, databaseId), eq(databases.jobId, jobId)))
    .for('update');
  return row;
}

export async function updateDatabase(
  db: Queryable,
  id: string,
  patch: DatabasePatch,
): Promise<ProvisionedDatabaseRow> {
  const [row] = await db
    .update(databases)
    .set({ ...patch, updatedAt: new Date() })
    .where(eq(databases.id, id))
    .returning();
  if (!row) throw new Error(`database row ${id} vanished`);
  return row;
}

/** Databases per target server (dead ones, dropped or failed, hold nothing), for choosing where a new one goes. */
export async function countDatabasesPerTarget(db: Queryable): Promise<Map<string, number>> {
  const rows = await db
    .select({ target: databases.target, total: count() })
    .from(databases)
    .where(notInArray(databases.status, DEAD_STATUSES))
    .groupBy(databases.target);
  return new Map(rows.map((row) => [row.target, row.total]));
}

/** Row states whose database is gone or going: what their jobs left on a server is dead. */
const DEAD_STATUSES = statusesWhere('dead');

/**
 * For the reconciler: of `names` on `target`, those this metadata database records having created
 * and being dead (a failed or dropped row, or the tombstone of a deleted one) that no live row
 * holds. A name the metadata does not know is never dead: it may be another deployment's.
 */
export async function deadDatabaseNames(
  db: Queryable,
  target: string,
  names: readonly string[],
): Promise<string[]> {
  if (names.length === 0) return [];
  const rows = await db
    .select({ name: databases.databaseName, status: databases.status })
    .from(databases)
    .where(and(eq(databases.target, target), inArray(databases.databaseName, [...names])));
  const tombstones = await db
    .select({ name: databaseTombstones.databaseName })
    .from(databaseTombstones)
    .where(and(eq(databaseTombstones.target, target), inArray(databaseTombstones.databaseName, [...names])));
  const live = new Set(rows.filter((row) => !DEAD_STATUSES.includes(row.status)).map((row) => row.name));
  const dead = new Set([
    ...rows.filter((row) => DEAD_STATUSES.includes(row.status)).map((row) => row.name),
    ...tombstones.map((tombstone) => tombstone.name),
  ]);
  return [...new Set(names)].filter((name) => dead.has(name) && !live.has(name));
}

/** Databases whose design was deleted keep their row; mark them detached. */
export async function detachDatabasesOfSchema(
  db: Queryable,
  ownerId: string,
  schemaId: string,
): Promise<void> {
  await db
    .update(databases)
    .set({ detachedAt: new Date(), updatedAt: new Date() })
    .where(
      and(
        eq(databases.schemaId, schemaId),
        eq(databases.ownerId, ownerId),
        ne(databases.status, FINAL_STATUS),
        isNull(databases.detachedAt),
      ),
    );
}

/**
 * A version's document, for a database row already checked to belong to the caller (or to a
 * job): the design may since have been deleted, and a detached database still has a version.
 */
export async function findDesignVersion(
  db: Queryable,
  schemaId: string,
  version: number,
): Promise<Record<string, unknown> | undefined> {
  const [row] = await db
    .select({ definition: schemaVersions.definition })
    .from(schemaVersions)
    .where(and(eq(schemaVersions.schemaId, schemaId), eq(schemaVersions.version, version)));
  return row?.definition;
}

/** The design's newest database row, dropped ones included (the status of a dropped database). */
export async function findLatestDatabaseOfSchema(
  db: Queryable,
  ownerId: string,
  schemaId: string,
): Promise<ProvisionedDatabaseRow | undefined> {
  const [row] = await db
    .select()
    .from(databases)
    .where(and(eq(databases.schemaId, schemaId), eq(databases.ownerId, ownerId)))
    .orderBy(sql`${databases.status} = ${FINAL_STATUS}`, desc(databases.createdAt))
    .limit(1);
  return row;
}

import { describeError, step } from './errors.ts';
import { unlessJobRuns } from './locks.ts';
import { MARKER_PREFIX, type Marker, parseMarker } from './markers.ts';
import type { DatabaseRef } from './plan.ts';
import { dropPool } from './pool.ts';
import type { TargetSession } from './session.ts';
import { dropDatabase } from './steps/database.ts';
import { dropRole } from './steps/role.ts';

export interface MarkedDatabase {
  name: string;
  owner: string;
  /** Its own marker, or (after a crash before the COMMENT) its owning role's. */
  marker: Marker;
}

export interface MarkedRole {
  name: string;
  marker: Marker;
}

export interface MarkedObjects {
  databases: MarkedDatabase[];
  roles: MarkedRole[];
}

/**
 * The databases and roles on the server that this deployment marked. A database counts when its
 * own COMMENT carries our marker, or when its owner is our role marked for exactly that database
 * (see `databaseIsOurs`). Everything else is invisible here and so never touched.
 */
export function findMarked(session: TargetSession): Promise<MarkedObjects> {
  return step('find marked objects', async () => {
    const databaseRows = await session.admin<
      { name: string; owner: string; comment: string | null; ownerComment: string | null }[]
    >`
      SELECT d.datname AS name, r.rolname AS owner,
             shobj_description(d.oid, 'pg_database') AS comment,
             shobj_description(r.oid, 'pg_authid') AS "ownerComment"
      FROM pg_database d JOIN pg_roles r ON r.oid = d.datdba
      WHERE starts_with(coalesce(shobj_description(d.oid, 'pg_database'), ''), ${MARKER_PREFIX})
         OR starts_with(coalesce(shobj_description(r.oid, 'pg_authid'), ''), ${MARKER_PREFIX})
      ORDER BY d.datname`;
    const roleRows = await session.admin<{ name: string; comment: string | null }[]>`
      SELECT rolname AS name, shobj_description(oid, 'pg_authid') AS comment FROM pg_roles
      WHERE starts_with(coalesce(shobj_description(oid, 'pg_authid'), ''), ${MARKER_PREFIX})
      ORDER BY rolname`;
    const ours = (marker: Marker | undefined): marker is Marker => marker?.instance === session.instance;

    const databases: MarkedDatabase[] = [];
    for (const row of databaseRows) {
      const own = parseMarker(row.comment);
      const owners = parseMarker(row.ownerComment);
      if (own?.kind === 'database' && own.database === row.name && ours(own))
        databases.push({ name: row.name, owner: row.owner, marker: own });
      else if (owners?.kind === 'role' && owners.database === row.name && ours(owners))
        databases.push({ name: row.name, owner: row.owner, marker: owners });
    }
    const roles = roleRows.flatMap((row) => {
      const marker = parseMarker(row.comment);
      return marker?.kind === 'role' && ours(marker) ? [{ name: row.name, marker }] : [];
    });
    return { databases, roles };
  });
}

export interface ReconcileOptions {
  /**
   * Database names the metadata owns (in any state, detached included). Pass a loader rather
   * than a ready set: it is called after the server has been listed, so a database whose
   * metadata row was written before its role was created can never look orphaned. With a
   * ready set, use `minAgeMs` to cover jobs started since the set was read.
   */
  known: ReadonlySet<string> | (() => Promise<ReadonlySet<string>>);
  /** Leave objects younger than this alone (by their marker's createdAt). Default 0. */
  minAgeMs?: number;
  now?: () => Date;
}

export interface ReconcileResult {
  droppedDatabases: string[];
  droppedRoles: string[];
  /**
   * Orphans left for the next pass: a job of their design is running (a retry may be adopting
   * them), or the metadata claimed them after the server was listed.
   */
  skipped: string[];
  /** Objects that could not be dropped (e.g. a server error); the next run tries again. */
  failures: { name: string; reason: string }[];
}

/**
 * Removes marked databases and roles that no metadata row owns: what a crashed job or a lost
 * cleanup left behind. Never touches unmarked objects or other deployments' markers, nor the
 * warm pool's unclaimed databases (marked `pool`, not `database`: see pool.ts).
 */
export async function reconcile(session: TargetSession, options: ReconcileOptions): Promise<ReconcileResult> {
  const marked = await findMarked(session);
  const known = typeof options.known === 'function' ? await options.known() : options.known;
  const cutoff = (options.now?.() ?? new Date()).getTime() - (options.minAgeMs ?? 0);
  // Other deployments' objects are theirs to reconcile: not even attempted here.
  const orphaned = (marker: Marker) =>
    marker.instance === session.instance &&
    !known.has(marker.database) &&
    !(Date.parse(marker.createdAt) > cutoff);

  const result: ReconcileResult = { droppedDatabases: [], droppedRoles: [], failures: [], skipped: [] };
  // Under the design's job lock, asking the metadata once more: a retry queued since the list
  // was read owns the name again, and its job may already be reusing what we found.
  const stillOrphaned = async (marker: Marker) =>
    typeof options.known !== 'function' || !(await options.known()).has(marker.database);
  const attempt = async (name: string, marker: Marker, drop: () => Promise<void>, done: string[]) => {
    try {
      const dropped = await unlessJobRuns(session, marker.database, async () => {
        if (!(await stillOrphaned(marker))) return false;
        await drop();
        return true;
      });
      (dropped ? done : result.skipped).push(name);
    } catch (error) {
      result.failures.push({ name, reason: describeError(error) });
    }
  };
  for (const database of marked.databases.filter((d) => orphaned(d.marker)))
    await attempt(
      database.name,
      database.marker,
      () => dropDatabase(session, refOf(database.marker, database.owner)),
      result.droppedDatabases,
    );
  // Roles after databases: a role cannot be dropped while it owns one.
  for (const role of marked.roles.filter((r) => orphaned(r.marker)))
    await attempt(
      role.name,
      role.marker,
      () => dropRole(session, refOf(role.marker, role.name)),
      result.droppedRoles,
    );
  return result;
}

function refOf(marker: Marker, role: string): DatabaseRef {
  return { designId: marker.designId, database: marker.database, role };
}

/**
 * Drops every database and role this deployment marked on the server, its warm pool included:
 * for tests, benches and decommissioning. Throws when something could not be dropped.
 */
export async function removeDeployment(session: TargetSession): Promise<ReconcileResult> {
  const result = await reconcile(session, { known: new Set() });
  try {
    result.droppedDatabases.push(...(await dropPool(session)));
  } catch (error) {
    result.failures.push({ name: 'warm pool', reason: describeError(error) });
  }
  const problems = [
    ...result.failures.map((f) => `${f.name} (${f.reason})`),
    ...result.skipped.map((name) => `${name} (a job of its design is running)`),
  ];
  if (problems.length > 0) throw new Error(`could not drop ${problems.join(', ')}`);
  return result;
}

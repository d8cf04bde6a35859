import { describeError, step } from './errors.ts';
import { unlessJobRuns } from './locks.ts';
import { MARKER_PREFIX, type Marker, markedBy, parseMarker } from './markers.ts';
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
 * The databases and roles on the server that this deployment marked (see `markedBy`: our
 * generated id, or our name on a marker older than the id). A database counts when its own
 * COMMENT carries our marker, or when its owner is our role marked for exactly that database
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
    const ours = (marker: Marker | undefined): marker is Marker =>
      marker !== undefined && markedBy(marker, session);

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
   * Positive evidence, from the metadata: of `names` (databases this deployment's markers name),
   * those its metadata database records having created and being dead (a failed or dropped
   * database row, or the tombstone of a removed one) and that no live row holds. Whatever it does
   * not return is kept: an object the metadata merely does not know is never dropped (it may be
   * another deployment's, or the metadata may have been restored from an older backup). Asked
   * after the server has been listed, and once more per name just before dropping, under the
   * design's job lock, so a retry queued meanwhile (which makes the row live again) wins.
   */
  dead: (names: readonly string[]) => Promise<ReadonlySet<string>>;
  /** Leave objects younger than this alone (by their marker's createdAt). Default 0. */
  minAgeMs?: number;
  now?: () => Date;
}

export interface ReconcileResult {
  droppedDatabases: string[];
  droppedRoles: string[];
  /**
   * Dead objects left for the next pass: a job of their design is running (a retry may be
   * adopting them), or the metadata made them live again after the server was listed.
   */
  skipped: string[];
  /** Objects that could not be dropped (e.g. a server error); the next run tries again. */
  failures: { name: string; reason: string }[];
}

/**
 * Removes marked databases and roles that the metadata records as dead: what a failed or crashed
 * job, or a lost cleanup, left behind. Never touches unmarked objects, other deployments'
 * objects, objects without positive evidence of death, nor the warm pool's unclaimed databases
 * (marked `pool`, not `database`: see pool.ts).
 */
export async function reconcile(session: TargetSession, options: ReconcileOptions): Promise<ReconcileResult> {
  return dropDead(session, await findMarked(session), options);
}

async function dropDead(
  session: TargetSession,
  marked: MarkedObjects,
  options: ReconcileOptions,
): Promise<ReconcileResult> {
  const cutoff = (options.now?.() ?? new Date()).getTime() - (options.minAgeMs ?? 0);
  const oldEnough = (marker: Marker) => !(Date.parse(marker.createdAt) > cutoff);
  const names = [...new Set([...marked.databases, ...marked.roles].map((object) => object.marker.database))];
  const dead = names.length > 0 ? await options.dead(names) : new Set<string>();
  const dropping = (marker: Marker) => dead.has(marker.database) && oldEnough(marker);

  const result: ReconcileResult = { droppedDatabases: [], droppedRoles: [], failures: [], skipped: [] };
  // Under the design's job lock, asking the metadata once more: a retry queued since the list
  // was read owns the name again, and its job may already be reusing what we found.
  const stillDead = async (marker: Marker) => (await options.dead([marker.database])).has(marker.database);
  const attempt = async (name: string, marker: Marker, drop: () => Promise<void>, done: string[]) => {
    try {
      const dropped = await unlessJobRuns(session, marker.database, async () => {
        if (!(await stillDead(marker))) return false;
        await drop();
        return true;
      });
      (dropped ? done : result.skipped).push(name);
    } catch (error) {
      result.failures.push({ name, reason: describeError(error) });
    }
  };
  for (const database of marked.databases.filter((d) => dropping(d.marker)))
    await attempt(
      database.name,
      database.marker,
      () => dropDatabase(session, refOf(database.marker, database.owner)),
      result.droppedDatabases,
    );
  // Roles after databases: a role cannot be dropped while it owns one.
  for (const role of marked.roles.filter((r) => dropping(r.marker)))
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
 * Drops every database and role marked with this deployment's generated id on the server, its
 * warm pool included: for tests, benches and decommissioning. Markers older than the id (which
 * name alone cannot tell from another installation's) are left alone. Throws when something
 * could not be dropped.
 */
export async function removeDeployment(session: TargetSession): Promise<ReconcileResult> {
  const marked = await findMarked(session);
  const exactlyOurs = (object: { marker: Marker }) => object.marker.deployment === session.deployment;
  const everything = async (names: readonly string[]) => new Set(names);
  const result = await dropDead(
    session,
    { databases: marked.databases.filter(exactlyOurs), roles: marked.roles.filter(exactlyOurs) },
    { dead: everything },
  );
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

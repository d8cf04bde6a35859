import type postgres from 'postgres';
import { type DeploymentIdentity, type Marker, markerIsFor, parseMarker } from './markers.ts';
import type { DatabaseRef } from './plan.ts';

/** A pool or a transaction: catalog reads work on either. */
export type Queryable = postgres.Sql | postgres.TransactionSql;

export interface RoleState {
  name: string;
  marker: Marker | undefined;
}

export interface DatabaseState {
  name: string;
  owner: string;
  /** The marker in the database's own COMMENT. */
  marker: Marker | undefined;
  /** The marker of its owning role. */
  ownerMarker: Marker | undefined;
  /** `datacl` as text items (`role=CTc/grantor`), null while the defaults apply. */
  acl: string[] | null;
}

// Shared objects' comments live in pg_shdescription, readable by every role.
export async function readRole(sql: Queryable, name: string): Promise<RoleState | undefined> {
  const [row] = await sql<{ comment: string | null }[]>`
    SELECT shobj_description(oid, 'pg_authid') AS comment FROM pg_roles WHERE rolname = ${name}`;
  return row ? { name, marker: parseMarker(row.comment) } : undefined;
}

export async function readDatabase(sql: Queryable, name: string): Promise<DatabaseState | undefined> {
  const [row] = await sql<
    { owner: string; comment: string | null; ownerComment: string | null; acl: string[] | null }[]
  >`
    SELECT r.rolname AS owner,
           shobj_description(d.oid, 'pg_database') AS comment,
           shobj_description(r.oid, 'pg_authid') AS "ownerComment",
           d.datacl::text[] AS acl
    FROM pg_database d JOIN pg_roles r ON r.oid = d.datdba
    WHERE d.datname = ${name}`;
  if (!row) return undefined;
  return {
    name,
    owner: row.owner,
    marker: parseMarker(row.comment),
    ownerMarker: parseMarker(row.ownerComment),
    acl: row.acl,
  };
}

export function roleIsOurs(state: RoleState, ref: DatabaseRef, identity: DeploymentIdentity): boolean {
  return (
    state.marker?.kind === 'role' &&
    markerIsFor(state.marker, { ...ref, instance: identity.instance, deployment: identity.deployment })
  );
}

/**
 * Whether the database is this design's. CREATE DATABASE … OWNER is atomic but its COMMENT is a
 * second statement, so a crash in between leaves a database without its own marker: it still
 * counts as ours when its owner is our role marked for exactly this database (that role is
 * NOCREATEDB, so only we can have made a database it owns).
 */
export function databaseIsOurs(
  state: DatabaseState,
  ref: DatabaseRef,
  identity: DeploymentIdentity,
): boolean {
  const expected = { ...ref, instance: identity.instance, deployment: identity.deployment };
  if (state.marker?.kind === 'database' && markerIsFor(state.marker, expected)) return true;
  return (
    state.owner === ref.role && state.ownerMarker?.kind === 'role' && markerIsFor(state.ownerMarker, expected)
  );
}

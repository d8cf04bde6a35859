import { quotePostgresLiteral } from '@schema-builder/schema-model/sql';

/**
 * Who a marker belongs to. `instance` is the deployment's configured name (`DEPLOYMENT_ID`,
 * which two installations may well share, e.g. both left at the default); `deployment` is the id
 * generated once and stored in the deployment's metadata database, so no two metadata databases
 * ever mark objects alike.
 */
export interface DeploymentIdentity {
  instance: string;
  deployment: string;
}

/**
 * What we write into COMMENTs on the roles, databases and `public` schemas we create, so that a
 * retry recognises its own work and the reconciler can tell ours from everything else.
 * Two schema-builder deployments sharing a server never touch each other's objects.
 */
export interface Marker {
  /** `pool`: an empty database of the warm pool, not yet claimed by a design (see pool.ts). */
  kind: 'role' | 'database' | 'schema' | 'pool';
  instance: string;
  /**
   * The generated id of the deployment (see DeploymentIdentity). Every marker written now carries
   * it; markers written before it existed lack it and are matched by `instance` alone.
   */
  deployment?: string;
  /** Empty for `pool` markers. */
  designId: string;
  /**
   * The database this object belongs to (for a role: the database it was created for; for a
   * pool database: its own name).
   */
  database: string;
  /** ISO time of creation, for operators and the reconciler's grace period. */
  createdAt: string;
  /** `schema` markers: the design version whose DDL was applied. */
  version?: number;
  /**
   * `schema` markers, during a multi-phase migration from `version`: the version being migrated
   * to and how many of its phases have committed, so a retry resumes after them instead of
   * running a committed phase twice. Absent once the migration is complete (or none began).
   */
  migratingTo?: number;
  phasesDone?: number;
}

export const MARKER_PREFIX = 'schema-builder:';

/** `'schema-builder:{…}'`, quoted for COMMENT ON (which takes no parameters). */
export function markerLiteral(marker: Marker): string {
  return quotePostgresLiteral(`${MARKER_PREFIX}${JSON.stringify(marker)}`);
}

/**
 * The marker of a design's `kind` object, created now unless `extra` says otherwise (a retry
 * keeps the first creation time; schema markers carry their version).
 */
export function designMarker(
  kind: 'role' | 'database' | 'schema',
  identity: DeploymentIdentity,
  ref: { designId: string; database: string },
  extra: Partial<Pick<Marker, 'createdAt' | 'version' | 'migratingTo' | 'phasesDone'>> = {},
): string {
  return markerLiteral({
    kind,
    instance: identity.instance,
    deployment: identity.deployment,
    designId: ref.designId,
    database: ref.database,
    createdAt: new Date().toISOString(),
    ...extra,
  });
}

const isString = (value: unknown): value is string => typeof value === 'string';

/** The marker in a COMMENT, or undefined for anything else (unmarked objects are never ours). */
export function parseMarker(comment: string | null | undefined): Marker | undefined {
  if (!comment?.startsWith(MARKER_PREFIX)) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(comment.slice(MARKER_PREFIX.length));
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const { kind, instance, deployment, designId, database, createdAt, version, migratingTo, phasesDone } =
    value as Record<string, unknown>;
  if (kind !== 'role' && kind !== 'database' && kind !== 'schema' && kind !== 'pool') return undefined;
  if (!isString(instance) || !isString(designId) || !isString(database) || !isString(createdAt))
    return undefined;
  if (deployment !== undefined && !isString(deployment)) return undefined;
  if (![version, migratingTo, phasesDone].every((n) => n === undefined || Number.isInteger(n)))
    return undefined;
  return {
    kind,
    instance,
    ...(deployment === undefined ? {} : { deployment }),
    designId,
    database,
    createdAt,
    ...(typeof version === 'number' ? { version } : {}),
    // Older markers have neither field; both or none, so a half-written pair is ignored.
    ...(typeof migratingTo === 'number' && typeof phasesDone === 'number' ? { migratingTo, phasesDone } : {}),
  };
}

/**
 * Whether `marker` was written by this deployment: its generated id when the marker carries one
 * (a deployment sharing our configured name is not us), else (a marker older than the id) its
 * name.
 */
export function markedBy(marker: Marker, identity: DeploymentIdentity): boolean {
  return (
    marker.instance === identity.instance &&
    (marker.deployment === undefined || marker.deployment === identity.deployment)
  );
}

/** Whether `marker` was written by this deployment for this design's `database`. */
export function markerIsFor(
  marker: Marker | undefined,
  expected: DeploymentIdentity & { designId: string; database: string },
): boolean {
  return (
    marker !== undefined &&
    markedBy(marker, expected) &&
    marker.designId === expected.designId &&
    marker.database === expected.database
  );
}

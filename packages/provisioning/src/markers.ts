import { quoteLiteral } from '@schema-builder/schema-model';

/**
 * What we write into COMMENTs on the roles, databases and `public` schemas we create, so that a
 * retry recognises its own work and the reconciler can tell ours from everything else.
 * `instance` names the deployment: two schema-builder deployments sharing a server never
 * reconcile each other's objects.
 */
export interface Marker {
  /** `pool`: an empty database of the warm pool, not yet claimed by a design (see pool.ts). */
  kind: 'role' | 'database' | 'schema' | 'pool';
  instance: string;
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
  return quoteLiteral(`${MARKER_PREFIX}${JSON.stringify(marker)}`);
}

/**
 * The marker of a design's `kind` object, created now unless `extra` says otherwise (a retry
 * keeps the first creation time; schema markers carry their version).
 */
export function designMarker(
  kind: 'role' | 'database' | 'schema',
  instance: string,
  ref: { designId: string; database: string },
  extra: Partial<Pick<Marker, 'createdAt' | 'version' | 'migratingTo' | 'phasesDone'>> = {},
): string {
  return markerLiteral({
    kind,
    instance,
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
  const { kind, instance, designId, database, createdAt, version, migratingTo, phasesDone } = value as Record<
    string,
    unknown
  >;
  if (kind !== 'role' && kind !== 'database' && kind !== 'schema' && kind !== 'pool') return undefined;
  if (!isString(instance) || !isString(designId) || !isString(database) || !isString(createdAt))
    return undefined;
  if (![version, migratingTo, phasesDone].every((n) => n === undefined || Number.isInteger(n)))
    return undefined;
  return {
    kind,
    instance,
    designId,
    database,
    createdAt,
    ...(typeof version === 'number' ? { version } : {}),
    // Older markers have neither field; both or none, so a half-written pair is ignored.
    ...(typeof migratingTo === 'number' && typeof phasesDone === 'number' ? { migratingTo, phasesDone } : {}),
  };
}

/** Whether `marker` was written by `instance` for this design's `database`. */
export function markerIsFor(
  marker: Marker | undefined,
  expected: { instance: string; designId: string; database: string },
): boolean {
  return (
    marker !== undefined &&
    marker.instance === expected.instance &&
    marker.designId === expected.designId &&
    marker.database === expected.database
  );
}

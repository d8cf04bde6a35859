import { ProvisioningError } from './errors.ts';
import type { DatabaseRef, ProvisionPlan } from './plan.ts';
import type { TargetSession } from './session.ts';
import { dropDatabase, ensureDatabase, restrictDatabase } from './steps/database.ts';
import { dropRole, ensureRole } from './steps/role.ts';
import { applyDesign } from './steps/schema.ts';

export interface ProvisionStep {
  /** Stable name, for job progress and logs. */
  name: 'role' | 'database' | 'restrict' | 'schema';
  run(session: TargetSession, plan: ProvisionPlan): Promise<unknown>;
}

/**
 * The provisioning steps in order. Each is idempotent and checks the catalog rather than any
 * record of earlier progress, so a job can be retried from the start after a crash at any point.
 */
export const provisionSteps: readonly ProvisionStep[] = [
  { name: 'role', run: ensureRole },
  { name: 'database', run: ensureDatabase },
  { name: 'restrict', run: restrictDatabase },
  { name: 'schema', run: applyDesign },
];

export interface ProvisionOptions {
  /**
   * Called after each completed step, e.g. to heartbeat the job. `detail` says how the database
   * step got its database (`claimed` from the warm pool, `created`, or `existing` on a retry).
   */
  onStep?: (name: ProvisionStep['name'], detail?: string) => void | Promise<void>;
}

/**
 * Builds (or finishes building) the design's database: role, database, access, structure.
 * Throws ProvisioningError; call `cleanupAfterFailure` when giving up on the job.
 */
export async function provision(
  session: TargetSession,
  plan: ProvisionPlan,
  options: ProvisionOptions = {},
): Promise<void> {
  for (const provisionStep of provisionSteps) {
    const result = await provisionStep.run(session, plan);
    await options.onStep?.(
      provisionStep.name,
      provisionStep.name === 'database' ? String(result) : undefined,
    );
  }
}

/**
 * Removes the design's database, then its role; both only when they carry this design's marker.
 * Idempotent: what is already gone is skipped, so a crashed drop is finished by running it again.
 */
export async function dropProvisioned(session: TargetSession, ref: DatabaseRef): Promise<void> {
  await dropDatabase(session, ref);
  await dropRole(session, ref);
}

/**
 * After a failed attempt: remove whatever of it exists (any prefix of the steps may have run),
 * so the job can end `failed` with nothing left behind. Unlike a drop, a database that is not
 * ours (a name taken by someone else) does not stop the removal of our role; its error is
 * rethrown after.
 */
export async function cleanupAfterFailure(session: TargetSession, ref: DatabaseRef): Promise<void> {
  let databaseError: unknown;
  try {
    await dropDatabase(session, ref);
  } catch (error) {
    if (!(error instanceof ProvisioningError && error.code === 'NOT_OURS')) throw error;
    databaseError = error;
  }
  await dropRole(session, ref);
  if (databaseError) throw databaseError;
}

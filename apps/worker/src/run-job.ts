import type { RouterOutputs } from '@schema-builder/client';
import {
  cleanupAfterFailure,
  type DatabaseRef,
  dropDatabaseOnly,
  dropProvisioned,
  migrateDatabase,
  type ProvisionPlan,
  provision,
  rotatePassword,
  type TargetSession,
  whileJobRuns,
} from '@schema-builder/provisioning';

export type ClaimedJob = NonNullable<RouterOutputs['worker']['claim']['job']>;

/**
 * Called with each step reached, for heartbeats and logs; `detail` says how the database step
 * got the database (`claimed` from the warm pool, `created`, `existing`).
 */
export type StepListener = (step: string, detail?: string) => Promise<void> | void;

/**
 * Runs one job on its target server with the provisioning engine. Every operation is idempotent,
 * so a job retried after a crash at any point converges. Throws on failure, after removing
 * whatever a failed build left (a migration rolls back by itself).
 */
export function runJob(session: TargetSession, job: ClaimedJob, onStep: StepListener): Promise<void> {
  // While the job runs, the reconciler leaves the design's objects alone.
  return whileJobRuns(session, job.database, () => runOperation(session, job, onStep));
}

async function runOperation(session: TargetSession, job: ClaimedJob, onStep: StepListener): Promise<void> {
  const ref: DatabaseRef = { designId: job.designId, database: job.database, role: job.role };
  switch (job.operation) {
    case 'provision':
    case 'regenerate': {
      const plan: ProvisionPlan = { ...ref, password: job.password, version: job.version, ddl: job.ddl };
      try {
        if (job.operation === 'regenerate') {
          // Rebuilding from scratch: the old database (and its data) goes first, as confirmed;
          // the role and its password stay, so the user's connection string keeps working.
          await dropDatabaseOnly(session, ref);
          await onStep('dropped');
        }
        await provision(session, plan, { onStep });
      } catch (error) {
        await cleanupQuietly(session, ref, onStep);
        throw error;
      }
      return;
    }
    case 'drop':
      await dropProvisioned(session, ref);
      await onStep('dropped');
      return;
    case 'rotate':
      await rotatePassword(session, { ...ref, password: job.password });
      await onStep('password');
      return;
    case 'migrate':
      // Each phase is one transaction; a failure rolls its phase back and nothing needs cleaning.
      await migrateDatabase(session, {
        ...ref,
        fromVersion: job.fromVersion,
        toVersion: job.toVersion,
        steps: job.steps,
      });
      await onStep('migrated');
      return;
  }
}

/** Cleanup after a failure must not hide the failure itself; its own error is only reported. */
async function cleanupQuietly(session: TargetSession, ref: DatabaseRef, onStep: StepListener): Promise<void> {
  try {
    await cleanupAfterFailure(session, ref);
    await onStep('cleaned-up');
  } catch {
    // The reconciler removes what is left once the row is marked failed.
    await onStep('cleanup-failed');
  }
}

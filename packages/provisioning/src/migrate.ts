import { quoteIdent } from '@schema-builder/schema-model/sql';
import type postgres from 'postgres';
import { setDdlSettings } from './ddl-settings.ts';
import { ProvisioningError, reasonOf, step } from './errors.ts';
import { type DeploymentIdentity, designMarker, type Marker, markerIsFor } from './markers.ts';
import type { DatabaseRef } from './plan.ts';
import type { TargetSession } from './session.ts';
import { lockSchema, readSchemaMarker } from './steps/schema.ts';

/** A migration step as the planner makes it (`MigrationStep` fits); only what running it needs. */
export interface MigrationStepSql {
  /** Named in errors instead of the SQL. */
  id: string;
  /** Steps of one phase run in one transaction, phases in ascending order. */
  phase: number;
  sql: readonly string[];
}

/** Everything one migration job needs. The same plan must be passed to every retry. */
export interface DatabaseMigration extends DatabaseRef {
  /** The version the database holds now (its schema marker's). */
  fromVersion: number;
  toVersion: number;
  steps: readonly MigrationStepSql[];
}

export type MigrateOutcome = 'applied' | 'already-applied';

/**
 * Takes a provisioned database from one design version to the next. Each phase runs in ONE
 * transaction as the design's role (so whatever it creates is the role's); a failing statement
 * rolls its phase back. The schema marker moves with the work it describes: an intermediate
 * phase records `phasesDone` in the same transaction, and the last one records `toVersion`, so a
 * retry after a crash resumes after the committed phases, and one after success does nothing.
 */
export function migrateDatabase(session: TargetSession, plan: DatabaseMigration): Promise<MigrateOutcome> {
  return step('migrate database', () =>
    session.inDatabase(plan.database, async (sql) => {
      const phases = groupByPhase(plan);
      let outcome: MigrateOutcome = 'already-applied';
      for (const [index, phase] of phases.entries()) {
        const ran = await sql.begin((tx) => runPhase(tx, session, plan, phase, index, phases.length));
        if (ran) outcome = 'applied';
      }
      return outcome;
    }),
  );
}

/** The steps by phase, ascending; a plan without steps still gets one (empty) phase to move the marker. */
function groupByPhase(plan: DatabaseMigration): MigrationStepSql[][] {
  if (!Number.isInteger(plan.fromVersion) || !Number.isInteger(plan.toVersion))
    throw new Error('fromVersion and toVersion must be integers');
  const byPhase = new Map<number, MigrationStepSql[]>();
  for (const migrationStep of plan.steps) {
    if (!Number.isInteger(migrationStep.phase) || migrationStep.phase < 0)
      throw new Error(`step ${migrationStep.id} has an invalid phase`);
    byPhase.set(migrationStep.phase, [...(byPhase.get(migrationStep.phase) ?? []), migrationStep]);
  }
  const phases = [...byPhase.entries()].sort(([a], [b]) => a - b).map(([, steps]) => steps);
  return phases.length > 0 ? phases : [[]];
}

/** Runs phase `index` unless the marker says it committed already; returns whether it ran. */
async function runPhase(
  tx: postgres.TransactionSql,
  identity: DeploymentIdentity,
  plan: DatabaseMigration,
  phase: readonly MigrationStepSql[],
  index: number,
  phaseCount: number,
): Promise<boolean> {
  // Under applyDesign's lock: a second worker on the same job waits, then sees our marker.
  await lockSchema(tx);
  const marker = await readSchemaMarker(tx);
  const done = phasesDone(marker, plan, identity, phaseCount);
  if (done === 'complete' || index < done) return false;
  // Phases run in order, so `done` can only be behind us if the marker was rewritten meanwhile.
  if (index > done)
    throw new ProvisioningError(
      'VERSION_MISMATCH',
      `the migration marker of ${plan.database} changed underneath`,
    );
  // The objects must go to the role that owns the rest; a plan naming another role is refused.
  const [schema] = await tx<{ owner: string }[]>`
    SELECT pg_get_userbyid(nspowner) AS owner FROM pg_namespace WHERE nspname = 'public'`;
  if (schema?.owner !== plan.role)
    throw new ProvisioningError('NOT_OURS', `schema public of ${plan.database} is not owned by ${plan.role}`);
  const role = quoteIdent(plan.role);
  await tx.unsafe(`SET LOCAL ROLE ${role}`);
  await setDdlSettings(tx);
  for (const migrationStep of phase) await runStep(tx, migrationStep);
  const last = index === phaseCount - 1;
  // The role owns `public` since provisioning, so it may comment on it.
  const next = designMarker('schema', identity, plan, {
    createdAt: marker?.createdAt ?? new Date().toISOString(),
    ...(last
      ? { version: plan.toVersion }
      : { version: plan.fromVersion, migratingTo: plan.toVersion, phasesDone: index + 1 }),
  });
  await tx.unsafe(`COMMENT ON SCHEMA public IS ${next}`);
  return true;
}

/** How many of the plan's phases have committed, from the schema marker; refuses any other state. */
function phasesDone(
  marker: Marker | undefined,
  plan: DatabaseMigration,
  identity: DeploymentIdentity,
  phaseCount: number,
): number | 'complete' {
  if (marker?.kind !== 'schema' || marker.version === undefined)
    throw new ProvisioningError(
      'VERSION_MISMATCH',
      `database ${plan.database} holds no version of the design`,
    );
  if (!markerIsFor(marker, { ...plan, instance: identity.instance, deployment: identity.deployment }))
    throw new ProvisioningError('NOT_OURS', `database ${plan.database} was not created for this design`);
  if (marker.version === plan.toVersion && marker.migratingTo === undefined) return 'complete';
  if (marker.version === plan.fromVersion) {
    if (marker.migratingTo === undefined) return 0;
    // Only a retry of this very plan may resume; phases of another one would not fit.
    if (marker.migratingTo === plan.toVersion && (marker.phasesDone ?? 0) < phaseCount)
      return marker.phasesDone ?? 0;
    throw new ProvisioningError(
      'VERSION_MISMATCH',
      `database ${plan.database} is part-way through a migration to version ${marker.migratingTo}`,
    );
  }
  throw new ProvisioningError(
    'VERSION_MISMATCH',
    `database ${plan.database} holds version ${marker.version} of the design, not ${plan.fromVersion}`,
  );
}

async function runStep(tx: postgres.TransactionSql, migrationStep: MigrationStepSql): Promise<void> {
  for (const statement of migrationStep.sql) {
    try {
      await tx.unsafe(statement);
    } catch (error) {
      // The step's id and why in our words; never the statement, which may hold data (defaults),
      // nor the server's text, which may quote a failing row. Both stay on the cause, for the log.
      throw new ProvisioningError(
        'MIGRATION_FAILED',
        `migration step ${migrationStep.id} failed: ${reasonOf(error)}`,
        { cause: error },
      );
    }
  }
}

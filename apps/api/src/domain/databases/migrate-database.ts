import { checkMigrationData, type DataFinding } from '@schema-builder/provisioning';
import { HAZARD_CODES, type HazardCode, type MigrationPlan } from '@schema-builder/schema-model/diff';
import { z } from 'zod';
import { AppError, type ErrorDetail } from '../../errors/codes.ts';
import { recordEvent } from '../audit/record-event.ts';
import { designOf, MigrationPlanSchema, planMigration, toPlanResource } from '../schemas/diff-versions.ts';
import { findSchema } from '../schemas/repository.ts';
import { schemaNotFound } from '../schemas/schema-not-found.ts';
import { describeDatabase } from './describe-database.ts';
import { databaseBusy, databaseNotFound, databaseNotReady } from './errors.ts';
import { canStart } from './lifecycle.ts';
import { findDatabaseOfSchema, findDesignVersion } from './repository.ts';
import type { DatabaseRequest } from './request-provision.ts';
import { DatabaseResourceSchema } from './resource.ts';
import { inJobTransaction, startJob } from './transaction.ts';

export const MigrateInputSchema = z.object({
  /** Default: the design's current version. */
  toVersion: z.number().int().min(1).optional(),
  /** Hazards the caller accepts; DESTRUCTIVE steps are refused unless listed. */
  allowHazards: z.array(z.enum(HAZARD_CODES)).max(HAZARD_CODES.length).default([]),
  /** Plan and check against the live data, change nothing. */
  dryRun: z.boolean().default(false),
});

const RefusalSchema = z.object({ stepId: z.string(), code: z.string(), message: z.string() });

export const MigrationReportSchema = MigrationPlanSchema.extend({
  dryRun: z.boolean(),
  /** Live-data checks of the DATA_DEPENDENT steps: rows that would make a step fail. */
  findings: z.array(
    z.object({
      stepId: z.string(),
      kind: z.string(),
      table: z.string(),
      columns: z.array(z.string()),
      description: z.string(),
      count: z.number().int(),
    }),
  ),
  /** Why the migration would be refused; empty when it can run. */
  refusals: z.array(RefusalSchema),
  /** Whether a migration job was queued (never for a dry run or a refusal). */
  queued: z.boolean(),
  database: DatabaseResourceSchema,
}).meta({ id: 'MigrationReport' });

export type MigrationReport = z.infer<typeof MigrationReportSchema>;

/** Steps refused for their hazards: DESTRUCTIVE ones unless the caller listed DESTRUCTIVE. */
function hazardRefusals(plan: MigrationPlan, allowed: ReadonlySet<HazardCode>) {
  return plan.steps.flatMap((step) =>
    step.hazards
      .filter((hazard) => hazard.code === 'DESTRUCTIVE' && !allowed.has(hazard.code))
      .map((hazard) => ({
        stepId: step.id,
        code: 'HAZARD_NOT_ALLOWED',
        message: `${step.description}: ${hazard.message} Add "${hazard.code}" to allowHazards to accept it.`,
      })),
  );
}

function findingRefusals(findings: readonly DataFinding[]) {
  return findings
    .filter((finding) => finding.count > 0)
    .map((finding) => ({
      stepId: finding.stepId,
      code: 'DATA_CHECK_FAILED',
      message: `${finding.count} row(s) of ${finding.table}: ${finding.description}`,
    }));
}

/**
 * POST /schemas/{id}/database/migrate: plans the change from the database's version to the target
 * version, checks every DATA_DEPENDENT step against the live rows and refuses (409
 * MIGRATION_REFUSED, with the findings) what would fail or destroy data without consent; otherwise
 * queues the migration job. A dry run reports the same and changes nothing.
 */
export async function migrateDatabase({
  services,
  user,
  origin,
  schemaId,
  input,
}: DatabaseRequest & { input: z.infer<typeof MigrateInputSchema> }): Promise<MigrationReport> {
  const schema = await findSchema(services.db, user.id, schemaId);
  if (!schema) throw schemaNotFound(schemaId);
  const row = await findDatabaseOfSchema(services.db, user.id, schemaId);
  if (!row) throw databaseNotFound(schemaId);
  if (row.jobId !== null) throw databaseBusy(row);
  if (!canStart('migrate', row.status) || row.version === null) throw databaseNotReady(row, 'migrating');
  const fromVersion = row.version;
  const toVersion = input.toVersion ?? schema.currentVersion;
  const [fromDefinition, toDefinition] = await Promise.all([
    findDesignVersion(services.db, schemaId, fromVersion),
    findDesignVersion(services.db, schemaId, toVersion),
  ]);
  if (!toDefinition)
    throw new AppError('VERSION_NOT_FOUND', `Schema ${schemaId} has no version ${toVersion}.`, {
      details: [{ path: 'toVersion', code: 'VERSION_NOT_FOUND', message: 'No such version.' }],
    });
  const plan = planMigration(designOf(fromDefinition, fromVersion), designOf(toDefinition, toVersion));

  const session = services.targets.session(row.target);
  if (!session)
    throw new AppError('SERVICE_UNAVAILABLE', `Server ${row.target} is not configured on this API instance.`);
  const checks = plan.steps.flatMap((step) => step.dataChecks.map((check) => ({ stepId: step.id, check })));
  const findings = await checkMigrationData(
    session,
    { designId: row.schemaId, database: row.databaseName, role: row.roleName },
    checks,
  ).catch((error: unknown) => {
    // The server's reason stays on the cause (logged with the request id), not in the answer.
    throw new AppError(
      'SERVICE_UNAVAILABLE',
      `Could not check the live data on server ${row.target}; try again later (the log has the reason under this request id).`,
      { cause: error },
    );
  });
  const refusals = [...findingRefusals(findings), ...hazardRefusals(plan, new Set(input.allowHazards))];
  const report = {
    ...toPlanResource(plan, fromVersion, toVersion),
    dryRun: input.dryRun,
    findings,
    refusals,
  };

  // Nothing to run for a dry run, or for a database already at the target version.
  if (input.dryRun || fromVersion === toVersion)
    return {
      ...report,
      queued: false,
      database: await describeDatabase(services.db, row, schema.currentVersion),
    };
  if (refusals.length > 0)
    throw new AppError(
      'MIGRATION_REFUSED',
      `The migration to version ${toVersion} was refused: ${refusals.length} problem(s); nothing was changed.`,
      {
        details: refusals.map(
          (refusal): ErrorDetail => ({
            path: `steps.${refusal.stepId}`,
            code: refusal.code,
            message: refusal.message,
          }),
        ),
      },
    );

  const queued = await inJobTransaction(services, async (tx) => {
    const current = await findDatabaseOfSchema(tx.db, user.id, schemaId, { forUpdate: true });
    if (!current) throw databaseNotFound(schemaId);
    if (current.jobId !== null) throw databaseBusy(current);
    if (current.version !== fromVersion)
      throw databaseNotReady(current, 'migrating from the version just checked');
    await recordEvent(tx.db, origin, {
      userId: user.id,
      action: 'database.requested',
      resourceType: 'database',
      resourceId: current.id,
      details: { schemaId, operation: 'migrate', fromVersion, toVersion, allowHazards: input.allowHazards },
    });
    return startJob(services, tx, current, {
      operation: 'migrate',
      patch: { targetVersion: toVersion },
    });
  });
  return {
    ...report,
    queued: true,
    database: await describeDatabase(services.db, queued, schema.currentVersion),
  };
}

import type { ProvisionedDatabaseRow, Queryable } from '@schema-builder/db';
import type { DeploymentIdentity, SecretBox } from '@schema-builder/provisioning';
import { generateDdl } from '@schema-builder/schema-model/ddl';
import type { Design } from '@schema-builder/schema-model/design';
import { planPostgresMigration } from '@schema-builder/schema-model/diff';
import { parseStoredDesign } from '@schema-builder/schema-model/validation';
import { z } from 'zod';
import { findDesignVersion } from './repository.ts';

const JobBaseSchema = z.object({
  jobId: z.uuid(),
  /** 1 for the first attempt; more when a worker died on this job before. */
  attempt: z.number().int().min(1),
  /** The deployment's name and generated id, written into markers (see DeploymentIdentity). */
  instance: z.string(),
  deployment: z.string(),
  /** The configured target server's name. */
  target: z.string(),
  designId: z.string(),
  database: z.string(),
  role: z.string(),
});

const MigrationStepSchema = z.object({ id: z.string(), phase: z.number().int(), sql: z.array(z.string()) });

/** What a worker receives for a job: everything it needs, secrets opened only here. */
export const ClaimedJobSchema = z.discriminatedUnion('operation', [
  JobBaseSchema.extend({
    operation: z.enum(['provision', 'regenerate']),
    password: z.string(),
    version: z.number().int(),
    ddl: z.string(),
  }),
  JobBaseSchema.extend({ operation: z.literal('drop') }),
  JobBaseSchema.extend({ operation: z.literal('rotate'), password: z.string() }),
  JobBaseSchema.extend({
    operation: z.literal('migrate'),
    fromVersion: z.number().int(),
    toVersion: z.number().int(),
    steps: z.array(MigrationStepSchema),
  }),
]);

export type ClaimedJob = z.infer<typeof ClaimedJobSchema>;

/** A job that cannot be handed out (its design version no longer parses, a secret cannot be opened). */
export class UnrunnableJobError extends Error {
  override name = 'UnrunnableJobError';
}

interface PayloadOptions {
  db: Queryable;
  secrets: SecretBox;
  identity: DeploymentIdentity;
  row: ProvisionedDatabaseRow;
  jobId: string;
  attempt: number;
}

export async function buildJobPayload({
  db,
  secrets,
  identity,
  row,
  jobId,
  attempt,
}: PayloadOptions): Promise<ClaimedJob> {
  const base = {
    jobId,
    attempt,
    instance: identity.instance,
    deployment: identity.deployment,
    target: row.target,
    designId: row.schemaId,
    database: row.databaseName,
    role: row.roleName,
  };
  const design = async (version: number): Promise<Design> => {
    const parsed = parseStoredDesign(await findDesignVersion(db, row.schemaId, version));
    if (!parsed.ok) throw new UnrunnableJobError(`version ${version} of the design is not valid`);
    return parsed.design;
  };
  switch (row.operation) {
    case 'provision':
    case 'regenerate':
      return {
        ...base,
        operation: row.operation,
        password: secrets.open(row.passwordSealed, row.id),
        version: row.targetVersion,
        ddl: generateDdl(await design(row.targetVersion), { dialect: 'postgresql' }).sql,
      };
    case 'drop':
      return { ...base, operation: 'drop' };
    case 'rotate':
      if (row.nextPasswordSealed === null) throw new UnrunnableJobError('no new password was recorded');
      return { ...base, operation: 'rotate', password: secrets.open(row.nextPasswordSealed, row.id) };
    case 'migrate': {
      if (row.version === null) throw new UnrunnableJobError('the database was never built');
      const plan = planPostgresMigration(await design(row.version), await design(row.targetVersion));
      return {
        ...base,
        operation: 'migrate',
        fromVersion: row.version,
        toVersion: row.targetVersion,
        steps: plan.steps.map((step) => ({ id: step.id, phase: step.phase, sql: step.sql })),
      };
    }
  }
}

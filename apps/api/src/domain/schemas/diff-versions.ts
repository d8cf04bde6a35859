import type { Database } from '@schema-builder/db';
import { postgresPreamble } from '@schema-builder/schema-model/ddl';
import type { Design } from '@schema-builder/schema-model/design';
import {
  HAZARD_CODES,
  type MigrationPlan,
  MigrationPlanError,
  planPostgresMigration,
} from '@schema-builder/schema-model/diff';
import { parseStoredDesign } from '@schema-builder/schema-model/validation';
import { z } from 'zod';
import { AppError } from '../../errors/codes.ts';
import type { User } from '../auth/principal.ts';
import { getSchemaVersion } from './versions.ts';

export const MigrationStepSchema = z.object({
  id: z.string(),
  description: z.string(),
  phase: z.number().int(),
  sql: z.array(z.string()),
  hazards: z.array(z.object({ code: z.enum(HAZARD_CODES), message: z.string() })),
});

export const MigrationPlanSchema = z
  .object({
    fromVersion: z.number().int(),
    toVersion: z.number().int(),
    /**
     * Statements to run first, on the session the steps run on: the settings the steps' SQL
     * relies on (search path, standard_conforming_strings, …), as an exported script opens with.
     */
    preamble: z.array(z.string()),
    steps: z.array(MigrationStepSchema),
    /** Plain-language lines: a count, then one line per step. */
    summary: z.array(z.string()),
    /** Every hazard code the plan carries, with how many steps carry it. */
    hazardCounts: z.partialRecord(z.enum(HAZARD_CODES), z.number().int()),
  })
  .meta({ id: 'MigrationPlan' });

export type MigrationPlanResource = z.infer<typeof MigrationPlanSchema>;

/** A stored version as a normalized design; stored versions were validated when saved. */
export function designOf(definition: unknown, version: number): Design {
  const parsed = parseStoredDesign(definition);
  if (!parsed.ok) throw new Error(`stored version ${version} no longer validates`);
  return parsed.design;
}

/** The plan between two designs, or 409 MIGRATION_REFUSED naming each change that cannot be migrated. */
export function planMigration(from: Design, to: Design): MigrationPlan {
  try {
    return planPostgresMigration(from, to);
  } catch (error) {
    if (!(error instanceof MigrationPlanError)) throw error;
    throw new AppError('MIGRATION_REFUSED', error.message, {
      cause: error,
      details: error.refused.map((change) => ({
        path: `tables.${change.table}.columns.${change.column}`,
        code: 'IMPOSSIBLE_CHANGE',
        message: change.reason,
      })),
    });
  }
}

export function toPlanResource(
  plan: MigrationPlan,
  fromVersion: number,
  toVersion: number,
): MigrationPlanResource {
  const hazardCounts: MigrationPlanResource['hazardCounts'] = {};
  for (const step of plan.steps)
    for (const code of new Set(step.hazards.map((hazard) => hazard.code)))
      hazardCounts[code] = (hazardCounts[code] ?? 0) + 1;
  return {
    fromVersion,
    toVersion,
    preamble: postgresPreamble(),
    steps: plan.steps.map(({ id, description, phase, sql, hazards }) => ({
      id,
      description,
      phase,
      sql,
      hazards,
    })),
    summary: plan.summary,
    hazardCounts,
  };
}

/** GET /schemas/{id}/diff?from=N&to=M: what migrating a database from version N to M would do. */
export async function diffVersions({
  db,
  user,
  id,
  from,
  to,
}: {
  db: Database;
  user: User;
  id: string;
  from: number;
  to: number;
}): Promise<MigrationPlanResource> {
  const version = (field: 'from' | 'to', number: number) =>
    getSchemaVersion({ db, user, id, version: number }).catch((error: unknown) => {
      if (!(error instanceof AppError) || error.code !== 'VERSION_NOT_FOUND') throw error;
      // Say which query parameter names the missing version.
      throw new AppError('VERSION_NOT_FOUND', error.message, {
        cause: error,
        details: [{ path: field, code: 'VERSION_NOT_FOUND', message: 'No such version.' }],
      });
    });
  const [older, newer] = await Promise.all([version('from', from), version('to', to)]);
  return toPlanResource(
    planMigration(designOf(older.definition, from), designOf(newer.definition, to)),
    from,
    to,
  );
}

import { randomUUID } from 'node:crypto';
import type { ProvisionedDatabaseRow } from '@schema-builder/db';
import {
  DATABASES_SCHEMA_LIVE_KEY,
  isUniqueViolation,
  provisionedDatabases,
  users,
} from '@schema-builder/db';
import { chooseTarget, generateNames, generatePassword } from '@schema-builder/provisioning';
import type { DesignDocument } from '@schema-builder/schema-model/design';
import { eq } from 'drizzle-orm';
import { AppError } from '../../errors/codes.ts';
import type { RequestOrigin } from '../audit/record-event.ts';
import { recordEvent } from '../audit/record-event.ts';
import type { User } from '../auth/principal.ts';
import { assertValidDesign } from '../schemas/design-check.ts';
import { findSchema } from '../schemas/repository.ts';
import { schemaNotFound } from '../schemas/schema-not-found.ts';
import type { DatabaseServices } from './dependencies.ts';
import { describeDatabase } from './describe-database.ts';
import { OPERATION_LIFECYCLE } from './lifecycle.ts';
import { countDatabasesPerTarget, findDatabaseOfSchema } from './repository.ts';
import type { DatabaseResource } from './resource.ts';
import { inJobTransaction } from './transaction.ts';

export interface DatabaseRequest {
  services: Pick<DatabaseServices, 'db' | 'queue' | 'secrets' | 'targets'>;
  user: User;
  origin: RequestOrigin;
  /** The design's id. */
  schemaId: string;
}

/**
 * Asks for a database built from the design's current version: writes the metadata row (names,
 * sealed password, target server) and queues the job in one transaction, then answers at once
 * with status `pending`. The worker does the rest.
 */
export async function requestDatabase({
  services,
  user,
  origin,
  schemaId,
}: DatabaseRequest): Promise<DatabaseResource> {
  const schema = await findSchema(services.db, user.id, schemaId);
  if (!schema) throw schemaNotFound(schemaId);
  assertValidDesign(schema.definition as DesignDocument);
  const existing = await findDatabaseOfSchema(services.db, user.id, schemaId);
  if (existing) throw databaseExists(existing);

  const target = chooseTarget(services.targets.targets, await countDatabasesPerTarget(services.db));
  const id = randomUUID();
  const names = generateNames({ owner: await ownerHandle(services, user), designName: schema.name, id });
  const jobId = randomUUID();
  try {
    const row = await inJobTransaction(services, async (tx) => {
      const [inserted] = await tx.db
        .insert(provisionedDatabases)
        .values({
          id,
          schemaId,
          ownerId: user.id,
          target: target.name,
          databaseName: names.database,
          roleName: names.role,
          passwordSealed: services.secrets.seal(generatePassword(), id),
          status: OPERATION_LIFECYCLE.provision.queued,
          operation: 'provision',
          jobId,
          targetVersion: schema.currentVersion,
        })
        .returning();
      await services.queue.enqueue(tx.db, jobId, { databaseId: id, operation: 'provision' });
      await recordEvent(tx.db, origin, {
        userId: user.id,
        action: 'database.requested',
        resourceType: 'database',
        resourceId: id,
        details: { schemaId, database: names.database, server: target.name, version: schema.currentVersion },
      });
      return inserted;
    });
    if (!row) throw new Error('insert returned no row');
    return await describeDatabase(services.db, row, schema.currentVersion);
  } catch (error) {
    // Two requests at once for the same design: the unique index lets one through.
    if (isUniqueViolation(error, DATABASES_SCHEMA_LIVE_KEY)) {
      const winner = await findDatabaseOfSchema(services.db, user.id, schemaId);
      if (winner) throw databaseExists(winner);
    }
    throw error;
  }
}

function databaseExists(row: ProvisionedDatabaseRow): AppError {
  return new AppError(
    'DATABASE_EXISTS',
    `This design already has database ${row.databaseName} (${row.status}): regenerate, migrate or retry it, or drop it first.`,
    { details: [{ path: 'id', code: 'DATABASE_EXISTS', message: 'The design already has a database.' }] },
  );
}

/** A short, readable owner part for generated names: the user's name, else the e-mail's local part. */
async function ownerHandle(services: Pick<DatabaseServices, 'db'>, user: User): Promise<string> {
  const [row] = await services.db
    .select({ name: users.name, email: users.email })
    .from(users)
    .where(eq(users.id, user.id));
  return row?.name || row?.email?.split('@')[0] || 'user';
}

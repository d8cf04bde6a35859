import type { Database } from '@schema-builder/db';
import { isUniqueViolation, SCHEMAS_OWNER_NAME_LIVE_KEY, schemas, schemaVersions } from '@schema-builder/db';
import { AppError } from '../../errors/codes.ts';
import type { RequestOrigin } from '../audit/record-event.ts';
import { recordEvent } from '../audit/record-event.ts';
import type { User } from '../auth/principal.ts';
import type { DesignLimits } from './design-check.ts';
import { assertDesignSize, assertValidDesign, storedDocument } from './design-check.ts';
import { toResource } from './resource.ts';
import type { SchemaResource } from './types.ts';

export interface CreateSchemaOptions {
  db: Database;
  user: User;
  origin: RequestOrigin;
  limits: DesignLimits;
  input: Record<string, unknown> & { changeNote?: string | undefined };
}

/** Stores a valid design as version 1 of a new schema owned by `user`. */
export async function createSchema({
  db,
  user,
  origin,
  limits,
  input,
}: CreateSchemaOptions): Promise<SchemaResource> {
  const document = storedDocument(input);
  assertDesignSize(document, limits);
  assertValidDesign(document);
  try {
    return await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(schemas)
        .values({
          ownerId: user.id,
          name: document.name,
          description: document.description ?? '',
          currentVersion: 1,
          definition: document,
        })
        .returning();
      if (!row) throw new Error('INSERT … RETURNING returned no row');
      await tx.insert(schemaVersions).values({
        schemaId: row.id,
        version: 1,
        definition: document,
        createdBy: user.id,
        changeNote: input.changeNote ?? null,
      });
      await recordEvent(tx, origin, {
        userId: user.id,
        action: 'schema.created',
        resourceType: 'schema',
        resourceId: row.id,
        details: { name: row.name, version: 1 },
      });
      return toResource(row);
    });
  } catch (error) {
    throw duplicateNameOr(error, document.name);
  }
}

/** Maps the live-name unique index violation to DUPLICATE_NAME; other errors pass through. */
export function duplicateNameOr(error: unknown, name: string): unknown {
  if (!isUniqueViolation(error, SCHEMAS_OWNER_NAME_LIVE_KEY)) return error;
  return new AppError('DUPLICATE_NAME', `You already have a schema named "${name}".`, {
    details: [{ path: 'name', code: 'DUPLICATE_NAME', message: 'Choose another name.' }],
    cause: error,
  });
}

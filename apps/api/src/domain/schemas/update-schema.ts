import type { Database } from '@schema-builder/db';
import { schemas, schemaVersions } from '@schema-builder/db';
import { eq, sql } from 'drizzle-orm';
import { AppError } from '../../errors/codes.ts';
import type { RequestOrigin } from '../audit/record-event.ts';
import { recordEvent } from '../audit/record-event.ts';
import type { User } from '../auth/principal.ts';
import { duplicateNameOr } from './create-schema.ts';
import type { DesignLimits } from './design-check.ts';
import { assertDesignSize, assertValidDesign, storedDocument } from './design-check.ts';
import { lockSchema } from './repository.ts';
import { toResource } from './resource.ts';
import { schemaNotFound } from './schema-not-found.ts';
import type { SchemaResource } from './types.ts';

export interface UpdateSchemaOptions {
  db: Database;
  user: User;
  origin: RequestOrigin;
  limits: DesignLimits;
  id: string;
  expectedVersion: number;
  input: Record<string, unknown> & { changeNote?: string | undefined };
}

/**
 * Saves a new version when the document really changed. Optimistic concurrency: the client
 * says which version it edited, and a stale edit is refused rather than silently overwritten.
 */
export async function updateSchema(options: UpdateSchemaOptions): Promise<SchemaResource> {
  const { db, user, id, expectedVersion } = options;
  const document = storedDocument(options.input);
  assertDesignSize(document, options.limits);
  try {
    return await db.transaction(async (tx) => {
      const current = await lockSchema(tx, user.id, id);
      if (!current) throw schemaNotFound(id);
      if (current.currentVersion !== expectedVersion) {
        throw new AppError(
          'VERSION_CONFLICT',
          `This schema is at version ${current.currentVersion}; your edit was based on version ${expectedVersion}. Reload it and apply your changes again.`,
          {
            details: [
              {
                path: 'expectedVersion',
                code: 'VERSION_CONFLICT',
                message: `The current version is ${current.currentVersion}.`,
              },
            ],
          },
        );
      }
      assertValidDesign(document);
      if (canonicalJson(current.definition) === canonicalJson(document)) return toResource(current);

      const version = current.currentVersion + 1;
      const [row] = await tx
        .update(schemas)
        .set({
          name: document.name,
          description: document.description ?? '',
          definition: document,
          currentVersion: version,
          updatedAt: sql`now()`,
        })
        .where(eq(schemas.id, current.id))
        .returning();
      if (!row) throw new Error('UPDATE … RETURNING returned no row');
      await tx.insert(schemaVersions).values({
        schemaId: row.id,
        version,
        definition: document,
        createdBy: user.id,
        changeNote: options.input.changeNote ?? null,
      });
      await recordEvent(tx, options.origin, {
        userId: user.id,
        action: 'schema.updated',
        resourceType: 'schema',
        resourceId: row.id,
        details: { name: row.name, version },
      });
      return toResource(row);
    });
  } catch (error) {
    throw duplicateNameOr(error, document.name);
  }
}

/** JSON with object keys sorted, so documents equal as data compare equal as text. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) => {
    if (inner === null || typeof inner !== 'object' || Array.isArray(inner)) return inner;
    const record = inner as Record<string, unknown>;
    return Object.fromEntries(
      Object.keys(record)
        .sort()
        .map((key) => [key, record[key]]),
    );
  });
}

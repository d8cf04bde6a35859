import type { Database } from '@schema-builder/db';
import type { User } from '../../trpc/context.ts';
import { findSchema, findSchemaVersion, listSchemas } from './repository.ts';
import { toResource, toSummary } from './resource.ts';
import { schemaNotFound } from './schema-not-found.ts';
import type { SchemaResource, SchemaSort } from './types.ts';

interface OwnedSchema {
  db: Database;
  user: User;
  id: string;
}

export async function getSchema({ db, user, id }: OwnedSchema): Promise<SchemaResource> {
  const row = await findSchema(db, user.id, id);
  if (!row) throw schemaNotFound(id);
  return toResource(row);
}

/** The current version of a design (its ETag), without its document. */
export async function getSchemaVersionNumber({ db, user, id }: OwnedSchema): Promise<{ version: number }> {
  const version = await findSchemaVersion(db, user.id, id);
  if (version === undefined) throw schemaNotFound(id);
  return { version };
}

export interface ListSchemasOptions {
  db: Database;
  user: User;
  page: number;
  pageSize: number;
  search?: string | undefined;
  sort: SchemaSort;
}

export async function listOwnSchemas({ db, user, page, pageSize, search, sort }: ListSchemasOptions) {
  const { rows, total } = await listSchemas(db, {
    ownerId: user.id,
    page,
    pageSize,
    sort,
    ...(search ? { search } : {}),
  });
  return { items: rows.map(toSummary), page, pageSize, total };
}

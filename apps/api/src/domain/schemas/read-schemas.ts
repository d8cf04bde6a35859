import type { Database } from '@schema-builder/db';
import type { User } from '../auth/principal.ts';
import { toPage } from '../pagination/keyset.ts';
import type { Page, PageInput } from '../pagination/page.ts';
import { findSchema, findSchemaVersion, findStoredSchema, listSchemas, SCHEMA_ORDERS } from './repository.ts';
import { toResource, toStoredResource, toSummary } from './resource.ts';
import { schemaNotFound } from './schema-not-found.ts';
import type { SchemaResource, SchemaSort, SchemaSummary, StoredSchemaResource } from './types.ts';

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

/** The same design with its document as stored (jsonb's text), for the REST adapter to write as is. */
export async function getStoredSchema({ db, user, id }: OwnedSchema): Promise<StoredSchemaResource> {
  const row = await findStoredSchema(db, user.id, id);
  if (!row) throw schemaNotFound(id);
  return toStoredResource(row);
}

/** The current version of a design (its ETag), without its document. */
export async function getSchemaVersionNumber({ db, user, id }: OwnedSchema): Promise<{ version: number }> {
  const version = await findSchemaVersion(db, user.id, id);
  if (version === undefined) throw schemaNotFound(id);
  return { version };
}

export interface ListSchemasOptions extends PageInput {
  db: Database;
  user: User;
  search?: string | undefined;
  sort: SchemaSort;
}

export async function listOwnSchemas({
  db,
  user,
  search,
  sort,
  ...page
}: ListSchemasOptions): Promise<Page<SchemaSummary>> {
  const rows = await listSchemas(db, { ownerId: user.id, sort, ...page, ...(search ? { search } : {}) });
  return toPage(SCHEMA_ORDERS[sort], page, rows, toSummary);
}

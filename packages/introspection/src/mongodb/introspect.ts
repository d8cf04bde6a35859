import type { IntrospectedCatalog, UnsupportedObject } from '@schema-builder/schema-model/import';
import type { MongoClient } from 'mongodb';
import { BSON } from 'mongodb';
import { inferCollection } from './infer.ts';
import type { MongoStructure, MongoStructureOptions, MongoView } from './structure.ts';
import { listMongoStructure } from './structure.ts';

/**
 * The structure of a MongoDB database, inferred from a sample of each collection's documents
 * (see `listMongoStructure`, `inferCollection`). The catalog's schema is the database; it has
 * no enums and no foreign keys, and its views are unsupported objects.
 */
export async function introspectMongo(
  client: MongoClient,
  database: string,
  options: MongoStructureOptions = {},
): Promise<IntrospectedCatalog> {
  return structureToCatalog(await listMongoStructure(client, database, options));
}

/** `introspectMongo` without the server: sampled collections and views as a catalog. */
export function structureToCatalog(structure: MongoStructure): IntrospectedCatalog {
  return {
    schema: structure.database,
    tables: structure.collections.map((collection) => inferCollection(collection.name, collection.documents)),
    enums: [],
    unsupported: structure.views.map(viewObject),
  };
}

const MAX_DETAIL = 1_000;

function viewObject(view: MongoView): UnsupportedObject {
  const pipeline = BSON.EJSON.stringify(view.pipeline, { relaxed: true });
  const detail = `a view on ${view.viewOn ?? 'an unknown collection'}: ${pipeline}`;
  return {
    kind: 'view',
    name: view.name,
    detail: detail.length > MAX_DETAIL ? `${detail.slice(0, MAX_DETAIL)}…` : detail,
  };
}

import type { Document, MongoClient } from 'mongodb';

export interface MongoStructureOptions {
  /** Documents sampled per collection (`$sample`), 100 unless said; a positive integer. */
  sampleSize?: number;
}

export interface MongoCollectionSample {
  name: string;
  /** Up to `sampleSize` documents, read with `promoteValues: false` so int32/int64/double stay apart. */
  documents: Document[];
}

export interface MongoView {
  name: string;
  viewOn: string | null;
  pipeline: Document[];
}

export interface MongoStructure {
  database: string;
  /** Collections (time series included), by name; `system.*` collections are left out. */
  collections: MongoCollectionSample[];
  views: MongoView[];
}

/** Databases MongoDB keeps for itself. */
const SYSTEM_DATABASES: ReadonlySet<string> = new Set(['admin', 'config', 'local']);

/** The databases the client's user may read, by name, without MongoDB's own (`admin`, `config`, `local`). */
export async function listMongoDatabases(client: MongoClient): Promise<string[]> {
  const { databases } = await client
    .db()
    .admin()
    .listDatabases({ nameOnly: true, authorizedDatabases: true });
  return databases
    .map((database) => database.name)
    .filter((name) => !SYSTEM_DATABASES.has(name))
    .sort();
}

/**
 * The collections and views of `database`, with a random sample (`$sample`) of up to
 * `sampleSize` documents of each collection. Collections are sampled one after another.
 */
export async function listMongoStructure(
  client: MongoClient,
  database: string,
  { sampleSize = 100 }: MongoStructureOptions = {},
): Promise<MongoStructure> {
  if (!Number.isInteger(sampleSize) || sampleSize < 1) {
    throw new RangeError(`sampleSize must be a positive integer, not ${sampleSize}`);
  }
  const db = client.db(database);
  const infos = await db.listCollections({}, { nameOnly: false }).toArray();
  const listed = infos
    .filter((info) => !info.name.startsWith('system.'))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const collections: MongoCollectionSample[] = [];
  const views: MongoView[] = [];
  for (const info of listed) {
    if (info.type === 'view') {
      views.push(viewOf(info.name, info.options));
      continue;
    }
    const documents = await db
      .collection(info.name)
      .aggregate([{ $sample: { size: sampleSize } }], {
        promoteValues: false,
        promoteLongs: false,
        bsonRegExp: true,
      })
      .toArray();
    collections.push({ name: info.name, documents });
  }
  return { database, collections, views };
}

function viewOf(name: string, options: Document | undefined): MongoView {
  const viewOn: unknown = options?.viewOn;
  const pipeline: unknown = options?.pipeline;
  return {
    name,
    viewOn: typeof viewOn === 'string' ? viewOn : null,
    pipeline: Array.isArray(pipeline) ? pipeline : [],
  };
}

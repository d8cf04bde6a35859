export { bsonTypeOf, fieldType } from './mongodb/bson-type.ts';
export { inferCollection } from './mongodb/infer.ts';
export { introspectMongo, structureToCatalog } from './mongodb/introspect.ts';
export type {
  MongoCollectionSample,
  MongoStructure,
  MongoStructureOptions,
  MongoView,
} from './mongodb/structure.ts';
export { listMongoDatabases, listMongoStructure } from './mongodb/structure.ts';
export { introspectMysql } from './mysql/introspect.ts';
export { SAFE_MYSQL_OPTIONS } from './mysql/options.ts';
export type { IntrospectPostgresOptions } from './postgres/introspect.ts';
export { introspectPostgres, SchemaNotFoundError } from './postgres/introspect.ts';
export { introspectSqlite } from './sqlite/introspect.ts';

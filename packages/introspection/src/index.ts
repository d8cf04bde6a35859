export { introspectMysql } from './mysql/introspect.ts';
export { SAFE_MYSQL_OPTIONS } from './mysql/options.ts';
export type { IntrospectPostgresOptions } from './postgres/introspect.ts';
export { introspectPostgres, SchemaNotFoundError } from './postgres/introspect.ts';
export { introspectSqlite } from './sqlite/introspect.ts';

export type { Database, DatabaseOptions, Queryable } from './client.ts';
export { createDatabase } from './client.ts';
export { migrationsFolder, pendingMigrations, runMigrations } from './migrate.ts';
export * from './schema/index.ts';
export { isUniqueViolation, type UniqueConstraint } from './unique-violation.ts';

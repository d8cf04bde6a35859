export * from './schema.ts';
export { createDatabase } from './client.ts';
export type { Database, DatabaseOptions } from './client.ts';
export { migrationsFolder, runMigrations } from './migrate.ts';

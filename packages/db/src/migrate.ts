import { fileURLToPath } from 'node:url';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { drizzle } from 'drizzle-orm/postgres-js';
import { migrate } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';

/** The committed drizzle-kit migrations of this package. */
export const migrationsFolder = fileURLToPath(new URL('../drizzle', import.meta.url));

/**
 * Applies every pending migration. Safe to run from several processes at once: drizzle's
 * migrator runs in one transaction, and an advisory lock serialises concurrent starts.
 */
export async function runMigrations(url: string): Promise<void> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await sql`SELECT pg_advisory_lock(hashtext('schema-builder:migrations'))`;
    await migrate(drizzle(sql), { migrationsFolder });
  } finally {
    await sql.end({ timeout: 5 });
  }
}

/** When each committed migration was generated (drizzle's `folderMillis`), read once. */
let generatedAt: number[] | undefined;

/**
 * How many committed migrations the database at `sql` has not applied (all of them on an empty
 * database): drizzle applies a migration when it is newer than the last one it recorded, so the
 * same comparison tells what a start would still apply. For readiness checks; changes nothing.
 */
export async function pendingMigrations(sql: postgres.Sql): Promise<number> {
  generatedAt ??= readMigrationFiles({ migrationsFolder }).map((migration) => migration.folderMillis);
  const [table] = await sql<{ exists: boolean }[]>`
    SELECT to_regclass('drizzle.__drizzle_migrations') IS NOT NULL AS exists`;
  if (!table?.exists) return generatedAt.length;
  const [last] = await sql<{ created_at: string | null }[]>`
    SELECT max(created_at)::text AS created_at FROM drizzle.__drizzle_migrations`;
  const lastApplied = last?.created_at == null ? -1 : Number(last.created_at);
  return generatedAt.filter((millis) => millis > lastApplied).length;
}

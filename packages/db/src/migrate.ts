import { fileURLToPath } from 'node:url';
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

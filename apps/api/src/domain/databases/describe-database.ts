import type { ProvisionedDatabaseRow, Queryable } from '@schema-builder/db';
import { designOf, planMigration } from '../schemas/diff-versions.ts';
import { STATUS_TRAITS } from './lifecycle.ts';
import { findDesignVersion } from './repository.ts';
import { type CatalogCheck, type DatabaseResource, toResource } from './resource.ts';

/**
 * A database as every route answers it: `pendingSteps` has the one meaning everywhere (list,
 * status, and the answers of changes), so a client never has to know which view filled it.
 */
export async function describeDatabase(
  db: Queryable,
  row: ProvisionedDatabaseRow,
  latestVersion: number | null,
  catalog: CatalogCheck | null = null,
): Promise<DatabaseResource> {
  return toResource(row, latestVersion, {
    catalog,
    pendingSteps: await pendingSteps(db, row, latestVersion),
  });
}

/**
 * How many steps a migration to the latest version would run: 0 when up to date. Null when it
 * cannot be known: not built yet, dropped, detached (no design), or a change that cannot be
 * migrated (the diff endpoint explains it). Reads versions only when the database is behind.
 */
async function pendingSteps(
  db: Queryable,
  row: ProvisionedDatabaseRow,
  latest: number | null,
): Promise<number | null> {
  if (latest === null || row.version === null || STATUS_TRAITS[row.status].final) return null;
  if (row.version === latest) return 0;
  const [from, to] = await Promise.all([
    findDesignVersion(db, row.schemaId, row.version),
    findDesignVersion(db, row.schemaId, latest),
  ]);
  try {
    return planMigration(designOf(from, row.version), designOf(to, latest)).steps.length;
  } catch {
    return null;
  }
}

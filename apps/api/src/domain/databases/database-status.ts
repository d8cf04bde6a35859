import type { ProvisionedDatabaseRow } from '@schema-builder/db';
import { inspectDatabase, ProvisioningError } from '@schema-builder/provisioning';
import { compareWithCatalog } from '@schema-builder/schema-model/diff';
import { parseStoredDesign } from '@schema-builder/schema-model/validation';
import type { User } from '../auth/principal.ts';
import { toPage } from '../pagination/keyset.ts';
import type { Page, PageInput } from '../pagination/page.ts';
import { findSchemaVersion } from '../schemas/repository.ts';
import { schemaNotFound } from '../schemas/schema-not-found.ts';
import type { DatabaseServices } from './dependencies.ts';
import { describeDatabase } from './describe-database.ts';
import { databaseNotFound } from './errors.ts';
import { STATUS_TRAITS } from './lifecycle.ts';
import {
  DATABASES_NEWEST_FIRST,
  findDesignVersion,
  findLatestDatabaseOfSchema,
  listOwnedDatabases,
} from './repository.ts';
import type { CatalogCheck, DatabaseResource } from './resource.ts';

export interface StatusRequest {
  services: Pick<DatabaseServices, 'db' | 'targets'>;
  user: User;
  schemaId: string;
  /** Where a failed catalog check's reason goes (the request's log): the answer has none. */
  log: { warn(fields: Record<string, unknown>, message: string): void };
}

/**
 * The design's database as the metadata records it, plus what its server says right now: size,
 * open connections, and whether its tables are the design's (read from the catalog, so a job
 * that claimed success cannot hide a database that lost or never got its tables).
 */
export async function getDatabaseStatus({
  services,
  user,
  schemaId,
  log,
}: StatusRequest): Promise<DatabaseResource> {
  // The version alone: a client polls this route, and the document is not needed here.
  const latest = await findSchemaVersion(services.db, user.id, schemaId);
  if (latest === undefined) throw schemaNotFound(schemaId);
  const row = await findLatestDatabaseOfSchema(services.db, user.id, schemaId);
  if (!row) throw databaseNotFound(schemaId);
  return describeDatabase(services.db, row, latest, await checkCatalog(services, row, log));
}

/** A page of an owner's databases, newest first, detached ones included; dropped ones on request. */
export async function listDatabases({
  services,
  user,
  includeDropped,
  ...page
}: PageInput & {
  services: Pick<DatabaseServices, 'db'>;
  user: User;
  includeDropped: boolean;
}): Promise<Page<DatabaseResource>> {
  const rows = await listOwnedDatabases(services.db, user.id, includeDropped, page);
  const { items, nextCursor } = toPage(DATABASES_NEWEST_FIRST, page, rows, (row) => row);
  return {
    items: await Promise.all(
      items.map(({ row, latestVersion, deletedAt }) =>
        describeDatabase(services.db, row, deletedAt ? null : latestVersion),
      ),
    ),
    nextCursor,
  };
}

/**
 * Null while a job runs: the worker is changing the database, so the catalog would describe a
 * half-done state, and a client polling until the job ends would slow the job it waits for.
 */
async function checkCatalog(
  services: Pick<DatabaseServices, 'db' | 'targets'>,
  row: ProvisionedDatabaseRow,
  log: StatusRequest['log'],
): Promise<CatalogCheck | null> {
  // Nothing (yet, or any more) to look at on the server in some statuses.
  if (!STATUS_TRAITS[row.status].inspectable || row.jobId !== null) return null;
  const checkedAt = new Date().toISOString();
  const unknown = { exists: null, sizeBytes: null, connections: null, matchesDesign: null, mismatches: [] };
  const session = services.targets.session(row.target);
  if (!session)
    return {
      checkedAt,
      reachable: false,
      ...unknown,
      error: `server ${row.target} is not configured on this API`,
    };
  try {
    const inspection = await inspectDatabase(session, row.databaseName);
    if (!inspection.exists)
      return { checkedAt, reachable: true, ...unknown, exists: false, matchesDesign: false, error: null };
    const definition =
      row.version === null ? undefined : await findDesignVersion(services.db, row.schemaId, row.version);
    const parsed = definition ? parseStoredDesign(definition) : undefined;
    const mismatches = parsed?.ok
      ? compareWithCatalog(
          parsed.design,
          inspection.tables,
          inspection.schemas.map((schema) => schema.name),
          inspection.views,
        )
      : [];
    return {
      checkedAt,
      reachable: true,
      exists: true,
      sizeBytes: inspection.sizeBytes,
      connections: inspection.connections,
      matchesDesign: parsed?.ok ? mismatches.length === 0 : null,
      mismatches,
      error: null,
    };
  } catch (error) {
    // A ProvisioningError says why in our words (the server's text stays on its cause); anything
    // else is ours to log, not the client's to read.
    log.warn({ err: error, databaseId: row.id }, 'the catalog check of a database failed');
    return {
      checkedAt,
      reachable: false,
      ...unknown,
      error: error instanceof ProvisioningError ? error.message : 'the server could not be asked',
    };
  }
}

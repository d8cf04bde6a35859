import {
  DATABASE_FAILURE_CODES,
  DATABASE_FAILURE_MEANINGS,
  DATABASE_OPERATIONS,
  DATABASE_STATUSES,
  type ProvisionedDatabaseRow,
} from '@schema-builder/db';
import { z } from 'zod';

/** The failure codes and their meanings as a Markdown table, for the OpenAPI description. */
function failureCodeTable(): string {
  const rows = DATABASE_FAILURE_CODES.map((code) => `| \`${code}\` | ${DATABASE_FAILURE_MEANINGS[code]} |`);
  return ['| Code | Meaning |', '| --- | --- |', ...rows].join('\n');
}

/** What the server's catalog says right now (status endpoint only; null elsewhere). */
export const CatalogCheckSchema = z.object({
  checkedAt: z.string(),
  /** False when the server could not be asked; `error` says why. */
  reachable: z.boolean(),
  exists: z.boolean().nullable(),
  sizeBytes: z.number().int().nullable(),
  /** Open sessions on the database, not counting the service's own. */
  connections: z.number().int().nullable(),
  /** Whether its tables, columns and views are those of the version it was built from. */
  matchesDesign: z.boolean().nullable(),
  mismatches: z.array(
    z.object({ code: z.string(), table: z.string(), column: z.string().optional(), message: z.string() }),
  ),
  error: z.string().nullable(),
});

export const DatabaseResourceSchema = z
  .object({
    id: z.uuid(),
    schemaId: z.uuid(),
    status: z.enum(DATABASE_STATUSES),
    /** The job in flight, or the last one. */
    operation: z.enum(DATABASE_OPERATIONS),
    /** A job is queued or running; other changes wait for it (409 DATABASE_BUSY). */
    busy: z.boolean(),
    server: z.string(),
    database: z.string(),
    role: z.string(),
    /** The design version the database holds (null until first built). */
    version: z.number().int().nullable(),
    /** The version the job in flight builds or migrates to. */
    targetVersion: z.number().int(),
    /** The design's latest version; null when the design was deleted (detached database). */
    latestVersion: z.number().int().nullable(),
    /** The design has versions the database does not have yet: migrate to apply them. */
    behindDesign: z.boolean(),
    /**
     * Steps a migration to the latest version would run ("3 changes not applied"); 0 when up to
     * date. Null only when unknown: not built yet, dropped, detached, or not migratable (see diff).
     */
    pendingSteps: z.number().int().nullable(),
    detached: z.boolean(),
    rotatingCredentials: z.boolean(),
    progress: z.string().nullable(),
    /** Why the last job failed, in words; never the server's own text. Null unless it failed. */
    lastError: z.string().nullable(),
    /** Why the last job failed, as a code to branch on (see its enum's descriptions). */
    lastErrorCode: z
      .enum(DATABASE_FAILURE_CODES)
      .nullable()
      .meta({
        description: `Why the last job failed; null unless it failed.\n\n${failureCodeTable()}`,
      }),
    /** The PostgreSQL SQLSTATE of the last failure, when the server reported one. */
    lastErrorSqlState: z.string().nullable(),
    catalog: CatalogCheckSchema.nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
    readyAt: z.string().nullable(),
    droppedAt: z.string().nullable(),
    detachedAt: z.string().nullable(),
  })
  .meta({ id: 'Database' });

export type DatabaseResource = z.infer<typeof DatabaseResourceSchema>;
export type CatalogCheck = z.infer<typeof CatalogCheckSchema>;

const iso = (date: Date | null) => (date ? date.toISOString() : null);

export function toResource(
  row: ProvisionedDatabaseRow,
  latestVersion: number | null,
  live: { catalog: CatalogCheck | null; pendingSteps: number | null },
): DatabaseResource {
  return {
    id: row.id,
    schemaId: row.schemaId,
    status: row.status,
    operation: row.operation,
    busy: row.jobId !== null,
    server: row.target,
    database: row.databaseName,
    role: row.roleName,
    version: row.version,
    targetVersion: row.targetVersion,
    latestVersion,
    behindDesign: latestVersion !== null && row.version !== null && row.version < latestVersion,
    detached: row.detachedAt !== null,
    rotatingCredentials: row.nextPasswordSealed !== null,
    progress: row.progress,
    lastError: row.lastError,
    lastErrorCode: row.lastErrorCode,
    lastErrorSqlState: row.lastErrorSqlState,
    pendingSteps: live.pendingSteps,
    catalog: live.catalog,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    readyAt: iso(row.readyAt),
    droppedAt: iso(row.droppedAt),
    detachedAt: iso(row.detachedAt),
  };
}

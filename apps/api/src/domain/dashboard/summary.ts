import { CONNECTION_TYPES } from '@schema-builder/contracts/connections';
import { DATABASE_STATUSES } from '@schema-builder/db';
import type { Sql } from 'postgres';
import { z } from 'zod';

/** How many recent designs and connections the dashboard lists, and at most how many databases needing attention. */
export const RECENT_LIMIT = 5;
export const ATTENTION_LIMIT = 10;

/** Live statuses only: a dropped database is history, not something the user has. */
const LIVE_STATUSES = DATABASE_STATUSES.filter((status) => status !== 'dropped');

const count = z.int().min(0);

/** A property per live status (an object, not a record, so the document lists each). */
const byStatusShape = {
  pending: count,
  provisioning: count,
  ready: count,
  failed: count,
  dropping: count,
  migrating: count,
  migration_failed: count,
} satisfies Record<(typeof LIVE_STATUSES)[number], typeof count>;

export const DashboardSummarySchema = z
  .object({
    designs: z.object({ total: count }),
    databases: z.object({
      total: count,
      /** Every live status, 0 when none is in it. */
      byStatus: z.object(byStatusShape),
    }),
    connections: z.object({ total: count, active: count, inactive: count }),
    /** Most recently changed first. */
    recentDesigns: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        updatedAt: z.string(),
        /** Its live database's status; null when it has none. */
        databaseStatus: z.enum(LIVE_STATUSES).nullable(),
      }),
    ),
    /** Newest first. */
    recentConnections: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        type: z.enum(CONNECTION_TYPES),
        host: z.string().nullable(),
        color: z.string().nullable(),
        active: z.boolean(),
        /** `OK`, an error code, or null when never tested. */
        lastTestResult: z.string().nullable(),
        lastTestedAt: z.string().nullable(),
      }),
    ),
    /** Databases that failed, or hold an older version than their design's latest. */
    attention: z.array(
      z.object({
        id: z.string(),
        schemaId: z.string(),
        designName: z.string(),
        status: z.enum(LIVE_STATUSES),
        reason: z.enum(['failed', 'behind_design']),
        version: z.int().nullable(),
        latestVersion: z.int().nullable(),
        lastError: z.string().nullable(),
      }),
    ),
  })
  .meta({ id: 'DashboardSummary' });

export type DashboardSummary = z.infer<typeof DashboardSummarySchema>;

/**
 * Everything the dashboard shows, for one owner, in one round trip: counts by subqueries over the
 * owner's indexes, and the short lists as JSON arrays built by the server.
 */
export async function dashboardSummary({
  sql,
  ownerId,
}: {
  sql: Sql;
  ownerId: string;
}): Promise<DashboardSummary> {
  const [row] = await sql<[{ summary: RawSummary }]>`
    WITH live_designs AS (
      SELECT id, name, current_version, updated_at FROM schemas
      WHERE owner_id = ${ownerId} AND deleted_at IS NULL
    ), live_databases AS (
      SELECT d.id, d.schema_id, d.status, d.version, d.last_error, d.updated_at,
             s.name AS design_name, s.current_version AS latest_version
      FROM databases d LEFT JOIN live_designs s ON s.id = d.schema_id
      WHERE d.owner_id = ${ownerId} AND d.status <> 'dropped'
    ), owned_connections AS (
      SELECT id, name, type, host, color, active, last_test_result, last_tested_at, created_at
      FROM connections WHERE owner_id = ${ownerId}
    )
    SELECT json_build_object(
      'designs', (SELECT count(*) FROM live_designs),
      'databaseStatuses', (SELECT coalesce(json_object_agg(status, n), '{}') FROM
        (SELECT status, count(*) AS n FROM live_databases GROUP BY status) AS by_status),
      'connectionsActive', (SELECT count(*) FROM owned_connections WHERE active),
      'connectionsInactive', (SELECT count(*) FROM owned_connections WHERE NOT active),
      'recentDesigns', (SELECT coalesce(json_agg(recent ORDER BY recent.updated_at DESC), '[]') FROM (
        SELECT s.id, s.name, s.updated_at, db.status AS database_status
        FROM live_designs s LEFT JOIN live_databases db ON db.schema_id = s.id
        ORDER BY s.updated_at DESC LIMIT ${RECENT_LIMIT}) AS recent),
      'recentConnections', (SELECT coalesce(json_agg(recent ORDER BY recent.created_at DESC), '[]') FROM (
        SELECT * FROM owned_connections ORDER BY created_at DESC LIMIT ${RECENT_LIMIT}) AS recent),
      'attention', (SELECT coalesce(json_agg(needing ORDER BY needing.updated_at DESC), '[]') FROM (
        SELECT * FROM live_databases
        WHERE status IN ('failed', 'migration_failed')
           OR (status = 'ready' AND version < latest_version)
        ORDER BY updated_at DESC LIMIT ${ATTENTION_LIMIT}) AS needing)
    ) AS summary`;
  if (!row) throw new Error('the summary query returned no row');
  return toSummary(row.summary);
}

/** The query's JSON as PostgreSQL writes it (snake_case rows, counts as numbers). */
interface RawSummary {
  designs: number;
  databaseStatuses: Record<string, number>;
  connectionsActive: number;
  connectionsInactive: number;
  recentDesigns: Array<{ id: string; name: string; updated_at: string; database_status: string | null }>;
  recentConnections: Array<{
    id: string;
    name: string;
    type: string;
    host: string | null;
    color: string | null;
    active: boolean;
    last_test_result: string | null;
    last_tested_at: string | null;
  }>;
  attention: Array<{
    id: string;
    schema_id: string;
    design_name: string | null;
    status: string;
    version: number | null;
    latest_version: number | null;
    last_error: string | null;
  }>;
}

const iso = (timestamp: string | null) => (timestamp === null ? null : new Date(timestamp).toISOString());

/** Parsed by the output schema on the way out; here only renamed and completed. */
function toSummary(raw: RawSummary): DashboardSummary {
  const byStatus = Object.fromEntries(
    LIVE_STATUSES.map((status) => [status, raw.databaseStatuses[status] ?? 0]),
  ) as DashboardSummary['databases']['byStatus'];
  return {
    designs: { total: raw.designs },
    databases: { total: Object.values(byStatus).reduce((sum, n) => sum + n, 0), byStatus },
    connections: {
      total: raw.connectionsActive + raw.connectionsInactive,
      active: raw.connectionsActive,
      inactive: raw.connectionsInactive,
    },
    recentDesigns: raw.recentDesigns.map((design) => ({
      id: design.id,
      name: design.name,
      updatedAt: new Date(design.updated_at).toISOString(),
      databaseStatus: design.database_status as DashboardSummary['recentDesigns'][number]['databaseStatus'],
    })),
    recentConnections: raw.recentConnections.map((connection) => ({
      id: connection.id,
      name: connection.name,
      type: connection.type as DashboardSummary['recentConnections'][number]['type'],
      host: connection.host,
      color: connection.color,
      active: connection.active,
      lastTestResult: connection.last_test_result,
      lastTestedAt: iso(connection.last_tested_at),
    })),
    attention: raw.attention.map((database) => ({
      id: database.id,
      schemaId: database.schema_id,
      // A database whose design was deleted keeps its row (detached).
      designName: database.design_name ?? '(deleted design)',
      status: database.status as DashboardSummary['attention'][number]['status'],
      reason: database.status === 'ready' ? 'behind_design' : 'failed',
      version: database.version,
      latestVersion: database.latest_version,
      lastError: database.last_error,
    })),
  };
}

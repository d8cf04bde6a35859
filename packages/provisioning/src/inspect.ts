import { readDatabase } from './catalog.ts';
import { step } from './errors.ts';
import { type Marker, parseMarker } from './markers.ts';
import { APPLICATION_NAME, type TargetSession } from './session.ts';

export interface InspectedColumn {
  name: string;
  /** As `format_type()` spells it, e.g. `character varying(255)`. */
  type: string;
  nullable: boolean;
}

export interface InspectedTable {
  name: string;
  owner: string;
  columns: InspectedColumn[];
}

/** A view with PostgreSQL's text of its query (`pg_get_viewdef`), for `compareWithCatalog`. */
export interface InspectedView {
  name: string;
  definition: string;
}

export type DatabaseInspection =
  | { exists: false }
  | {
      exists: true;
      owner: string;
      sizeBytes: number;
      /** Sessions on the database, not counting schema-builder's own. */
      connections: number;
      /** The marker of the applied design version, when the DDL step has committed. */
      schemaMarker: Marker | undefined;
      /** Ordinary and partitioned tables of `public`, by name, columns in order. */
      tables: InspectedTable[];
      /** Views of `public`, by name. */
      views: InspectedView[];
    };

/**
 * What the server says about a provisioned database right now: size, open connections and the
 * tables it really has, read from the catalog, so a status report never trusts a job's claims.
 */
export function inspectDatabase(session: TargetSession, database: string): Promise<DatabaseInspection> {
  return step('inspect database', async () => {
    const state = await readDatabase(session.admin, database);
    if (!state) return { exists: false };
    const [stats] = await session.admin<{ sizeBytes: string; connections: number }[]>`
      SELECT pg_database_size(${database}::text) AS "sizeBytes",
             (SELECT count(*)::int FROM pg_stat_activity
              WHERE datname = ${database} AND application_name IS DISTINCT FROM ${APPLICATION_NAME}) AS connections`;
    // A status check can race a drop of the database (see fetchTypes); its rows hold no arrays.
    const inside = await session.inDatabase(
      database,
      async (sql) => {
        const [schema] = await sql<{ comment: string | null }[]>`
        SELECT obj_description(oid, 'pg_namespace') AS comment FROM pg_namespace WHERE nspname = 'public'`;
        const rows = await sql<
          {
            table: string;
            owner: string;
            column: string | null;
            type: string | null;
            notNull: boolean | null;
          }[]
        >`
        SELECT c.relname AS table, pg_get_userbyid(c.relowner) AS owner, a.attname AS column,
               format_type(a.atttypid, a.atttypmod) AS type, a.attnotnull AS "notNull"
        FROM pg_class c
        JOIN pg_namespace n ON n.oid = c.relnamespace
        LEFT JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
        WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')
        ORDER BY c.relname, a.attnum`;
        const views = await sql<InspectedView[]>`
        SELECT viewname::text AS name, definition FROM pg_views WHERE schemaname = 'public' ORDER BY viewname`;
        return { schemaMarker: parseMarker(schema?.comment), tables: groupTables(rows), views };
      },
      { fetchTypes: false },
    );
    return {
      exists: true,
      owner: state.owner,
      sizeBytes: Number(stats?.sizeBytes ?? 0),
      connections: stats?.connections ?? 0,
      ...inside,
    };
  });
}

function groupTables(
  rows: readonly {
    table: string;
    owner: string;
    column: string | null;
    type: string | null;
    notNull: boolean | null;
  }[],
): InspectedTable[] {
  const tables = new Map<string, InspectedTable>();
  for (const row of rows) {
    let table = tables.get(row.table);
    if (!table) {
      table = { name: row.table, owner: row.owner, columns: [] };
      tables.set(row.table, table);
    }
    if (row.column !== null && row.type !== null)
      table.columns.push({ name: row.column, type: row.type, nullable: row.notNull !== true });
  }
  return [...tables.values()];
}

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
  /** The table's schema when it is not `public`. */
  schema?: string;
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
      /** Ordinary and partitioned tables of every schema (PostgreSQL's own aside), columns in order. */
      tables: InspectedTable[];
      /** The schemas besides `public` and PostgreSQL's own, by name, with their owners. */
      schemas: Array<{ name: string; owner: string }>;
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
        const schemas = await sql<{ name: string; owner: string }[]>`
        SELECT n.nspname AS name, pg_get_userbyid(n.nspowner) AS owner FROM pg_namespace n
        WHERE n.nspname NOT IN ('public', 'information_schema') AND n.nspname NOT LIKE 'pg\\_%'
        ORDER BY n.nspname`;
        const rows = await sql<
          {
            schema: string;
            table: string;
            owner: string;
            column: string | null;
            type: string | null;
            notNull: boolean | null;
          }[]
        >`
        SELECT n.nspname AS schema, c.relname AS table, pg_get_userbyid(c.relowner) AS owner, a.attname AS column,
               format_type(a.atttypid, a.atttypmod) AS type, a.attnotnull AS "notNull"
        FROM pg_class c
        JOIN pg_namespace n ON n.oid = c.relnamespace
        LEFT JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
        WHERE n.nspname NOT IN ('information_schema') AND n.nspname NOT LIKE 'pg\\_%' AND c.relkind IN ('r', 'p')
        ORDER BY n.nspname <> 'public', n.nspname, c.relname, a.attnum`;
        const views = await sql<InspectedView[]>`
        SELECT viewname::text AS name, definition FROM pg_views WHERE schemaname = 'public' ORDER BY viewname`;
        return {
          schemaMarker: parseMarker(schema?.comment),
          tables: groupTables(rows),
          schemas: [...schemas],
          views,
        };
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
    schema: string;
    table: string;
    owner: string;
    column: string | null;
    type: string | null;
    notNull: boolean | null;
  }[],
): InspectedTable[] {
  const tables = new Map<string, InspectedTable>();
  for (const row of rows) {
    const key = JSON.stringify([row.schema, row.table]);
    let table = tables.get(key);
    if (!table) {
      table = {
        ...(row.schema === 'public' ? {} : { schema: row.schema }),
        name: row.table,
        owner: row.owner,
        columns: [],
      };
      tables.set(key, table);
    }
    if (row.column !== null && row.type !== null)
      table.columns.push({ name: row.column, type: row.type, nullable: row.notNull !== true });
  }
  return [...tables.values()];
}

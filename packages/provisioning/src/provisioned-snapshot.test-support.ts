/**
 * Test helper: everything the catalog says about one provisioned database and its role, in a
 * shape `toEqual` can compare (the role's password is left out: its salt changes on a retry).
 */
import type postgres from 'postgres';
import type { DatabaseRef } from './plan.ts';
import type { TestServer } from './test-server.test-support.ts';

export interface ProvisionedSnapshot {
  role: {
    login: boolean;
    superuser: boolean;
    createdb: boolean;
    createrole: boolean;
    replication: boolean;
    bypassrls: boolean;
    connectionLimit: number;
    comment: string | null;
  } | null;
  database: {
    owner: string;
    /** Privileges granted to PUBLIC (grantee 0) on the database. */
    publicPrivileges: string[];
    comment: string | null;
  } | null;
  inside: {
    schemaOwner: string;
    schemaPublicPrivileges: string[];
    schemaComment: string | null;
    /** `kind name owner` of every relation and type in `public`. */
    objects: string[];
  } | null;
}

export async function snapshot(server: TestServer, ref: DatabaseRef): Promise<ProvisionedSnapshot> {
  const { admin } = server.session;
  const [role] = await admin<NonNullable<ProvisionedSnapshot['role']>[]>`
    SELECT rolcanlogin AS login, rolsuper AS superuser, rolcreatedb AS createdb,
           rolcreaterole AS createrole, rolreplication AS replication, rolbypassrls AS bypassrls,
           rolconnlimit AS "connectionLimit", shobj_description(oid, 'pg_authid') AS comment
    FROM pg_roles WHERE rolname = ${ref.role}`;
  const [database] = await admin<NonNullable<ProvisionedSnapshot['database']>[]>`
    SELECT pg_get_userbyid(d.datdba) AS owner,
           ARRAY(SELECT a.privilege_type FROM aclexplode(d.datacl) a WHERE a.grantee = 0 ORDER BY 1)
             AS "publicPrivileges",
           shobj_description(d.oid, 'pg_database') AS comment
    FROM pg_database d WHERE d.datname = ${ref.database}`;
  const inside = database ? await server.session.inDatabase(ref.database, readInside) : null;
  return { role: role ?? null, database: database ?? null, inside };
}

async function readInside(sql: postgres.Sql) {
  const [schema] = await sql<{ owner: string; publicPrivileges: string[]; comment: string | null }[]>`
    SELECT pg_get_userbyid(n.nspowner) AS owner,
           ARRAY(SELECT a.privilege_type FROM aclexplode(n.nspacl) a WHERE a.grantee = 0 ORDER BY 1)
             AS "publicPrivileges",
           obj_description(n.oid, 'pg_namespace') AS comment
    FROM pg_namespace n WHERE n.nspname = 'public'`;
  const objects = await sql<{ line: string }[]>`
    SELECT 'relation:' || c.relkind::text || ' ' || c.relname || ' ' || pg_get_userbyid(c.relowner) AS line
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public'
    UNION ALL
    SELECT 'type:' || t.typtype::text || ' ' || t.typname || ' ' || pg_get_userbyid(t.typowner)
    FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
    WHERE n.nspname = 'public' AND t.typtype IN ('e', 'd', 'c') AND t.typrelid = 0
    ORDER BY 1`;
  if (!schema) throw new Error('no public schema');
  return {
    schemaOwner: schema.owner,
    schemaPublicPrivileges: schema.publicPrivileges,
    schemaComment: schema.comment,
    objects: objects.map((row) => row.line),
  };
}

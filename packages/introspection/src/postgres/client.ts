import type postgres from 'postgres';

/**
 * The queries of one introspection run: one transaction, so they read one consistent snapshot.
 * Lists come back as JSON (`to_json(array(…))`), which postgres.js always parses: its array
 * parsing depends on the caller's client options (`fetch_types`).
 */
export type Tx = postgres.TransactionSql;

/**
 * Objects that belong to an extension (citext's functions, uuid-ossp's) are the extension's,
 * not the schema's: the extension itself is reported once instead. `$1` is the catalog (`pg_class`,
 * `pg_proc`, `pg_type`) and `$2` the object's oid column.
 */
export const notInExtension = (catalog: string, oid: string): string =>
  `not exists (select 1 from pg_depend e where e.classid = '${catalog}'::regclass and e.objid = ${oid} and e.deptype = 'e')`;

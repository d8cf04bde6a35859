import { quoteIdent } from '../../sql/quote.ts';

/** The schema generated PostgreSQL DDL builds in unless told otherwise: provisioning's. */
export const DEFAULT_POSTGRES_SCHEMA = 'public';

/**
 * The session settings generated PostgreSQL DDL relies on, as `[name, value]` with the value in
 * SQL. A script (or a provisioning transaction) sets them itself, as pg_dump's scripts do, so
 * what it builds does not depend on the session it lands in:
 *
 * - `client_encoding`: the script is UTF-8 text.
 * - `standard_conforming_strings`: '…' literals take backslashes literally (and `quotePostgresLiteral`
 *   writes any value with a backslash as E'…', which reads the same under either setting).
 * - `check_function_bodies`: no function bodies are written; pg_dump's value, for the same reason.
 * - `TimeZone`: a TIMESTAMPTZ default written without an offset is fixed when the table is
 *   created, in the session's time zone; UTC makes it the same everywhere.
 * - `DateStyle`, `IntervalStyle`: how date and interval text is read; defaults are ISO text,
 *   pinned anyway so a session's DMY order cannot reread one.
 * - `default_tablespace`, `default_table_access_method`: tables and indexes go where the
 *   database's defaults put them, not where a session points them.
 * - `search_path`: only the target schema, then `pg_temp`. pg_catalog is not listed, so
 *   PostgreSQL searches it first: built-ins the DDL names unqualified (`now()`,
 *   `gen_random_uuid()`, `text`, `=`) cannot be shadowed by a schema the session put earlier, and
 *   `pg_temp` comes last so a temporary table cannot stand in for a referenced one (unlisted, it
 *   would be searched before everything for relations and types). Unqualified CREATEs go to the
 *   target schema and references resolve there; listing pg_catalog first instead would make it
 *   the schema CREATE TABLE writes to.
 */
export function postgresSessionSettings(
  schema: string = DEFAULT_POSTGRES_SCHEMA,
): ReadonlyArray<readonly [string, string]> {
  return [
    ['client_encoding', "'UTF8'"],
    ['standard_conforming_strings', 'on'],
    ['check_function_bodies', 'false'],
    ['TimeZone', "'UTC'"],
    ['DateStyle', "'ISO, MDY'"],
    ['IntervalStyle', "'postgres'"],
    ['default_tablespace', "''"],
    ['default_table_access_method', "'heap'"],
    ['search_path', `${quoteIdent(schema)}, pg_temp`],
  ];
}

/**
 * The statements that open a generated PostgreSQL script: `SET` for each setting, so they hold
 * for the rest of the session, statement by statement or in one batch.
 */
export function postgresPreamble(schema: string = DEFAULT_POSTGRES_SCHEMA): string[] {
  return postgresSessionSettings(schema).map(([name, value]) => `SET ${name} = ${value};`);
}

/** The same settings for the current transaction only (`SET LOCAL`), for provisioning's transactions. */
export function postgresLocalSettings(schema: string = DEFAULT_POSTGRES_SCHEMA): string[] {
  return postgresSessionSettings(schema).map(([name, value]) => `SET LOCAL ${name} = ${value};`);
}

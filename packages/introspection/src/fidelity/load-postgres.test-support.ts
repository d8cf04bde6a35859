import postgres from 'postgres';

/** psql meta-commands (`\restrict`, `\pset`, `\dt`) are the client's, not SQL: the server cannot run them. */
export function withoutPsqlCommands(text: string): string {
  return text.replace(/^[ \t]*\\.*$/gm, '');
}

/**
 * Runs SQL files as psql would, one after the other on one session (so `SET search_path` and
 * `set_config` in one file hold for the next), with the simple query protocol: a file is one
 * multi-statement message. `prelude` runs first on the same session.
 */
export async function runOnOneSession(url: string, texts: readonly string[], prelude = ''): Promise<void> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    if (prelude) await sql.unsafe(prelude).simple();
    for (const text of texts) await sql.unsafe(withoutPsqlCommands(text)).simple();
  } finally {
    await sql.end({ timeout: 5 });
  }
}

/** Non-system schemas that hold tables (partitions and extension tables aside), by name. */
export async function schemasWithTables(sql: postgres.Sql): Promise<string[]> {
  const rows = await sql<{ name: string }[]>`
    select n.nspname::text as name from pg_namespace n
    where n.nspname not in ('pg_catalog', 'information_schema') and n.nspname not like 'pg\\_%'
      and exists (select 1 from pg_class c where c.relnamespace = n.oid and c.relkind in ('r', 'p') and not c.relispartition
                  and not exists (select 1 from pg_depend e where e.classid = 'pg_class'::regclass and e.objid = c.oid and e.deptype = 'e'))
    order by n.nspname`;
  return rows.map((row) => row.name);
}

import type { IntrospectedView } from '@schema-builder/schema-model/import';
import { quoteIdent } from '@schema-builder/schema-model/sql';
import type { Tx } from './client.ts';
import { notInExtension } from './client.ts';

interface ViewRow {
  name: string;
  definition: string;
  comment: string | null;
  needs: string[];
}

/**
 * The schema's views with PostgreSQL's own text of their queries (`pg_get_viewdef`), and what
 * each needs that is neither a table, a view nor PostgreSQL's own (a function or a type of a
 * schema other than pg_catalog, enums aside: a design holds those), from the view's rewrite rule
 * dependencies. `pg_get_viewdef` qualifies a name with its schema only when the search path does
 * not find it, so the path is set to the schema read (for the rest of the transaction: run this
 * after the other queries). Materialized views are not views: `readUnsupported` reports them.
 */
export async function readViews(tx: Tx, namespace: number, schema: string): Promise<IntrospectedView[]> {
  await tx.unsafe(`set local search_path to ${quoteIdent(schema)}, pg_catalog`);
  const rows = await tx.unsafe<ViewRow[]>(
    `select c.relname::text as name, pg_get_viewdef(c.oid) as definition,
            obj_description(c.oid, 'pg_class') as comment,
            to_json(array(
              select distinct case d.refclassid when 'pg_proc'::regclass
                       then format('function %s', d.refobjid::regprocedure)
                       else format('type %s', d.refobjid::regtype) end
              from pg_rewrite r
              join pg_depend d on d.classid = 'pg_rewrite'::regclass and d.objid = r.oid
              left join pg_proc p on d.refclassid = 'pg_proc'::regclass and p.oid = d.refobjid
              left join pg_type t on d.refclassid = 'pg_type'::regclass and t.oid = d.refobjid
              where r.ev_class = c.oid
                and ((p.oid is not null and p.pronamespace <> 'pg_catalog'::regnamespace)
                  or (t.oid is not null and t.typnamespace <> 'pg_catalog'::regnamespace
                      and t.typtype <> 'e' and t.typrelid = 0))
              order by 1)) as needs
     from pg_class c
     where c.relnamespace = $1 and c.relkind = 'v' and ${notInExtension('pg_class', 'c.oid')}
     order by c.relname`,
    [namespace],
  );
  return rows.map(({ needs, ...view }) => (needs.length > 0 ? { ...view, needs } : view));
}

/** The views of these schemas, by schema and name (no query text: they are reported, not imported). */
export function readViewNames(
  tx: Tx,
  namespaces: readonly number[],
): Promise<{ schema: string; name: string }[]> {
  if (namespaces.length === 0) return Promise.resolve([]);
  return tx.unsafe<{ schema: string; name: string }[]>(
    `select c.relnamespace::regnamespace::text as schema, c.relname::text as name
     from pg_class c
     where c.relnamespace = any($1::oid[]) and c.relkind = 'v' and ${notInExtension('pg_class', 'c.oid')}
     order by 1, 2`,
    [namespaces],
  );
}

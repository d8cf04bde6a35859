import type { UnsupportedKind } from '@schema-builder/schema-model/import';
import type { Tx } from './client.ts';
import { notInExtension } from './client.ts';

export interface UnsupportedRow {
  kind: UnsupportedKind;
  name: string;
  table: string | null;
  schema: string | null;
  detail: string | null;
}

/**
 * Everything in the schema a design has no place for, in one query: materialized views,
 * foreign tables, sequences no column owns, functions and procedures, triggers, rules, policies,
 * domains, composite and range types, extensions; and the tables of other (non-system) schemas.
 * Objects created by an extension are left out: the extension is reported instead.
 */
export function readUnsupported(tx: Tx, namespace: number) {
  return tx.unsafe<UnsupportedRow[]>(
    `select kind, name, "table", schema, detail from (
       select case c.relkind when 'v' then 'view' when 'm' then 'materialized_view' when 'f' then 'foreign_table'
                             else 'sequence' end as kind,
              c.relname::text as name, null::text as "table", null::text as schema, null::text as detail
       from pg_class c
       where c.relnamespace = $1 and c.relkind in ('m', 'f', 'S') and ${notInExtension('pg_class', 'c.oid')}
         and not (c.relkind = 'S' and exists (
           select 1 from pg_depend d where d.classid = 'pg_class'::regclass and d.objid = c.oid
             and d.refclassid = 'pg_class'::regclass and d.deptype in ('a', 'i')))
       union all
       select case p.prokind when 'p' then 'procedure' else 'function' end,
              format('%s(%s)', p.proname, pg_get_function_identity_arguments(p.oid)), null, null,
              case p.prokind when 'a' then 'aggregate' when 'w' then 'window function' end
       from pg_proc p
       where p.pronamespace = $1 and ${notInExtension('pg_proc', 'p.oid')}
       union all
       select 'trigger', t.tgname::text, c.relname::text, null, null
       from pg_trigger t join pg_class c on c.oid = t.tgrelid
       where c.relnamespace = $1 and not t.tgisinternal
       union all
       select 'rule', r.rulename::text, c.relname::text, null, null
       from pg_rewrite r join pg_class c on c.oid = r.ev_class
       where c.relnamespace = $1 and r.rulename <> '_RETURN'
       union all
       select 'policy', pol.polname::text, c.relname::text, null, null
       from pg_policy pol join pg_class c on c.oid = pol.polrelid
       where c.relnamespace = $1
       union all
       select case t.typtype when 'd' then 'domain' when 'r' then 'range_type' else 'composite_type' end,
              t.typname::text, null, null,
              case t.typtype when 'd' then format_type(t.typbasetype, t.typtypmod) end
       from pg_type t
       where t.typnamespace = $1 and ${notInExtension('pg_type', 't.oid')}
         and (t.typtype in ('d', 'r')
              or (t.typtype = 'c' and (select relkind from pg_class where oid = t.typrelid) = 'c'))
       union all
       select 'extension', x.extname::text, null, null, null
       from pg_extension x where x.extnamespace = $1
       union all
       select 'table_outside_schema', c.relname::text, null, n.nspname::text, null
       from pg_class c join pg_namespace n on n.oid = c.relnamespace
       where c.relnamespace <> $1 and c.relkind in ('r', 'p') and not c.relispartition
         and n.nspname not in ('pg_catalog', 'information_schema') and n.nspname not like 'pg\\_%'
         and ${notInExtension('pg_class', 'c.oid')}
     ) objects
     order by kind, schema nulls first, "table" nulls first, name`,
    [namespace],
  );
}

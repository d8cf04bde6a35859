import type { Tx } from './client.ts';
import { notInExtension } from './client.ts';

export interface TableRow {
  oid: number;
  name: string;
  comment: string | null;
  isPartition: boolean;
  /** Parents in pg_inherits order: the partitioned table of a partition, or inheritance parents. */
  parents: string[];
}

/** Tables and partitioned tables of the schema (partitions too: the caller sets them aside). */
export function readTables(tx: Tx, namespace: number) {
  return tx.unsafe<TableRow[]>(
    `select c.oid::int as oid, c.relname::text as name, obj_description(c.oid, 'pg_class') as comment,
            c.relispartition as "isPartition",
            to_json(array(select p.relname::text from pg_inherits i join pg_class p on p.oid = i.inhparent
                          where i.inhrelid = c.oid order by i.inhseqno)) as parents
     from pg_class c
     where c.relnamespace = $1 and c.relkind in ('r', 'p') and ${notInExtension('pg_class', 'c.oid')}
     order by c.relname`,
    [namespace],
  );
}

export interface ColumnRow {
  table: number;
  name: string;
  /** format_type() of the column's type, or of a domain's base type. */
  type: string;
  /** The enum the column (or its domain, or its array's elements) uses, when that enum is in a schema being read. */
  enumName: string | null;
  /** That enum's schema. */
  enumSchema: string | null;
  domain: string | null;
  notNull: boolean;
  /** attidentity: '' none, 'a' always, 'd' by default. */
  identity: string;
  /** attgenerated: '' or 's' (stored). */
  generated: string;
  /** Functions outside pg_catalog a generated column's expression calls (user-defined, extensions'). */
  functions: string[];
  default: string | null;
  comment: string | null;
  /** The serial sequence this column owns, as regclass text: how `nextval()` in `default` names it. */
  ownedSequence: string | null;
  /** The column's collation when it is not its type's: `C`, or `public.posix` outside pg_catalog. */
  collation: string | null;
}

/**
 * Every column of every table in one query. `default` and `ownedSequence` come from the same
 * statement, so both are written under the same search_path and can be compared as text.
 */
export function readColumns(tx: Tx, namespace: number, enumNamespaces: readonly number[] = [namespace]) {
  return tx.unsafe<ColumnRow[]>(
    `select a.attrelid::int as table, a.attname::text as name,
            case when t.typtype = 'd' then format_type(t.typbasetype, t.typtypmod)
                 else format_type(a.atttypid, a.atttypmod) end as type,
            case when t.typtype = 'e' and t.typnamespace = any($2::oid[]) then t.typname::text
                 when bt.typtype = 'e' and bt.typnamespace = any($2::oid[]) then bt.typname::text
                 when et.typtype = 'e' and et.typnamespace = any($2::oid[]) then et.typname::text end as "enumName",
            case when t.typtype = 'e' and t.typnamespace = any($2::oid[]) then (select nspname::text from pg_namespace where oid = t.typnamespace)
                 when bt.typtype = 'e' and bt.typnamespace = any($2::oid[]) then (select nspname::text from pg_namespace where oid = bt.typnamespace)
                 when et.typtype = 'e' and et.typnamespace = any($2::oid[]) then (select nspname::text from pg_namespace where oid = et.typnamespace)
            end as "enumSchema",
            case when t.typtype = 'd' then t.typname::text end as domain,
            a.attnotnull as "notNull", a.attidentity::text as identity, a.attgenerated::text as generated,
            pg_get_expr(d.adbin, d.adrelid) as default,
            to_json(array(select distinct p.oid::regprocedure::text from pg_depend fd join pg_proc p on p.oid = fd.refobjid
                          where a.attgenerated <> '' and fd.classid = 'pg_attrdef'::regclass and fd.objid = d.oid
                            and fd.refclassid = 'pg_proc'::regclass and p.pronamespace <> 'pg_catalog'::regnamespace)) as functions,
            col_description(a.attrelid, a.attnum) as comment,
            (select s.oid::regclass::text from pg_depend dep join pg_class s on s.oid = dep.objid and s.relkind = 'S'
             where dep.classid = 'pg_class'::regclass and dep.refclassid = 'pg_class'::regclass
               and dep.refobjid = a.attrelid and dep.refobjsubid = a.attnum and dep.deptype = 'a'
             order by s.oid limit 1) as "ownedSequence",
            case when cn.nspname = 'pg_catalog' then co.collname::text
                 else cn.nspname || '.' || co.collname end as collation
     from pg_attribute a
     join pg_class c on c.oid = a.attrelid
     join pg_type t on t.oid = a.atttypid
     left join pg_type bt on bt.oid = t.typbasetype
     left join pg_type et on et.oid = t.typelem and t.typcategory = 'A'
     left join pg_collation co on co.oid = a.attcollation and a.attcollation <> 0 and a.attcollation <> t.typcollation
     left join pg_namespace cn on cn.oid = co.collnamespace
     left join pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum
     where c.relnamespace = $1 and c.relkind in ('r', 'p') and a.attnum > 0 and not a.attisdropped
     order by a.attrelid, a.attnum`,
    // An array literal as text: postgres.js's array parameters depend on the client's options.
    [namespace, `{${enumNamespaces.join(',')}}`],
  );
}

export interface EnumRow {
  name: string;
  values: string[];
  comment: string | null;
}

export function readEnums(tx: Tx, namespace: number) {
  return tx.unsafe<EnumRow[]>(
    `select t.typname::text as name,
            to_json(coalesce(array_agg(e.enumlabel::text order by e.enumsortorder) filter (where e.oid is not null), '{}')) as values,
            obj_description(t.oid, 'pg_type') as comment
     from pg_type t left join pg_enum e on e.enumtypid = t.oid
     where t.typtype = 'e' and t.typnamespace = $1 and ${notInExtension('pg_type', 't.oid')}
     group by t.oid, t.typname
     order by t.typname`,
    [namespace],
  );
}

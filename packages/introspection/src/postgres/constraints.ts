import type { Tx } from './client.ts';

export interface ConstraintRow {
  table: number;
  name: string;
  /** p primary key, u unique, f foreign key, c check, x exclusion. */
  type: string;
  columns: string[];
  refSchema: string | null;
  refTable: string | null;
  refColumns: string[];
  /** confdeltype/confupdtype codes: a, r, c, n, d. */
  onDelete: string;
  onUpdate: string;
  /** confmatchtype: s simple, f full, p partial. */
  match: string;
  deferrable: boolean;
  deferred: boolean;
  /** pg_get_constraintdef for checks and exclusions. */
  definition: string | null;
  /** Checks: the functions, operators and types (not enums) outside pg_catalog they depend on. */
  uses: string[] | null;
}

/** What a check's expression depends on that PostgreSQL itself does not provide (pg_depend). */
const CHECK_USES = `case when con.contype = 'c' then to_json(array(
    select d.refobjid::regprocedure::text from pg_depend d join pg_proc p on p.oid = d.refobjid
      where d.classid = 'pg_constraint'::regclass and d.objid = con.oid and d.refclassid = 'pg_proc'::regclass
        and p.pronamespace <> 'pg_catalog'::regnamespace
    union
    select d.refobjid::regoperator::text from pg_depend d join pg_operator o on o.oid = d.refobjid
      where d.classid = 'pg_constraint'::regclass and d.objid = con.oid and d.refclassid = 'pg_operator'::regclass
        and o.oprnamespace <> 'pg_catalog'::regnamespace
    union
    select d.refobjid::regtype::text from pg_depend d join pg_type t on t.oid = d.refobjid
      where d.classid = 'pg_constraint'::regclass and d.objid = con.oid and d.refclassid = 'pg_type'::regclass
        and t.typnamespace <> 'pg_catalog'::regnamespace and t.typtype <> 'e'
    order by 1)) end`;

const columnNames = (keys: string, relation: string) =>
  `array(select a.attname::text from unnest(${keys}) with ordinality k(attnum, ord)
         join pg_attribute a on a.attrelid = ${relation} and a.attnum = k.attnum order by k.ord)`;

/**
 * Keys, foreign keys, checks and exclusions of every table. A foreign key on a partitioned table
 * is cloned onto each partition (and one to it, once per partition): only the original, with
 * no parent constraint, is the design's.
 */
export function readConstraints(tx: Tx, namespace: number) {
  return tx.unsafe<ConstraintRow[]>(
    `select con.conrelid::int as table, con.conname::text as name, con.contype::text as type,
            to_json(${columnNames('con.conkey', 'con.conrelid')}) as columns,
            rn.nspname::text as "refSchema", rc.relname::text as "refTable",
            to_json(coalesce(${columnNames('con.confkey', 'con.confrelid')}, '{}')) as "refColumns",
            con.confdeltype::text as "onDelete", con.confupdtype::text as "onUpdate",
            con.confmatchtype::text as match, con.condeferrable as deferrable, con.condeferred as deferred,
            case when con.contype in ('c', 'x') then pg_get_constraintdef(con.oid, true) end as definition,
            ${CHECK_USES} as uses
     from pg_constraint con
     join pg_class c on c.oid = con.conrelid
     left join pg_class rc on rc.oid = con.confrelid
     left join pg_namespace rn on rn.oid = rc.relnamespace
     where c.relnamespace = $1 and c.relkind in ('r', 'p') and con.contype in ('p', 'u', 'f', 'c', 'x')
       and (con.contype <> 'f' or con.conparentid = 0)
     order by c.relname, con.conname`,
    [namespace],
  );
}

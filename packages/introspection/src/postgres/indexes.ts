import type { Tx } from './client.ts';

export interface IndexRow {
  table: number;
  name: string;
  unique: boolean;
  partial: boolean;
  expression: boolean;
  method: string;
  /** Key columns by name; an expression key as its text. */
  columns: string[];
  /** Each key: a column by name or an expression's text (`pg_get_indexdef` of the key), with its order. */
  keys: IndexKeyRow[];
  /** A partial index's predicate (`pg_get_expr` of indpred). */
  where: string | null;
  /** Functions outside pg_catalog its keys or predicate call (user-defined, extensions'). */
  functions: string[];
  /** Extras the design's index does not hold (operator classes, collations, INCLUDE), as short phrases. */
  options: string[];
  definition: string;
}

export interface IndexKeyRow {
  column: string | null;
  expression: string | null;
  descending: boolean;
  nullsFirst: boolean;
}

/**
 * Indexes that do not back a primary-key, unique or exclusion constraint, with everything that
 * makes one more than a plain B-tree index on columns: a WHERE clause, expression keys, another
 * access method, sort order (per key), operator classes, collations, INCLUDE columns.
 */
export function readIndexes(tx: Tx, namespace: number) {
  return tx.unsafe<IndexRow[]>(
    `select i.indrelid::int as table, ic.relname::text as name, i.indisunique as unique,
            i.indpred is not null as partial, i.indexprs is not null as expression, am.amname::text as method,
            to_json(array(select coalesce(a.attname::text, pg_get_indexdef(i.indexrelid, k.ord::int, true))
                  from unnest(i.indkey::int2[]) with ordinality k(attnum, ord)
                  left join pg_attribute a on a.attrelid = i.indrelid and a.attnum = k.attnum and k.attnum > 0
                  where k.ord <= i.indnkeyatts order by k.ord)) as columns,
            to_json(array(select json_build_object(
                    'column', a.attname::text,
                    'expression', case when k.attnum = 0 then pg_get_indexdef(i.indexrelid, k.ord::int, true) end,
                    'descending', (i.indoption[(k.ord - 1)::int] & 1) <> 0,
                    'nullsFirst', (i.indoption[(k.ord - 1)::int] & 2) <> 0)
                  from unnest(i.indkey::int2[]) with ordinality k(attnum, ord)
                  left join pg_attribute a on a.attrelid = i.indrelid and a.attnum = k.attnum and k.attnum > 0
                  where k.ord <= i.indnkeyatts order by k.ord)) as keys,
            pg_get_expr(i.indpred, i.indrelid, true) as "where",
            to_json(array(select distinct p.oid::regprocedure::text from pg_depend fd join pg_proc p on p.oid = fd.refobjid
                          where fd.classid = 'pg_class'::regclass and fd.objid = i.indexrelid
                            and fd.refclassid = 'pg_proc'::regclass and p.pronamespace <> 'pg_catalog'::regnamespace)) as functions,
            to_json(array(
              select format('operator class %s', opc.opcname)
              from unnest(i.indclass::oid[]) cls(oid) join pg_opclass opc on opc.oid = cls.oid
              where not opc.opcdefault
              union all
              select format('collation %s', coll.collname)
              from unnest(i.indcollation::oid[]) with ordinality ixc(oid, ord)
              join pg_collation coll on coll.oid = ixc.oid
              join pg_attribute a on a.attrelid = i.indrelid and a.attnum = i.indkey[(ixc.ord - 1)::int] and a.attnum > 0
              where ixc.oid <> 0 and ixc.oid <> a.attcollation
              union all
              select format('INCLUDE (%s)', string_agg(a.attname::text, ', ' order by k.ord))
              from unnest(i.indkey::int2[]) with ordinality k(attnum, ord)
              join pg_attribute a on a.attrelid = i.indrelid and a.attnum = k.attnum
              where k.ord > i.indnkeyatts
              having count(*) > 0
            )) as options,
            pg_get_indexdef(i.indexrelid) as definition
     from pg_index i
     join pg_class ic on ic.oid = i.indexrelid
     join pg_class c on c.oid = i.indrelid
     join pg_am am on am.oid = ic.relam
     where c.relnamespace = $1 and c.relkind in ('r', 'p')
       and not exists (select 1 from pg_constraint con
                       where con.conindid = i.indexrelid and con.conrelid = i.indrelid and con.contype in ('p', 'u', 'x'))
     order by c.relname, ic.relname`,
    [namespace],
  );
}

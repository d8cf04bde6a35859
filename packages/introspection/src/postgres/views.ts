import type { IntrospectedView } from '@schema-builder/schema-model/import';
import { quoteIdent } from '@schema-builder/schema-model/sql';
import type { Tx } from './client.ts';
import { notInExtension } from './client.ts';

/**
 * The schema's views with PostgreSQL's own text of their queries (`pg_get_viewdef`). That text
 * qualifies a name with its schema only when the search path does not find it, so the path is
 * set to the schema read (for the rest of the transaction: run this after the other queries).
 * Materialized views are not views: `readUnsupported` reports them.
 */
export async function readViews(tx: Tx, namespace: number, schema: string): Promise<IntrospectedView[]> {
  await tx.unsafe(`set local search_path to ${quoteIdent(schema)}, pg_catalog`);
  return tx.unsafe<IntrospectedView[]>(
    `select c.relname::text as name, pg_get_viewdef(c.oid) as definition,
            obj_description(c.oid, 'pg_class') as comment
     from pg_class c
     where c.relnamespace = $1 and c.relkind = 'v' and ${notInExtension('pg_class', 'c.oid')}
     order by c.relname`,
    [namespace],
  );
}

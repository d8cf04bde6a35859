import type postgres from 'postgres';

/**
 * What PostgreSQL's catalog says a schema contains, in a shape tests can compare with `toEqual`:
 * tables with their columns, keys, foreign keys and plain indexes; enums. Lists are in catalog
 * order (columns by position, constraints and indexes by name, enum values by sort order).
 */
export interface CatalogSnapshot {
  tables: Record<string, CatalogTable>;
  enums: Record<string, CatalogEnum>;
  /** Names of the schema's sequences (identity sequences included). */
  sequences: string[];
}

export interface CatalogTable {
  comment: string | null;
  columns: CatalogColumn[];
  primaryKey: CatalogKey | null;
  uniques: CatalogKey[];
  foreignKeys: CatalogForeignKey[];
  /** Indexes that do not back a primary-key or unique constraint. */
  indexes: CatalogIndex[];
  /** CHECK constraints, by name (NOT NULL is a column's `notNull`, not here). */
  checks: CatalogCheck[];
}

export interface CatalogCheck {
  name: string;
  /** `pg_get_constraintdef`: `CHECK ((price > (0)::numeric))`, as PostgreSQL deparses it. */
  definition: string;
  /** The columns it reads, sorted by name. */
  columns: string[];
}

export interface CatalogColumn {
  name: string;
  /** `format_type()` (`character varying(255)`, `timestamp(3) with time zone`), or `enum <name>`. */
  type: string;
  notNull: boolean;
  identity: boolean;
  /** The default expression as PostgreSQL deparses it (`now()`, `'x'::text`), or null. */
  default: string | null;
  comment: string | null;
}

export interface CatalogKey {
  name: string;
  columns: string[];
}

export type CatalogReferentialAction = 'NO ACTION' | 'RESTRICT' | 'CASCADE' | 'SET NULL' | 'SET DEFAULT';

export interface CatalogForeignKey {
  name: string;
  columns: string[];
  refTable: string;
  refColumns: string[];
  onDelete: CatalogReferentialAction;
  onUpdate: CatalogReferentialAction;
}

export interface CatalogIndex {
  name: string;
  columns: string[];
  unique: boolean;
}

export interface CatalogEnum {
  values: string[];
  comment: string | null;
}

const ACTIONS: Readonly<Record<string, CatalogReferentialAction>> = {
  a: 'NO ACTION',
  r: 'RESTRICT',
  c: 'CASCADE',
  n: 'SET NULL',
  d: 'SET DEFAULT',
};

function action(code: string): CatalogReferentialAction {
  const value = ACTIONS[code];
  if (!value) throw new Error(`unknown referential action code ${code}`);
  return value;
}

/** Read `schema` (default: the connection's current schema) from the catalog. */
export async function readCatalog(
  sql: postgres.Sql | postgres.TransactionSql,
  schema?: string,
): Promise<CatalogSnapshot> {
  const [namespace] = await sql<{ oid: number }[]>`
    select oid::int as oid from pg_namespace where nspname = coalesce(${schema ?? null}::text, current_schema())`;
  if (!namespace) throw new Error(`schema ${schema ?? '(current)'} does not exist`);
  const ns = namespace.oid;

  const tableRows = await sql<{ oid: number; name: string; comment: string | null }[]>`
    select c.oid::int as oid, c.relname::text as name, obj_description(c.oid, 'pg_class') as comment
    from pg_class c
    where c.relnamespace = ${ns} and c.relkind in ('r', 'p')
    order by c.relname`;

  const columnRows = await sql<
    {
      table: number;
      name: string;
      type: string;
      typtype: string;
      typname: string;
      notNull: boolean;
      identity: string;
      default: string | null;
      comment: string | null;
    }[]
  >`
    select a.attrelid::int as table, a.attname::text as name, format_type(a.atttypid, a.atttypmod) as type,
           t.typtype::text as typtype, t.typname::text as typname, a.attnotnull as "notNull",
           a.attidentity::text as identity, pg_get_expr(d.adbin, d.adrelid) as default,
           col_description(a.attrelid, a.attnum) as comment
    from pg_attribute a
    join pg_class c on c.oid = a.attrelid
    join pg_type t on t.oid = a.atttypid
    left join pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum
    where c.relnamespace = ${ns} and c.relkind in ('r', 'p') and a.attnum > 0 and not a.attisdropped
    order by a.attrelid, a.attnum`;

  const constraintRows = await sql<
    {
      table: number;
      name: string;
      type: string;
      columns: string[];
      refTable: string | null;
      refColumns: string[] | null;
      onDelete: string;
      onUpdate: string;
      definition: string;
    }[]
  >`
    select con.conrelid::int as table, con.conname::text as name, con.contype::text as type,
           array(select a.attname::text from unnest(con.conkey) with ordinality k(attnum, ord)
                 join pg_attribute a on a.attrelid = con.conrelid and a.attnum = k.attnum order by k.ord) as columns,
           (select relname::text from pg_class where oid = con.confrelid) as "refTable",
           case when con.contype = 'f' then
             array(select a.attname::text from unnest(con.confkey) with ordinality k(attnum, ord)
                   join pg_attribute a on a.attrelid = con.confrelid and a.attnum = k.attnum order by k.ord)
           end as "refColumns",
           con.confdeltype::text as "onDelete", con.confupdtype::text as "onUpdate",
           pg_get_constraintdef(con.oid) as definition
    from pg_constraint con
    join pg_class c on c.oid = con.conrelid
    where c.relnamespace = ${ns} and con.contype in ('p', 'u', 'f', 'c')
    order by con.conname`;

  const indexRows = await sql<{ table: number; name: string; unique: boolean; columns: string[] }[]>`
    select i.indrelid::int as table, ic.relname::text as name, i.indisunique as unique,
           array(select a.attname::text from unnest(i.indkey::int2[]) with ordinality k(attnum, ord)
                 join pg_attribute a on a.attrelid = i.indrelid and a.attnum = k.attnum order by k.ord) as columns
    from pg_index i
    join pg_class ic on ic.oid = i.indexrelid
    where ic.relnamespace = ${ns}
      and not exists (select 1 from pg_constraint con
                      where con.conindid = i.indexrelid and con.conrelid = i.indrelid and con.contype in ('p', 'u'))
    order by ic.relname`;

  const enumRows = await sql<{ name: string; values: string[]; comment: string | null }[]>`
    select t.typname::text as name, array_agg(e.enumlabel::text order by e.enumsortorder) as values,
           obj_description(t.oid, 'pg_type') as comment
    from pg_type t join pg_enum e on e.enumtypid = t.oid
    where t.typnamespace = ${ns}
    group by t.oid, t.typname
    order by t.typname`;

  const sequenceRows = await sql<{ name: string }[]>`
    select relname::text as name from pg_class where relnamespace = ${ns} and relkind = 'S' order by relname`;

  const byOid = new Map<number, CatalogTable>();
  const tables: Record<string, CatalogTable> = {};
  for (const row of tableRows) {
    const table: CatalogTable = {
      comment: row.comment,
      columns: [],
      primaryKey: null,
      uniques: [],
      foreignKeys: [],
      indexes: [],
      checks: [],
    };
    byOid.set(row.oid, table);
    tables[row.name] = table;
  }
  const tableOf = (oid: number): CatalogTable => {
    const table = byOid.get(oid);
    if (!table) throw new Error(`catalog row for unknown table oid ${oid}`);
    return table;
  };

  for (const row of columnRows) {
    tableOf(row.table).columns.push({
      name: row.name,
      type: row.typtype === 'e' ? `enum ${row.typname}` : row.type,
      notNull: row.notNull,
      identity: row.identity !== '',
      default: row.default,
      comment: row.comment,
    });
  }
  for (const row of constraintRows) {
    const table = tableOf(row.table);
    if (row.type === 'p') table.primaryKey = { name: row.name, columns: row.columns };
    else if (row.type === 'u') table.uniques.push({ name: row.name, columns: row.columns });
    else if (row.type === 'c')
      table.checks.push({ name: row.name, definition: row.definition, columns: [...row.columns].sort() });
    else {
      table.foreignKeys.push({
        name: row.name,
        columns: row.columns,
        refTable: row.refTable ?? '',
        refColumns: row.refColumns ?? [],
        onDelete: action(row.onDelete),
        onUpdate: action(row.onUpdate),
      });
    }
  }
  for (const row of indexRows) {
    tableOf(row.table).indexes.push({ name: row.name, columns: row.columns, unique: row.unique });
  }
  const enums: Record<string, CatalogEnum> = {};
  for (const row of enumRows) enums[row.name] = { values: row.values, comment: row.comment };

  return { tables, enums, sequences: sequenceRows.map((row) => row.name) };
}

/**
 * Evaluates every column default of the current schema the way an INSERT would (assignment to
 * the column's exact type, typmod included), which CREATE TABLE does not: `numeric(2,2) DEFAULT 9.5`
 * or `varchar(2) DEFAULT 'abc'` are accepted there and fail only on the first insert. Inserts one
 * row into a temporary table holding all defaults; when that fails, probes them one by one and
 * throws naming the first that fails. Returns how many defaults were evaluated. Run it in a
 * transaction or a throwaway database. Generated columns keep their expression in pg_attrdef too:
 * those are not defaults (they read the row) and are left out.
 */
export async function evaluateDefaults(sql: postgres.Sql | postgres.TransactionSql): Promise<number> {
  const [row] = await sql<{ count: number }[]>`
    select count(*)::int as count
    from pg_attrdef d join pg_class c on c.oid = d.adrelid
    join pg_attribute a on a.attrelid = d.adrelid and a.attnum = d.adnum
    where c.relnamespace = (select oid from pg_namespace where nspname = current_schema())
      and a.attgenerated = ''`;
  await sql.unsafe(`DO $probe$
    DECLARE r record;
    BEGIN
      BEGIN
        FOR r IN
          SELECT string_agg(format('v%s %s DEFAULT %s', n, type, expr), ', ') AS columns
          FROM (
            SELECT row_number() OVER () AS n, format_type(a.atttypid, a.atttypmod) AS type,
                   pg_get_expr(d.adbin, d.adrelid) AS expr
            FROM pg_attrdef d
            JOIN pg_attribute a ON a.attrelid = d.adrelid AND a.attnum = d.adnum
            JOIN pg_class c ON c.oid = d.adrelid
            WHERE c.relnamespace = (SELECT oid FROM pg_namespace WHERE nspname = current_schema())
              AND a.attgenerated = ''
          ) defaults
          GROUP BY (n - 1) / 1000
        LOOP
          EXECUTE format('CREATE TEMP TABLE default_probe (%s)', r.columns);
          EXECUTE 'INSERT INTO default_probe DEFAULT VALUES';
          EXECUTE 'DROP TABLE default_probe';
        END LOOP;
      EXCEPTION WHEN OTHERS THEN
        FOR r IN
          SELECT format_type(a.atttypid, a.atttypmod) AS type, pg_get_expr(d.adbin, d.adrelid) AS expr,
                 c.relname, a.attname
          FROM pg_attrdef d
          JOIN pg_attribute a ON a.attrelid = d.adrelid AND a.attnum = d.adnum
          JOIN pg_class c ON c.oid = d.adrelid
          WHERE c.relnamespace = (SELECT oid FROM pg_namespace WHERE nspname = current_schema())
            AND a.attgenerated = ''
        LOOP
          BEGIN
            EXECUTE format('CREATE TEMP TABLE default_probe (v %s DEFAULT %s)', r.type, r.expr);
            EXECUTE 'INSERT INTO default_probe DEFAULT VALUES';
            EXECUTE 'DROP TABLE default_probe';
          EXCEPTION WHEN OTHERS THEN
            RAISE EXCEPTION 'default of %.% (%) = % fails: %', r.relname, r.attname, r.type, r.expr, SQLERRM;
          END;
        END LOOP;
        RAISE;
      END;
    END
    $probe$`);
  return row?.count ?? 0;
}

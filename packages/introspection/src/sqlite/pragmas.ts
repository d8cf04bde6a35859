import type { Database } from 'better-sqlite3';

/** Rows of the pragmas, as SQLite returns them. */
export interface TableListRow {
  name: string;
  type: string;
  wr: number;
}
export interface SchemaRow {
  type: string;
  name: string;
  tbl_name: string;
  sql: string | null;
}
export interface ColumnRow {
  tbl: string;
  cid: number;
  name: string;
  type: string;
  notnull: number;
  dflt_value: string | null;
  pk: number;
  hidden: number;
}
export interface IndexRow {
  tbl: string;
  name: string;
  unique: number;
  origin: string;
  partial: number;
}
export interface IndexColumnRow {
  idx: string;
  seqno: number;
  cid: number;
  name: string | null;
  desc: number;
  coll: string | null;
  key: number;
}
export interface ForeignKeyRow {
  tbl: string;
  id: number;
  seq: number;
  table: string;
  from: string;
  to: string | null;
  on_update: string;
  on_delete: string;
}

/** Everything the pragmas say about the `main` database's tables. */
export interface SqliteRows {
  list: TableListRow[];
  schemaRows: SchemaRow[];
  /** Ordinary tables (not internal, virtual or shadow ones), by name. */
  plain: TableListRow[];
  columns: ColumnRow[];
  indexes: IndexRow[];
  indexColumns: IndexColumnRow[];
  foreignKeys: ForeignKeyRow[];
}

/**
 * Six statements, whatever the number of tables: each per-table pragma is read as a table-valued
 * function joined to a JSON list of the table names.
 */
export function readSqlite(db: Database): SqliteRows {
  const list = db
    .prepare("select name, type, wr from pragma_table_list where schema = 'main'")
    .all() as TableListRow[];
  const schemaRows = db
    .prepare('select type, name, tbl_name, sql from sqlite_schema order by name')
    .all() as SchemaRow[];
  const plain = list
    .filter((t) => t.type === 'table' && !t.name.startsWith('sqlite_'))
    .sort((a, b) => (a.name < b.name ? -1 : 1));
  const names = JSON.stringify(plain.map((t) => t.name));
  const columns = db
    .prepare(
      'select t.value as tbl, c.* from json_each(?) t, pragma_table_xinfo(t.value) c order by t.value, c.cid',
    )
    .all(names) as ColumnRow[];
  const indexes = db
    .prepare(
      'select t.value as tbl, i.name, i."unique", i.origin, i.partial from json_each(?) t, pragma_index_list(t.value) i',
    )
    .all(names) as IndexRow[];
  const indexColumns = db
    .prepare(
      'select i.value as idx, c.* from json_each(?) i, pragma_index_xinfo(i.value) c where c.key = 1 order by i.value, c.seqno',
    )
    .all(JSON.stringify(indexes.map((i) => i.name))) as IndexColumnRow[];
  const foreignKeys = db
    .prepare(
      'select t.value as tbl, f.* from json_each(?) t, pragma_foreign_key_list(t.value) f order by t.value, f.id, f.seq',
    )
    .all(names) as ForeignKeyRow[];
  return { list, schemaRows, plain, columns, indexes, indexColumns, foreignKeys };
}

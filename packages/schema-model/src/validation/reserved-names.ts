/**
 * Names PostgreSQL resolves to its own objects even when quoted, so a design must not use them.
 */

/** Every table has these system columns; a user column cannot take their names. */
export const SYSTEM_COLUMNS: ReadonlySet<string> = new Set([
  'tableoid',
  'xmin',
  'cmin',
  'xmax',
  'cmax',
  'ctid',
]);

/**
 * Built-in type names (pg_catalog, PostgreSQL 15–17). The catalog schema is searched first, so
 * an enum called "text" would silently be the built-in text type.
 */
export const BUILT_IN_TYPES: ReadonlySet<string> = new Set(
  (
    'aclitem any anyarray anycompatible anycompatiblearray anycompatiblemultirange anycompatiblenonarray ' +
    'anycompatiblerange anyelement anyenum anymultirange anynonarray anyrange bit bool box bpchar bytea char ' +
    'cid cidr circle cstring date datemultirange daterange event_trigger fdw_handler float4 float8 gtsvector ' +
    'index_am_handler inet int2 int2vector int4 int4multirange int4range int8 int8multirange int8range ' +
    'internal interval json jsonb jsonpath language_handler line lseg macaddr macaddr8 money name numeric ' +
    'nummultirange numrange oid oidvector path point polygon record refcursor regclass regcollation regconfig ' +
    'regdictionary regnamespace regoper regoperator regproc regprocedure regrole regtype table_am_handler ' +
    'text tid time timestamp timestamptz timetz trigger tsm_handler tsmultirange tsquery tsrange ' +
    'tstzmultirange tstzrange tsvector txid_snapshot unknown uuid varbit varchar void xid xid8 xml'
  ).split(' '),
);

export type ReservedKind = 'relation' | 'type' | 'column';

/** Why `name` is reserved for this kind of object, or undefined when it is free. */
export function reservedReason(name: string, kind: ReservedKind): string | undefined {
  if (kind === 'column') {
    return SYSTEM_COLUMNS.has(name) ? 'is the name of a system column every table has' : undefined;
  }
  if (name.startsWith('pg_')) return 'starts with "pg_", which PostgreSQL keeps for its own catalog';
  if (kind === 'type' && BUILT_IN_TYPES.has(name)) return 'is the name of a built-in PostgreSQL type';
  return undefined;
}

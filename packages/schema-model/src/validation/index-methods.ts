import type { IndexMethod } from '../design/model.ts';

/*
 * Which column types each access method can index without naming an operator class (a design
 * cannot name one): PostgreSQL 15's default operator classes (`pg_opclass.opcdefault`), by the
 * design's canonical type names. Types some branches add later (TSVECTOR, ranges, INET …) are
 * listed by name already; an array column counts as `ARRAY`.
 */
const RANGES = ['INT4RANGE', 'INT8RANGE', 'NUMRANGE', 'DATERANGE', 'TSRANGE', 'TSTZRANGE'];
const INDEXABLE: Readonly<Record<Exclude<IndexMethod, 'btree' | 'hash'>, ReadonlySet<string>>> = {
  gin: new Set(['JSONB', 'TSVECTOR', 'ARRAY']),
  gist: new Set(['TSVECTOR', ...RANGES]),
  brin: new Set([
    ...['SMALLINT', 'INTEGER', 'BIGINT', 'DECIMAL', 'NUMERIC', 'REAL', 'DOUBLE'],
    ...['DATE', 'TIME', 'TIMESTAMP', 'TIMESTAMPTZ', 'INTERVAL', 'UUID', 'CHAR', 'VARCHAR', 'TEXT'],
    ...['BYTEA', 'INET', 'CIDR', 'MACADDR', ...RANGES],
  ]),
};
/** Types with no B-tree (and no hash) operator class at all. */
const NOT_COMPARABLE: ReadonlySet<string> = new Set(['JSON', 'XML']);
const NO_HASH: ReadonlySet<string> = new Set([...NOT_COMPARABLE, 'TSVECTOR', 'MONEY']);

/** Whether `method` can index a column of `type` (canonical name, or `ARRAY`) by its default operator class. */
export function methodIndexes(method: IndexMethod, type: string): boolean {
  if (method === 'btree') return !NOT_COMPARABLE.has(type);
  if (method === 'hash') return !NO_HASH.has(type);
  return INDEXABLE[method].has(type);
}

/** What PostgreSQL refuses whatever the keys' types: only B-tree is unique, ordered and multi-key hash is not. */
export function methodRefusal(
  method: IndexMethod,
  facts: { unique: boolean; keyCount: number; ordered: boolean },
): string | undefined {
  const name = method.toUpperCase();
  if (method === 'btree') return undefined;
  if (facts.unique) return `a ${name} index cannot be unique in PostgreSQL: only B-tree indexes can`;
  if (method === 'hash' && facts.keyCount > 1) return 'a HASH index has exactly one key in PostgreSQL';
  if (facts.ordered)
    return `a ${name} index has no sort order in PostgreSQL (ASC/DESC and NULLS FIRST/LAST are for B-tree indexes)`;
  return undefined;
}

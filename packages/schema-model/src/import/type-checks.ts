import { LIMITS } from '../design/data-types.ts';
import type { AbsorbedTypeCheck, IntrospectedCatalog, IntrospectedColumn } from './catalog.ts';
import type { ImportDialect, TypeMapping } from './type-mapping.ts';

/**
 * The CHECKs a design's DDL writes where an engine has no type of its own (`ddl/type-checks.ts`),
 * read back as the type they stand for, so a design built in PostgreSQL or SQLite imports as it
 * was: `bytea CHECK (octet_length(c) = 16)` is BINARY(16), `bigint CHECK (c BETWEEN 0 AND
 * 4294967295)` INTEGER unsigned. A check is taken out of `unsupported` only when it is exactly
 * such a condition on one column of a type it fits; every other check stays reported.
 */
export function absorbTypeChecks(catalog: IntrospectedCatalog, dialect: ImportDialect): IntrospectedCatalog {
  if (dialect === 'mongodb') return catalog;
  const found = new Map<string, AbsorbedTypeCheck>();
  const unsupported = catalog.unsupported.filter((object) => {
    if (object.kind !== 'check_constraint' || object.table === undefined || object.schema !== undefined)
      return true;
    const table = catalog.tables.find((t) => t.name === object.table);
    const parsed = parseTypeCheck(object.detail ?? '');
    if (table === undefined || parsed === undefined) return true;
    const column = table.columns.find((c) => sameName(c.name, parsed.column, dialect));
    const key = `${table.name}\u0000${column?.name ?? ''}`;
    if (column === undefined || found.has(key) || !fits(column, parsed.check, dialect)) return true;
    found.set(key, parsed.check);
    return false;
  });
  if (found.size === 0) return catalog;
  return {
    ...catalog,
    unsupported,
    tables: catalog.tables.map((table) => ({
      ...table,
      columns: table.columns.map((column) => {
        const check = found.get(`${table.name}\u0000${column.name}`);
        return check === undefined ? column : { ...column, typeCheck: check };
      }),
    })),
  };
}

/** SQLite compares names without case; PostgreSQL and MySQL as written. */
function sameName(a: string, b: string, dialect: ImportDialect): boolean {
  return dialect === 'sqlite' ? a.toLowerCase() === b.toLowerCase() : a === b;
}

const IDENT = String.raw`("(?:[^"]|"")+"|\x60(?:[^\x60]|\x60\x60)+\x60|\[[^\]]+\]|[A-Za-z_][A-Za-z0-9_$]*)`;
const OCTETS = new RegExp(String.raw`^(octet_length|length)\{${IDENT}\} (=|<=) (\d+)$`, 'i');
const BETWEEN = new RegExp(String.raw`^${IDENT} BETWEEN 0 AND (\d+)$`, 'i');
const BYTES_BETWEEN = new RegExp(String.raw`^length\{${IDENT}\} BETWEEN 0 AND (\d+)$`, 'i');
const BOUNDS = new RegExp(String.raw`^${IDENT} >= 0 AND ${IDENT} <= (\d+)$`, 'i');
const NON_NEGATIVE = new RegExp(`^${IDENT} >= 0$`, 'i');

/**
 * The column and check of a CHECK's text as each engine gives it back: PostgreSQL's
 * `CHECK ((octet_length("Data") = 16))`, `CHECK (((s >= 0) AND (s <= '4294967295'::bigint)))`,
 * MariaDB's ``octet_length(`d`) <= 1000``, SQLite's `length("d") <= 16`, `"n" BETWEEN 0 AND 65535`.
 */
export function parseTypeCheck(text: string): { column: string; check: AbsorbedTypeCheck } | undefined {
  const flat = text
    .trim()
    .replace(/^CHECK\s*/i, '')
    .replace(/'(\d+)'::[a-z]+/gi, '$1')
    .replace(new RegExp(String.raw`\b(octet_length|length)\s*\(\s*${IDENT}\s*\)`, 'gi'), '$1{$2}')
    .replace(/[()]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const octets = OCTETS.exec(flat);
  if (octets) {
    const counted = octets[1]?.toLowerCase() === 'length' ? 'length' : 'octet_length';
    const check = { kind: 'octets', exact: octets[3] === '=', length: Number(octets[4]), counted } as const;
    return { column: unquote(octets[2] ?? ''), check };
  }
  const bytesBetween = BYTES_BETWEEN.exec(flat);
  if (bytesBetween) {
    const check = {
      kind: 'octets',
      exact: false,
      length: Number(bytesBetween[2]),
      counted: 'between',
    } as const;
    return { column: unquote(bytesBetween[1] ?? ''), check };
  }
  const between = BETWEEN.exec(flat);
  if (between)
    return { column: unquote(between[1] ?? ''), check: { kind: 'range', min: 0, max: between[2] ?? '' } };
  const bounds = BOUNDS.exec(flat);
  if (bounds && unquote(bounds[1] ?? '') === unquote(bounds[2] ?? ''))
    return { column: unquote(bounds[1] ?? ''), check: { kind: 'range', min: 0, max: bounds[3] ?? '' } };
  const nonNegative = NON_NEGATIVE.exec(flat);
  if (nonNegative) return { column: unquote(nonNegative[1] ?? ''), check: { kind: 'range', min: 0 } };
  return undefined;
}

function unquote(name: string): string {
  const open = name[0];
  if (open === '"') return name.slice(1, -1).replaceAll('""', '"');
  if (open === '`') return name.slice(1, -1).replaceAll('``', '`');
  if (open === '[') return name.slice(1, -1);
  return name;
}

/** The unsigned type each storage type and upper bound stand for (see `ddl/type-checks.ts`). */
const UNSIGNED_BY_BOUND: Readonly<Record<string, 'SMALLINT' | 'INTEGER' | 'BIGINT'>> = {
  '65535': 'SMALLINT',
  '4294967295': 'INTEGER',
};

/** Whether a check is the one the design's DDL writes for this column's native type. */
function fits(column: IntrospectedColumn, check: AbsorbedTypeCheck, dialect: ImportDialect): boolean {
  const native = column.nativeType.trim().toLowerCase();
  if (check.kind === 'octets') {
    if (check.length < 1 || check.length > LIMITS.maxByteaLength) return false;
    if (check.exact && (check.length > LIMITS.maxBinaryLength || dialect === 'mysql')) return false;
    if (dialect === 'postgresql') return native === 'bytea';
    if (dialect === 'sqlite') return native === 'blob';
    // MySQL: a blob class with a smaller limit (`mysqlBlob`).
    return /^(?:tiny|medium|long)?blob$/.test(native);
  }
  if (dialect === 'mysql') return false;
  if (dialect === 'sqlite') return /\bunsigned\b/.test(native) || native === 'integer';
  if (check.max === undefined) return native === 'bigint';
  const type = UNSIGNED_BY_BOUND[check.max];
  return (type === 'SMALLINT' && native === 'integer') || (type === 'INTEGER' && native === 'bigint');
}

/** A column's mapping with what its absorbed type check says. */
export function withTypeCheck(
  mapping: TypeMapping,
  check: AbsorbedTypeCheck | undefined,
  dialect: ImportDialect,
): TypeMapping {
  if (check === undefined) return mapping;
  if (check.kind === 'octets') {
    const { length, exact } = check;
    if (exact) return { ...mapping, dataType: 'BINARY', length };
    const bytea = {
      ...mapping,
      dataType: 'BYTEA',
      length: Math.min(length, mapping.length ?? length),
    } as const;
    const varbinary = { ...mapping, dataType: 'VARBINARY', length } as const;
    if (dialect === 'mysql' || length > LIMITS.maxVarbinaryLength) return bytea;
    // BYTEA's bound is counted by `length` in PostgreSQL; in SQLite, VARBINARY's is a range.
    if (dialect === 'postgresql') return check.counted === 'length' ? bytea : varbinary;
    return check.counted === 'between' ? varbinary : bytea;
  }
  // No upper bound: BIGINT unsigned (stored in PostgreSQL's bigint, SQLite's INTEGER rowid).
  if (check.max === undefined) return { ...mapping, dataType: 'BIGINT', unsigned: true };
  const type = UNSIGNED_BY_BOUND[check.max];
  return type === undefined ? { ...mapping, unsigned: true } : { ...mapping, dataType: type, unsigned: true };
}

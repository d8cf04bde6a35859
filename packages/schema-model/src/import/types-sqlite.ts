import { INTEGER_TYPES } from '../design/data-types.ts';
import type { TypeMapping } from './type-mapping.ts';
import {
  approximated,
  binaryType,
  characterType,
  decimalType,
  exact,
  parseTypeName,
  temporalType,
  unsupported,
} from './type-mapping.ts';

/**
 * A SQLite declared type as a design type. SQLite stores values by type affinity, not by the
 * declared name, but the name is what the schema's author meant: well-known names (VARCHAR(40),
 * DATETIME, BOOLEAN, NUMERIC(10,2), BIGINT) map to the design type they name, with their length
 * or precision. Anything else falls back to SQLite's affinity rules (datatype3.html §3.1), in
 * order: contains INT → INTEGER; CHAR, CLOB or TEXT → TEXT; BLOB → BYTEA; REAL, FLOA or DOUB →
 * DOUBLE; otherwise NUMERIC. A column without a type holds anything: TEXT, with a warning.
 */
export function mapSqliteType(nativeType: string): TypeMapping {
  if (nativeType.trim() === '') return unsupported('no declared type (SQLite stores any value there)');
  const parsed = parseTypeName(nativeType);
  const [first, second] = parsed.args;
  // `INTEGER UNSIGNED`, `int(10) unsigned`: an unsigned integer, as MySQL spells it.
  const unsigned = /\bunsigned\b/.test(parsed.base) && parsed.base !== 'unsigned big int';
  const base = unsigned
    ? parsed.base
        .replace(/\bunsigned\b/, ' ')
        .replace(/\s+/g, ' ')
        .trim()
    : parsed.base;
  const known = KNOWN.get(base);
  const mapping = known ? known(first, second) : byAffinity(base, nativeType);
  return unsigned && INTEGER_TYPES.has(mapping.dataType) ? { ...mapping, unsigned: true } : mapping;
}

type Mapper = (first: number | undefined, second: number | undefined) => TypeMapping;

const integer: Mapper = () => exact('INTEGER');
const bigint: Mapper = () => exact('BIGINT');
const varchar: Mapper = (n) => characterType('VARCHAR', n);
const char: Mapper = (n) => characterType('CHAR', n);
const text: Mapper = () => exact('TEXT');
const double: Mapper = () => exact('DOUBLE');
const bytes: Mapper = () => exact('BYTEA');
/**
 * SQLite gives a column declared BINARY, VARBINARY or BYTEA NUMERIC affinity (a text of digits
 * is stored as a number); the design's type holds bytes, which its SQLite export declares BLOB.
 */
const numericAffinityBytes =
  (declared: string, mapper: Mapper): Mapper =>
  (first, second) => {
    const mapping = mapper(first, second);
    const affinity = `SQLite stores a column declared ${declared} with NUMERIC affinity, the design's type holds bytes (BLOB)`;
    return {
      ...mapping,
      fidelity: 'approximated',
      note: mapping.note ? `${mapping.note}; ${affinity}` : affinity,
    };
  };
/** MySQL's blob classes, by the most bytes each holds (SQLite enforces none of them). */
const blobOf =
  (length: number): Mapper =>
  () =>
    exact('BYTEA', { length });
const decimal: Mapper = (p, s) => decimalType('NUMERIC', p, s);
const timestamp: Mapper = (p) => temporalType('TIMESTAMP', p);

const KNOWN: ReadonlyMap<string, Mapper> = new Map(
  Object.entries({
    int: integer,
    integer,
    mediumint: integer,
    int4: integer,
    tinyint: () => exact('SMALLINT'),
    smallint: () => exact('SMALLINT'),
    int2: () => exact('SMALLINT'),
    bigint,
    int8: bigint,
    'unsigned big int': () => exact('BIGINT', { unsigned: true }),
    varchar,
    'character varying': varchar,
    'varying character': varchar,
    nvarchar: varchar,
    'national varchar': varchar,
    char,
    character: char,
    nchar: char,
    'native character': char,
    text,
    clob: text,
    blob: bytes,
    // MySQL spellings are common in schemas written for several databases.
    tinyblob: blobOf(255),
    mediumblob: blobOf(16_777_215),
    longblob: bytes,
    binary: numericAffinityBytes('BINARY', (n) => binaryType('BINARY', n)),
    varbinary: numericAffinityBytes('VARBINARY', (n) => binaryType('VARBINARY', n)),
    bytea: numericAffinityBytes('BYTEA', bytes),
    tinytext: text,
    mediumtext: text,
    longtext: text,
    real: double,
    double,
    'double precision': double,
    float: double,
    numeric: decimal,
    decimal,
    boolean: () => exact('BOOLEAN'),
    bool: () => exact('BOOLEAN'),
    date: () => exact('DATE'),
    time: (p) => temporalType('TIME', p),
    datetime: timestamp,
    timestamp,
    timestamptz: (p) => temporalType('TIMESTAMPTZ', p),
    uuid: () => exact('UUID'),
    json: () => exact('JSON'),
    jsonb: () => exact('JSONB'),
  }),
);

function byAffinity(base: string, nativeType: string): TypeMapping {
  const upper = base.toUpperCase();
  const note = `${nativeType} is not a known type name; imported by SQLite's type affinity as`;
  if (upper.includes('INT')) return approximated('INTEGER', `${note} INTEGER`);
  if (upper.includes('CHAR') || upper.includes('CLOB') || upper.includes('TEXT')) {
    return approximated('TEXT', `${note} TEXT`);
  }
  if (upper.includes('BLOB')) return approximated('BYTEA', `${note} BYTEA`);
  if (upper.includes('REAL') || upper.includes('FLOA') || upper.includes('DOUB')) {
    return approximated('DOUBLE', `${note} DOUBLE`);
  }
  return approximated('NUMERIC', `${note} NUMERIC`);
}

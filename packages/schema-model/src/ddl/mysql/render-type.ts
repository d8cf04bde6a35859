import type { ColumnType } from '../../design/model.ts';
import { quoteLiteralFor } from '../../sql/quote.ts';
import { DdlGenerationError } from '../design-index.ts';
import type { ExportWarningCode } from '../export-warning.ts';
import { unreachable } from '../postgres/render-type.ts';
import { mysqlPostgresType } from './render-type-postgres.ts';

/** VARCHAR needs a length in MySQL; 255 is its customary one. */
export const MYSQL_DEFAULT_VARCHAR_LENGTH = 255;
/** The longest VARCHAR of 4-byte utf8mb4 characters in the 65,535-byte row limit. */
export const MAX_VARCHAR = 16_383;
/** PostgreSQL keeps microseconds when a timestamp has no precision. */
const POSTGRES_FRACTIONAL_DIGITS = 6;
const MAX_CHAR = 255;
const MAX_DECIMAL_PRECISION = 65;
const MAX_DECIMAL_SCALE = 30;

function modifier(value: number | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!Number.isSafeInteger(value)) throw new DdlGenerationError(`type modifier ${value} is not an integer`);
  return value;
}

const withFsp = (name: string, precision: number | undefined) => {
  const p = modifier(precision);
  return p === undefined ? name : `${name}(${p})`;
};

/** A type MySQL writes differently from the design, and why. */
export interface MysqlTypeChange {
  code: ExportWarningCode;
  message: string;
  /** A CHECK on the column that keeps what the type alone no longer does. */
  check?: (column: string) => string;
}

export interface MysqlType {
  sql: string;
  /** A collation the column is written with (`COLLATE x` after the type), for CITEXT. */
  collate?: string;
  change?: MysqlTypeChange;
  /** A CHECK keeping exactly what the design says, where the type alone holds more (not a change). */
  check?: (column: string) => string;
}

/** MySQL's blob size classes, by the most bytes each holds. */
const BLOB_CLASSES: ReadonlyArray<readonly [string, number]> = [
  ['tinyblob', 255],
  ['blob', 65_535],
  ['mediumblob', 16_777_215],
];

/**
 * BYTEA is the smallest blob class that holds its length (no length: `longblob`); a length
 * between two classes' maxima is kept by a CHECK on the bytes (MySQL 8.0.16+ and MariaDB enforce it).
 */
function mysqlBlob(length: number | undefined): MysqlType {
  if (length === undefined) return { sql: 'longblob' };
  const fits = BLOB_CLASSES.find(([, max]) => length <= max);
  if (fits === undefined) return { sql: 'longblob' };
  const [sql, max] = fits;
  if (length === max) return { sql };
  return { sql, check: (column) => `CHECK (octet_length(${column}) <= ${length})` };
}

/** LONGTEXT holding at most `length` characters, by a CHECK on the column. */
function longtextWithLimit(length: number, message: string): MysqlType {
  return {
    sql: 'longtext',
    change: {
      code: 'VARCHAR_AS_LONGTEXT',
      message,
      check: (column) => `CHECK (char_length(${column}) <= ${length})`,
    },
  };
}

/**
 * The MySQL/MariaDB type of a canonical column type, and what changed where MySQL has no exact
 * form; `enumValues` is required for ENUM, written inline. The nearest faithful forms: VARCHAR
 * without a length is LONGTEXT (no smaller limit), VARCHAR over 16,383 characters LONGTEXT with a
 * CHECK on its length; CHAR over 255 is VARCHAR; TIMESTAMPTZ is DATETIME with its fractional
 * digits (6, PostgreSQL's, by default), as MySQL's TIMESTAMP ends in 2038, and the zone is not
 * kept; DECIMAL without a precision (PostgreSQL's unconstrained numeric; MySQL would read
 * DECIMAL(10,0)) is DECIMAL(65,30), and precisions over 65 or scales over 30 are capped there.
 */
export function mysqlType(type: ColumnType, enumValues?: readonly string[]): MysqlType {
  if (type.array === true) return mysqlArrayType(type, enumValues);
  const postgresOnly = mysqlPostgresType(type);
  if (postgresOnly) return postgresOnly;
  switch (type.dataType) {
    case 'SMALLINT':
    case 'INTEGER':
    case 'BIGINT': {
      const sql = renderExactMysqlType(type);
      return { sql: type.unsigned === true ? `${sql} unsigned` : sql };
    }
    case 'BINARY':
      return { sql: `binary(${modifier(type.length) ?? 1})` };
    case 'VARBINARY': {
      const length = modifier(type.length);
      return length === undefined ? mysqlBlob(undefined) : { sql: `varbinary(${length})` };
    }
    case 'BYTEA':
      return mysqlBlob(modifier(type.length));
    case 'VARCHAR': {
      const length = modifier(type.length);
      if (length === undefined)
        return {
          sql: 'longtext',
          change: {
            code: 'VARCHAR_UNBOUNDED',
            message:
              'VARCHAR without a length is LONGTEXT: MySQL needs a length, and any would be a limit the design has not',
          },
        };
      if (length > MAX_VARCHAR)
        return longtextWithLimit(
          length,
          `VARCHAR(${length}) is longer than a MySQL row allows: LONGTEXT with a CHECK on its length`,
        );
      return { sql: `varchar(${length})` };
    }
    case 'CHAR': {
      const length = modifier(type.length) ?? 1;
      if (length <= MAX_CHAR) return { sql: `char(${length})` };
      if (length > MAX_VARCHAR)
        return longtextWithLimit(
          length,
          `CHAR(${length}) is longer than a MySQL row allows: LONGTEXT with a CHECK on its length, values not padded`,
        );
      return {
        sql: `varchar(${length})`,
        change: {
          code: 'CHAR_AS_VARCHAR',
          message: `MySQL's CHAR ends at 255: VARCHAR(${length}), values not padded with spaces`,
        },
      };
    }
    case 'DECIMAL':
    case 'NUMERIC': {
      const precision = modifier(type.precision);
      if (precision === undefined)
        return {
          sql: `decimal(${MAX_DECIMAL_PRECISION},${MAX_DECIMAL_SCALE})`,
          change: {
            code: 'NUMERIC_PRECISION_CHOSEN',
            message: `${type.dataType} without precision is DECIMAL(${MAX_DECIMAL_PRECISION},${MAX_DECIMAL_SCALE}), MySQL's widest: at most ${MAX_DECIMAL_PRECISION - MAX_DECIMAL_SCALE} digits before the point and ${MAX_DECIMAL_SCALE} after`,
          },
        };
      const p = Math.min(precision, MAX_DECIMAL_PRECISION);
      const scale = modifier(type.scale);
      const s = scale === undefined ? undefined : Math.min(scale, MAX_DECIMAL_SCALE, p);
      const sql = s === undefined ? `decimal(${p})` : `decimal(${p},${s})`;
      if (p === precision && s === scale) return { sql };
      return {
        sql,
        change: {
          code: 'NUMERIC_PRECISION_CAPPED',
          message: `MySQL's DECIMAL has at most ${MAX_DECIMAL_PRECISION} digits, ${MAX_DECIMAL_SCALE} after the point: ${sql}`,
        },
      };
    }
    case 'TIMESTAMPTZ': {
      const sql = `datetime(${modifier(type.precision) ?? POSTGRES_FRACTIONAL_DIGITS})`;
      return {
        sql,
        change: {
          code: 'TIMESTAMPTZ_AS_DATETIME',
          message: `TIMESTAMPTZ is ${sql} (MySQL's TIMESTAMP ends in 2038): the instant is kept as written, its time zone is not stored`,
        },
      };
    }
    default:
      return { sql: renderExactMysqlType(type, enumValues) };
  }
}

/**
 * An array column: MySQL has no arrays, so a JSON array, kept one by a CHECK; its elements are
 * whatever JSON holds (the element type is not checked).
 */
function mysqlArrayType(type: ColumnType, enumValues?: readonly string[]): MysqlType {
  const element = mysqlType({ ...type, array: false }, enumValues).sql;
  return {
    sql: 'json',
    change: {
      code: 'ARRAY_AS_JSON',
      message: `an array of ${element} is a JSON array (MySQL has no array types): its elements are not checked to be ${element}`,
      check: (column) => `CHECK (json_type(${column}) = 'ARRAY')`,
    },
  };
}

/** The MySQL/MariaDB spelling of a canonical column type (see `mysqlType`). */
export function renderMysqlType(type: ColumnType, enumValues?: readonly string[]): string {
  return mysqlType(type, enumValues).sql;
}

/** The types MySQL has an exact form for. */
function renderExactMysqlType(type: ColumnType, enumValues?: readonly string[]): string {
  switch (type.dataType) {
    case 'TEXT':
      return 'text';
    case 'SMALLINT':
      return 'smallint';
    case 'INTEGER':
      return 'int';
    case 'BIGINT':
      return 'bigint';
    case 'REAL':
      return 'float';
    case 'DOUBLE':
      return 'double';
    case 'BOOLEAN':
      return 'tinyint(1)';
    case 'DATE':
      return 'date';
    case 'TIME':
      return withFsp('time', type.precision);
    case 'TIMESTAMP':
      return withFsp('datetime', type.precision);
    case 'UUID':
      return 'char(36)';
    case 'JSON':
    case 'JSONB':
      return 'json';
    case 'BYTEA':
    case 'BINARY':
    case 'VARBINARY':
      return mysqlType(type).sql;
    case 'ENUM':
      if (enumValues === undefined) throw new DdlGenerationError('ENUM column without its values');
      return `enum(${enumValues.map((value) => quoteLiteralFor('mysql', value)).join(',')})`;
    case 'VARCHAR':
    case 'CHAR':
    case 'DECIMAL':
    case 'NUMERIC':
    case 'TIMESTAMPTZ':
    case 'INET':
    case 'CIDR':
    case 'MACADDR':
    case 'CITEXT':
    case 'TSVECTOR':
    case 'INTERVAL':
    case 'MONEY':
    case 'XML':
    case 'INT4RANGE':
    case 'INT8RANGE':
    case 'NUMRANGE':
    case 'DATERANGE':
    case 'TSRANGE':
    case 'TSTZRANGE':
      return mysqlType(type, enumValues).sql;
  }
  return unreachable(type.dataType);
}

/** Types MySQL cannot index without a prefix length, nor give a bare literal default. */
export function isMysqlBlobType(type: ColumnType): boolean {
  const rendered = renderMysqlType(type, []);
  return /^(?:tiny|medium|long)?(?:text|blob)$|^json$/.test(rendered);
}

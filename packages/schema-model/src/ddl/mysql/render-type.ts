import type { ColumnType } from '../../design/model.ts';
import { quoteLiteralFor } from '../../sql/quote.ts';
import { DdlGenerationError } from '../design-index.ts';
import { unreachable } from '../postgres/render-type.ts';

/** VARCHAR needs a length in MySQL; 255 is its customary one. */
export const MYSQL_DEFAULT_VARCHAR_LENGTH = 255;
/** The longest VARCHAR of 4-byte utf8mb4 characters in the 65,535-byte row limit. */
const MAX_VARCHAR = 16_383;
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

/**
 * The MySQL/MariaDB spelling of a canonical column type; `enumValues` is required for ENUM,
 * written inline. Where MySQL's bounds are narrower than PostgreSQL's the nearest wider type is
 * used: VARCHAR over 16,383 and CHAR over 255 characters are LONGTEXT/VARCHAR; DECIMAL without a
 * precision (PostgreSQL's unconstrained numeric; MySQL would read DECIMAL(10,0)) is
 * DECIMAL(65,30), and precisions over 65 or scales over 30 are capped there.
 */
export function renderMysqlType(type: ColumnType, enumValues?: readonly string[]): string {
  switch (type.dataType) {
    case 'VARCHAR': {
      const length = modifier(type.length) ?? MYSQL_DEFAULT_VARCHAR_LENGTH;
      return length > MAX_VARCHAR ? 'longtext' : `varchar(${length})`;
    }
    case 'CHAR': {
      const length = modifier(type.length) ?? 1;
      return length > MAX_CHAR ? `varchar(${length})` : `char(${length})`;
    }
    case 'TEXT':
      return 'text';
    case 'SMALLINT':
      return 'smallint';
    case 'INTEGER':
      return 'int';
    case 'BIGINT':
      return 'bigint';
    case 'DECIMAL':
    case 'NUMERIC': {
      const precision = modifier(type.precision);
      if (precision === undefined) return `decimal(${MAX_DECIMAL_PRECISION},${MAX_DECIMAL_SCALE})`;
      const p = Math.min(precision, MAX_DECIMAL_PRECISION);
      const scale = modifier(type.scale);
      return scale === undefined ? `decimal(${p})` : `decimal(${p},${Math.min(scale, MAX_DECIMAL_SCALE, p)})`;
    }
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
    case 'TIMESTAMPTZ':
      // MySQL's TIMESTAMP is an instant kept in UTC and shown in the session's time zone.
      return withFsp('timestamp', type.precision);
    case 'UUID':
      return 'char(36)';
    case 'JSON':
    case 'JSONB':
      return 'json';
    case 'BYTEA':
      return 'longblob';
    case 'ENUM':
      if (enumValues === undefined) throw new DdlGenerationError('ENUM column without its values');
      return `enum(${enumValues.map((value) => quoteLiteralFor('mysql', value)).join(',')})`;
  }
  return unreachable(type.dataType);
}

/** Types MySQL cannot index without a prefix length, nor give a bare literal default. */
export function isMysqlBlobType(type: ColumnType): boolean {
  const rendered = renderMysqlType(type, []);
  return /^(?:long)?(?:text|blob)$|^json$/.test(rendered);
}

import type { ColumnType } from '../../design/model.ts';
import { DdlGenerationError } from '../design-index.ts';
import { unreachable } from '../postgres/render-type.ts';
import { UNSIGNED_MAX } from '../type-checks.ts';
import type { SqliteType } from './render-type-postgres.ts';
import { sqlitePostgresType } from './render-type-postgres.ts';

function withArgs(name: string, ...args: Array<number | undefined>): string {
  const given: number[] = [];
  for (const arg of args) {
    if (arg === undefined) break;
    if (!Number.isSafeInteger(arg)) throw new DdlGenerationError(`type modifier ${arg} is not an integer`);
    given.push(arg);
  }
  return given.length === 0 ? name : `${name}(${given.join(',')})`;
}

/**
 * The declared type of a SQLite column. SQLite stores by affinity, read from the declared name
 * (datatype3.html §3.1), and keeps the name itself; so each type is declared by a name that gives
 * the right affinity AND names the design type, which an import reads back (VARCHAR(40) has TEXT
 * affinity and is still VARCHAR(40)). Affinities: the integers INTEGER; VARCHAR, CHAR, TEXT
 * and ENUM (declared TEXT, its values checked) TEXT; REAL and DOUBLE REAL; BYTEA, BINARY and VARBINARY are BLOB (their length kept by a CHECK on
 * the bytes, an exact form as an enum's TEXT with a CHECK is); an unsigned integer is declared `… UNSIGNED`, its range kept by a CHECK; the
 * rest (DECIMAL, BOOLEAN, dates and times, UUID, JSON) NUMERIC, as SQLite's own conventions have
 * it (text that is not a number, such as a date, a UUID or a JSON object, stays text there).
 */
export function renderSqliteType(type: ColumnType): string {
  return sqliteType(type).sql;
}

/** The declared type of a SQLite column and, for arrays and PostgreSQL's own types, the change it makes. */
export function sqliteType(type: ColumnType): SqliteType {
  const element = { ...type, array: false };
  return sqlitePostgresType(type, renderPortableType(element)) ?? { sql: renderPortableType(element) };
}

function renderPortableType(type: ColumnType): string {
  const declared = renderSqliteBaseType(type);
  // `INTEGER UNSIGNED` keeps INTEGER affinity and says what the design says; the CHECK beside
  // it keeps the range (`typeCheck`).
  return type.unsigned === true && UNSIGNED_MAX[type.dataType] !== undefined
    ? `${declared} UNSIGNED`
    : declared;
}

function renderSqliteBaseType(type: ColumnType): string {
  switch (type.dataType) {
    case 'VARCHAR':
      return withArgs('VARCHAR', type.length);
    case 'CHAR':
      return withArgs('CHAR', type.length);
    case 'TEXT':
    case 'ENUM':
      return 'TEXT';
    case 'SMALLINT':
      return 'SMALLINT';
    case 'INTEGER':
      return 'INTEGER';
    case 'BIGINT':
      return 'BIGINT';
    case 'DECIMAL':
    case 'NUMERIC':
      return withArgs(type.dataType, type.precision, type.precision === undefined ? undefined : type.scale);
    case 'REAL':
      return 'REAL';
    case 'DOUBLE':
      return 'DOUBLE';
    case 'BOOLEAN':
      return 'BOOLEAN';
    case 'DATE':
      return 'DATE';
    case 'TIME':
      return withArgs('TIME', type.precision);
    case 'TIMESTAMP':
      return withArgs('TIMESTAMP', type.precision);
    case 'TIMESTAMPTZ':
      return withArgs('TIMESTAMPTZ', type.precision);
    case 'UUID':
      return 'UUID';
    case 'JSON':
      return 'JSON';
    case 'JSONB':
      return 'JSONB';
    case 'BYTEA':
    case 'BINARY':
    case 'VARBINARY':
      // BLOB affinity stores bytes as given; a declared BINARY(16) would have NUMERIC affinity.
      return 'BLOB';
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
      return sqlitePostgresType(type, type.dataType)?.sql ?? 'TEXT';
  }
  return unreachable(type.dataType);
}

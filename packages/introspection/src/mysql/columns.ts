import type { IntrospectedColumn } from '@schema-builder/schema-model';
import type { Row } from './rows.ts';
import { text, textOrNull } from './rows.ts';

export const TABLES_SQL = `
  select TABLE_NAME as name, TABLE_TYPE as type, TABLE_COMMENT as comment
  from information_schema.TABLES where TABLE_SCHEMA = ? order by TABLE_NAME`;

export const COLUMNS_SQL = `
  select TABLE_NAME as tableName, COLUMN_NAME as name, COLUMN_TYPE as type, DATA_TYPE as dataType,
         IS_NULLABLE as nullable, COLUMN_DEFAULT as def, EXTRA as extra, COLUMN_COMMENT as comment,
         GENERATION_EXPRESSION as generation
  from information_schema.COLUMNS where TABLE_SCHEMA = ? order by TABLE_NAME, ORDINAL_POSITION`;

/** Types whose defaults MySQL 8 writes unquoted because they are numbers. */
const NUMERIC_DATA_TYPES = new Set([
  'tinyint',
  'smallint',
  'mediumint',
  'int',
  'integer',
  'bigint',
  'decimal',
  'numeric',
  'float',
  'double',
  'real',
  'bit',
  'year',
]);

/**
 * COLUMN_DEFAULT as SQL text. MariaDB (10.2.7+) already writes it so: `'text'`, `0`, `NULL`,
 * `current_timestamp()`. MySQL 8 writes a literal string bare (`abc`) and marks expressions with
 * DEFAULT_GENERATED in EXTRA, so its strings are quoted here.
 */
export function defaultText(row: Row, mariadb: boolean): string | null {
  const value = textOrNull(row, 'def');
  if (value === null || mariadb) return value;
  const extra = text(row, 'extra').toUpperCase();
  if (extra.includes('DEFAULT_GENERATED') || NUMERIC_DATA_TYPES.has(text(row, 'dataType').toLowerCase()))
    return value;
  if (/^current_timestamp(\(\d?\))?$/i.test(value)) return value;
  return `'${value.replaceAll('\\', '\\\\').replaceAll("'", "''")}'`;
}

/**
 * One column. MariaDB's JSON is LONGTEXT with a `json_valid(col)` check: `jsonColumns` names
 * those, so they read as json again (and the check is not reported as unsupported).
 */
export function column(row: Row, mariadb: boolean, jsonColumns: ReadonlySet<string>): IntrospectedColumn {
  const name = text(row, 'name');
  const extra = text(row, 'extra').toLowerCase();
  const generation = textOrNull(row, 'generation');
  const generated = extra.includes('generated') && !extra.includes('default_generated') && generation;
  const onUpdate = /on update (\S+)/.exec(extra)?.[1];
  return {
    name,
    nativeType: jsonColumns.has(name) ? 'json' : text(row, 'type'),
    nullable: text(row, 'nullable') === 'YES',
    default: generated ? null : defaultText(row, mariadb),
    autoIncrement: extra.includes('auto_increment'),
    ...(generated ? { generated } : {}),
    ...(onUpdate !== undefined ? { onUpdate } : {}),
    comment: text(row, 'comment') || null,
  };
}

import type { IntrospectedColumn } from '@schema-builder/schema-model/import';
import type { Row } from './rows.ts';
import { text, textOrNull } from './rows.ts';

export const TABLES_SQL = `
  select TABLE_NAME as name, TABLE_TYPE as type, TABLE_COMMENT as comment
  from information_schema.TABLES where TABLE_SCHEMA = ? order by TABLE_NAME`;

/** `collation`: the column's collation when it is not its table's default, else null. */
export const COLUMNS_SQL = `
  select c.TABLE_NAME as tableName, c.COLUMN_NAME as name, c.COLUMN_TYPE as type, c.DATA_TYPE as dataType,
         c.IS_NULLABLE as nullable, c.COLUMN_DEFAULT as def, c.EXTRA as extra, c.COLUMN_COMMENT as comment,
         c.GENERATION_EXPRESSION as generation,
         case when c.COLLATION_NAME <> t.TABLE_COLLATION then c.COLLATION_NAME end as collation
  from information_schema.COLUMNS c
  left join information_schema.TABLES t on t.TABLE_SCHEMA = c.TABLE_SCHEMA and t.TABLE_NAME = c.TABLE_NAME
  where c.TABLE_SCHEMA = ? order by c.TABLE_NAME, c.ORDINAL_POSITION`;

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
 * those, so they read as json again (and the check is not reported as unsupported), without
 * the utf8mb4_bin collation MariaDB gives them.
 */
export function column(row: Row, mariadb: boolean, jsonColumns: ReadonlySet<string>): IntrospectedColumn {
  const name = text(row, 'name');
  const extra = text(row, 'extra').toLowerCase();
  const generation = textOrNull(row, 'generation');
  const generated = extra.includes('generated') && !extra.includes('default_generated') && generation;
  const onUpdate = /on update (\S+)/.exec(extra)?.[1];
  const json = jsonColumns.has(name);
  const collation = json ? null : textOrNull(row, 'collation');
  return {
    name,
    nativeType: json ? 'json' : text(row, 'type'),
    nullable: text(row, 'nullable') === 'YES',
    default: generated ? null : defaultText(row, mariadb),
    autoIncrement: extra.includes('auto_increment'),
    ...(generated
      ? { generated, generatedKind: extra.includes('virtual') ? ('virtual' as const) : ('stored' as const) }
      : {}),
    ...(onUpdate !== undefined ? { onUpdate } : {}),
    ...(collation !== null ? { collation } : {}),
    comment: text(row, 'comment') || null,
  };
}

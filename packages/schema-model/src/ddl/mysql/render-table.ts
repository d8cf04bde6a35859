import { quoteIdentFor, quoteLiteralFor } from '../../sql/quote.ts';
import type { CreateContext } from '../render-context.ts';
import { enumValues } from '../render-context.ts';
import type { CreateTableStatement, DdlColumn } from '../statements.ts';
import { renderMysqlDefault } from './render-default.ts';
import { isMysqlBlobType, renderMysqlType } from './render-type.ts';

const q = (name: string) => quoteIdentFor('mysql', name);

/**
 * Characters of a TEXT/BLOB column that an index covers: MySQL indexes those only by a prefix.
 * 191 utf8mb4 characters fit the 767-byte limit of older row formats.
 */
export const MYSQL_KEY_PREFIX = 191;

/** `` `a`, `b`(191) ``: key parts, TEXT and BLOB columns by their prefix. */
export function renderMysqlKeyParts(
  table: string,
  columns: readonly string[],
  context: CreateContext,
): string {
  const types = context.columnTypes.get(table);
  return columns
    .map((column) => {
      const type = types?.get(column);
      return type !== undefined && isMysqlBlobType(type) ? `${q(column)}(${MYSQL_KEY_PREFIX})` : q(column);
    })
    .join(', ');
}

/**
 * The column MySQL may number with AUTO_INCREMENT: it allows one per table, and only on a column
 * that leads a key. So an identity column is AUTO_INCREMENT when it is the first column of the
 * primary key or alone in a unique constraint; any other identity column (a second one, or one
 * inside a composite key) is a plain column, as MySQL cannot express it.
 */
function autoIncrementColumn(statement: CreateTableStatement): string | undefined {
  const keyed = new Set<string>();
  const first = statement.primaryKey?.columns[0];
  if (first !== undefined) keyed.add(first);
  for (const unique of statement.uniques) if (unique.columns.length === 1) keyed.add(unique.columns[0] ?? '');
  return statement.columns.find((column) => column.identity && keyed.has(column.name))?.name;
}

/** `` `id` int NOT NULL AUTO_INCREMENT COMMENT 'x' ``. */
export function renderMysqlColumn(
  column: DdlColumn,
  autoIncrement: boolean,
  comment: string | undefined,
  context: CreateContext,
): string {
  const values = column.type.dataType === 'ENUM' ? enumValues(context, column.enumName) : undefined;
  let sql = `${q(column.name)} ${renderMysqlType(column.type, values)}`;
  if (column.notNull) sql += ' NOT NULL';
  const value =
    column.default && !column.identity ? renderMysqlDefault(column.type, column.default) : undefined;
  if (value !== undefined) sql += ` DEFAULT ${value}`;
  if (autoIncrement) sql += ' AUTO_INCREMENT';
  if (comment !== undefined) sql += ` COMMENT ${quoteLiteralFor('mysql', comment)}`;
  return sql;
}

/** CREATE TABLE with one column per line (comments inline), then the primary key and unique keys. */
export function renderMysqlCreateTable(statement: CreateTableStatement, context: CreateContext): string {
  const auto = autoIncrementColumn(statement);
  const comments = context.columnComments.get(statement.name);
  const lines = statement.columns.map((column) =>
    renderMysqlColumn(column, column.name === auto, comments?.get(column.name), context),
  );
  const keyParts = (columns: readonly string[]) => renderMysqlKeyParts(statement.name, columns, context);
  // MySQL names every primary key PRIMARY, so the design's name is not written.
  if (statement.primaryKey) lines.push(`PRIMARY KEY (${keyParts(statement.primaryKey.columns)})`);
  for (const unique of statement.uniques)
    lines.push(`CONSTRAINT ${q(unique.name)} UNIQUE (${keyParts(unique.columns)})`);
  const body = lines.length === 0 ? '' : `\n  ${lines.join(',\n  ')}\n`;
  return `CREATE TABLE ${q(statement.name)} (${body});`;
}

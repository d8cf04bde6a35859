import { quoteIdentFor, quoteLiteralFor } from '../../sql/quote.ts';
import { columnsReferenced } from '../../sql-expression/references.ts';
import type { ChangeLog } from '../export-warning.ts';
import { generatedExpression } from '../generated-expression.ts';
import { positionedChecks, renderPortableCheck } from '../portable-check.ts';
import type { CreateContext } from '../render-context.ts';
import { enumValues } from '../render-context.ts';
import type { CreateTableStatement, DdlColumn } from '../statements.ts';
import { renderMysqlDefault } from './render-default.ts';
import { isMysqlBlobType, mysqlType } from './render-type.ts';

const q = (name: string) => quoteIdentFor('mysql', name);

/**
 * Characters of a TEXT/BLOB column that an index covers: MySQL indexes those only by a prefix.
 * 191 utf8mb4 characters fit the 767-byte limit of older row formats.
 */
export const MYSQL_KEY_PREFIX = 191;

/** A column's key in per-column maps: table and column, NUL-separated (no name holds NUL). */
export const columnKey = (table: string, column: string): string => `${table}\u0000${column}`;

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
 * inside a composite key) is a plain column, reported as IDENTITY_DROPPED.
 */
function autoIncrementColumn(statement: CreateTableStatement): string | undefined {
  const keyed = new Set<string>();
  const first = statement.primaryKey?.columns[0];
  if (first !== undefined) keyed.add(first);
  for (const unique of statement.uniques) if (unique.columns.length === 1) keyed.add(unique.columns[0] ?? '');
  return statement.columns.find((column) => column.identity && keyed.has(column.name))?.name;
}

/** What a column definition needs besides the column: its table's state and the change log. */
export interface MysqlColumnSpot {
  table: string;
  autoIncrement: boolean;
  comment: string | undefined;
  /** The length a CHECK keeps, for a VARCHAR made TEXT to fit the row. */
  lengthCheck: number | undefined;
  /** The table's AUTO_INCREMENT column: MySQL computes no generated column from it. */
  autoIncrementColumn?: string;
}

/** `` `id` int NOT NULL AUTO_INCREMENT COMMENT 'x' ``, preceded by a comment line for each change. */
export function renderMysqlColumn(
  column: DdlColumn,
  spot: MysqlColumnSpot,
  context: CreateContext,
  log: ChangeLog,
): string {
  const at = { table: spot.table, column: column.name };
  const notes = log.earlyComments(spot.table, column.name);
  const values = column.type.dataType === 'ENUM' ? enumValues(context, column.enumName) : undefined;
  const type = mysqlType(column.type, values);
  if (type.change) notes.push(log.add({ code: type.change.code, message: type.change.message, spot: at }));
  const readsAuto =
    column.generated !== undefined &&
    spot.autoIncrementColumn !== undefined &&
    columnsReferenced(column.generated).includes(spot.autoIncrementColumn);
  const generated = readsAuto
    ? {
        note: log.add({
          code: 'EXPRESSION_NOT_PORTABLE',
          message: `MySQL computes no generated column from the AUTO_INCREMENT column ${spot.autoIncrementColumn ?? ''}: ${column.name} is a plain nullable column`,
          spot: at,
        }),
      }
    : generatedExpression(column, 'mysql', log, at);
  if (generated.note) notes.push(generated.note);
  let sql = `${q(column.name)} ${type.sql}`;
  if (type.collate !== undefined) sql += ` COLLATE ${type.collate}`;
  if (generated.sql !== undefined) sql += ` AS (${generated.sql}) STORED`;
  // MariaDB refuses NOT NULL on a generated column; a CHECK refuses the same rows.
  const notNullCheck = column.notNull && generated.sql !== undefined;
  if (notNullCheck)
    notes.push(
      log.add({
        code: 'GENERATED_NOT_NULL_AS_CHECK',
        message: `MariaDB has no NOT NULL on a generated column: CHECK (${column.name} IS NOT NULL) refuses the same rows`,
        spot: at,
      }),
    );
  else if (column.notNull && generated.note === undefined) sql += ' NOT NULL';
  if (column.default && !column.identity) {
    const value = renderMysqlDefault(column.type, column.default);
    if (value !== undefined) sql += ` DEFAULT ${value}`;
    else
      notes.push(
        log.add({
          code: 'DEFAULT_DROPPED',
          message: `MySQL has no form of the default ${describeDefault(column)}`,
          spot: at,
        }),
      );
  }
  if (spot.autoIncrement) sql += ' AUTO_INCREMENT';
  else if (column.identity)
    notes.push(
      log.add({
        code: 'IDENTITY_DROPPED',
        message: 'MySQL numbers only one column a table, leading a key: this one is not auto-numbered',
        spot: at,
      }),
    );
  if (spot.comment !== undefined) sql += ` COMMENT ${quoteLiteralFor('mysql', spot.comment)}`;
  if (type.change?.check) sql += ` ${type.change.check(q(column.name))}`;
  if (type.check) sql += ` ${type.check(q(column.name))}`;
  if (spot.lengthCheck !== undefined) sql += ` CHECK (char_length(${q(column.name)}) <= ${spot.lengthCheck})`;
  if (notNullCheck) sql += ` CHECK (${q(column.name)} IS NOT NULL)`;
  return [...notes, sql].join('\n  ');
}

export const describeDefault = (column: DdlColumn): string =>
  column.default?.kind === 'expression' ? column.default.expression : JSON.stringify(column.default?.value);

/**
 * Text compares as PostgreSQL compares it, byte for byte (case and accents count), whatever the
 * server's or database's defaults: MySQL's own defaults (`utf8mb4_0900_ai_ci`, MariaDB's
 * `utf8mb4_general_ci`) would make `'A@x'` and `'a@x'` one value to a UNIQUE key or a CHECK.
 * One difference stays, said in the docs: `utf8mb4_bin` ignores trailing spaces when comparing.
 */
const TABLE_CHARSET = 'DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin';

/** CREATE TABLE with one column per line (comments inline), then the primary key and unique keys. */
export function renderMysqlCreateTable(
  statement: CreateTableStatement,
  context: CreateContext,
  log: ChangeLog,
  lengthChecks: ReadonlyMap<string, number>,
): string {
  const auto = autoIncrementColumn(statement);
  const comments = context.columnComments.get(statement.name);
  const lines = statement.columns.map((column) =>
    renderMysqlColumn(
      column,
      {
        table: statement.name,
        autoIncrement: column.name === auto,
        comment: comments?.get(column.name),
        lengthCheck: lengthChecks.get(columnKey(statement.name, column.name)),
        ...(auto !== undefined ? { autoIncrementColumn: auto } : {}),
      },
      context,
      log,
    ),
  );
  const types = context.columnTypes.get(statement.name);
  /** A key's line, after a comment when MySQL keys some of its columns by a prefix only. */
  const keyLine = (head: string, what: string, columns: readonly string[]) => {
    const prefixed = columns.filter((c) => {
      const type = types?.get(c);
      return type !== undefined && isMysqlBlobType(type);
    });
    const sql = `${head} (${renderMysqlKeyParts(statement.name, columns, context)})`;
    if (prefixed.length === 0) return sql;
    const note = log.add({
      code: 'KEY_PREFIX',
      message: `MySQL indexes ${prefixed.join(', ')} by the first ${MYSQL_KEY_PREFIX} characters only: the ${what} is unique on those`,
      spot: { table: statement.name },
    });
    return `${note}\n  ${sql}`;
  };
  // MySQL names every primary key PRIMARY, so the design's name is not written.
  if (statement.primaryKey) lines.push(keyLine('PRIMARY KEY', 'primary key', statement.primaryKey.columns));
  for (const unique of statement.uniques)
    lines.push(keyLine(`CONSTRAINT ${q(unique.name)} UNIQUE`, `key ${unique.name}`, unique.columns));
  // Every check is a named table constraint, a column's own too: MariaDB allows one unnamed CHECK
  // on a column (which a length CHECK may take), and MySQL 8 names column checks itself. A check
  // named `<table>_<column>_check` over that column alone imports back as the column's.
  const notes: string[] = [];
  for (const { check, position } of positionedChecks(statement.checks ?? [])) {
    const readsAuto = auto !== undefined && columnsReferenced(check.expression).includes(auto);
    const refusal = readsAuto ? `MySQL allows no CHECK on the AUTO_INCREMENT column ${auto}` : undefined;
    const rendered = renderPortableCheck('mysql', statement.name, check, position, log, refusal);
    if ('sql' in rendered) lines.push(notes.splice(0).concat(rendered.sql).join('\n  '));
    else notes.push(rendered.note);
  }
  if (notes.length > 0 && lines.length > 0) lines[lines.length - 1] += `\n  ${notes.join('\n  ')}`;
  const body = lines.length === 0 ? '' : `\n  ${lines.join(',\n  ')}\n`;
  return `CREATE TABLE ${q(statement.name)} (${body}) ${TABLE_CHARSET};`;
}

import type { ColumnDefault, ColumnType } from '../../design/model.ts';
import { quoteIdentFor, quoteLiteralFor } from '../../sql/quote.ts';
import { ChangeLog } from '../export-warning.ts';
import { generatedExpression } from '../generated-expression.ts';
import { renderLiteral } from '../literal-default.ts';
import { positionedChecks, renderPortableCheck } from '../portable-check.ts';
import type { CreateContext } from '../render-context.ts';
import { enumValues } from '../render-context.ts';
import type { AddForeignKeyStatement, CreateTableStatement, DdlColumn } from '../statements.ts';
import { renderTypeCheck, typeCheck } from '../type-checks.ts';
import { sqliteType } from './render-type.ts';

const q = (name: string) => quoteIdentFor('sqlite', name);
const list = (names: readonly string[]) => names.map(q).join(', ');

/**
 * The SQL after `DEFAULT` for a SQLite column, or undefined when SQLite has no such default.
 * The current time is SQLite's CURRENT_TIMESTAMP, CURRENT_DATE or CURRENT_TIME (UTC text) by
 * the column's type; SQLite has no UUID function, so gen_random_uuid() gives no default.
 */
export function renderSqliteDefault(type: ColumnType, value: ColumnDefault): string | undefined {
  if (value.kind === 'literal' && type.array === true)
    return quoteLiteralFor('sqlite', JSON.stringify(value.value));
  if (value.kind === 'literal') return renderLiteral('sqlite', type.dataType, value.value);
  switch (value.expression) {
    case 'now()':
    case 'CURRENT_TIMESTAMP':
      if (type.dataType === 'DATE') return 'CURRENT_DATE';
      return type.dataType === 'TIME' ? 'CURRENT_TIME' : 'CURRENT_TIMESTAMP';
    case 'CURRENT_DATE':
      return 'CURRENT_DATE';
    case 'gen_random_uuid()':
      return undefined;
  }
}

/**
 * SQLite numbers rows itself only through the rowid, and AUTOINCREMENT (no reuse of deleted
 * ids) only on a column declared exactly `INTEGER PRIMARY KEY`. So an identity column that is
 * the whole primary key becomes that, whatever its integer type; other identity columns cannot
 * be expressed and are plain columns (IDENTITY_DROPPED).
 */
function rowidColumn(statement: CreateTableStatement): string | undefined {
  const key = statement.primaryKey?.columns;
  const [only] = key ?? [];
  if (key?.length !== 1 || only === undefined) return undefined;
  return statement.columns.some((column) => column.name === only && column.identity) ? only : undefined;
}

function renderSqliteColumn(
  table: string,
  column: DdlColumn,
  rowid: boolean,
  soleKey: boolean,
  context: CreateContext,
  log: ChangeLog,
): string {
  const spot = { table, column: column.name };
  const notes: string[] = [];
  const check = typeCheck(column.type);
  const checkSql = check === undefined ? '' : ` CHECK (${renderTypeCheck(check, q(column.name), 'sqlite')})`;
  // The rowid must be declared INTEGER: an unsigned one keeps its range by its CHECK, which an
  // import reads back as the type (SMALLINT's, INTEGER's bound; BIGINT's no negatives).
  if (rowid) return `${q(column.name)} INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL${checkSql}`;
  if (column.identity)
    notes.push(
      log.add({
        code: 'IDENTITY_DROPPED',
        message: 'SQLite numbers only a column that is the whole primary key: this one is not auto-numbered',
        spot,
      }),
    );
  // A lone INTEGER PRIMARY KEY is SQLite's rowid, numbered when omitted: a key the design does
  // not number is declared INT (the same affinity) so that it stays a plain column.
  const typed = sqliteType(column.type);
  if (typed.change) notes.push(log.add({ code: typed.change.code, message: typed.change.message, spot }));
  const type = typed.sql;
  const declared = type === 'INTEGER' && soleKey ? 'INT' : type;
  const generated = generatedExpression(column, 'sqlite', log, spot);
  if (generated.note) notes.push(generated.note);
  let sql = `${q(column.name)} ${declared}`;
  if (generated.sql !== undefined) sql += ` AS (${generated.sql}) STORED`;
  if (column.notNull && generated.note === undefined) sql += ' NOT NULL';
  if (column.default && !column.identity) {
    const value = renderSqliteDefault(column.type, column.default);
    if (value !== undefined) sql += ` DEFAULT ${value}`;
    else
      notes.push(
        log.add({
          code: 'DEFAULT_DROPPED',
          message: `SQLite has no form of the default ${column.default.kind === 'expression' ? column.default.expression : JSON.stringify(column.default.value)}`,
          spot,
        }),
      );
  }
  sql += checkSql;
  if (typed.change?.check) sql += ` ${typed.change.check(q(column.name))}`;
  if (column.type.dataType === 'ENUM' && column.type.array !== true) {
    const values = enumValues(context, column.enumName).map((v) => quoteLiteralFor('sqlite', v));
    sql += ` CHECK (${q(column.name)} IN (${values.join(', ')}))`;
  }
  return [...notes, sql].join('\n  ');
}

/**
 * `CONSTRAINT … FOREIGN KEY … REFERENCES …`, inside CREATE TABLE: SQLite cannot add a foreign
 * key later, and does not look for the target table until rows are written, so cycles still load.
 */
function renderSqliteForeignKey(fk: AddForeignKeyStatement): string {
  let sql = `CONSTRAINT ${q(fk.name)} FOREIGN KEY (${list(fk.columns)}) REFERENCES ${q(fk.refTable)} (${list(fk.refColumns)})`;
  if (fk.onDelete !== 'NO ACTION') sql += ` ON DELETE ${fk.onDelete}`;
  if (fk.onUpdate !== 'NO ACTION') sql += ` ON UPDATE ${fk.onUpdate}`;
  return sql;
}

/** CREATE TABLE with its columns, keys and foreign keys (SQLite has no comments: none are written). */
export function renderSqliteCreateTable(
  statement: CreateTableStatement,
  context: CreateContext,
  log: ChangeLog = new ChangeLog(),
): string {
  const rowid = rowidColumn(statement);
  const soleKey = statement.primaryKey?.columns.length === 1 ? statement.primaryKey.columns[0] : undefined;
  const checks = positionedChecks(statement.checks ?? []).map(({ check, position }) => ({
    check,
    rendered: renderPortableCheck('sqlite', statement.name, check, position, log),
  }));
  // A column's own check goes on its definition (SQLite keeps it there), or its note before it.
  const lines = statement.columns.map((column) => {
    let line = renderSqliteColumn(
      statement.name,
      column,
      column.name === rowid,
      column.name === soleKey,
      context,
      log,
    );
    for (const { check, rendered } of checks) {
      if (check.column !== column.name) continue;
      line = 'sql' in rendered ? `${line} ${rendered.sql}` : `${rendered.note}\n  ${line}`;
    }
    return line;
  });
  if (statement.primaryKey && rowid === undefined)
    lines.push(
      `CONSTRAINT ${q(statement.primaryKey.name)} PRIMARY KEY (${list(statement.primaryKey.columns)})`,
    );
  for (const unique of statement.uniques)
    lines.push(`CONSTRAINT ${q(unique.name)} UNIQUE (${list(unique.columns)})`);
  for (const fk of context.foreignKeys.get(statement.name) ?? []) lines.push(renderSqliteForeignKey(fk));
  const notes: string[] = [];
  for (const { check, rendered } of checks) {
    if (check.column !== undefined) continue;
    if ('sql' in rendered) lines.push(notes.splice(0).concat(rendered.sql).join('\n  '));
    else notes.push(rendered.note);
  }
  if (notes.length > 0 && lines.length > 0) lines[lines.length - 1] += `\n  ${notes.join('\n  ')}`;
  const body = lines.length === 0 ? '' : `\n  ${lines.join(',\n  ')}\n`;
  return `CREATE TABLE ${q(statement.name)} (${body});`;
}

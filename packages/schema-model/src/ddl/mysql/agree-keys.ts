import type { ChangeLog } from '../export-warning.ts';
import type { CreateContext } from '../render-context.ts';
import type { CreateDdlStatement, CreateTableStatement, DdlColumn } from '../statements.ts';
import { columnKey, MYSQL_KEY_PREFIX } from './render-table.ts';
import { isMysqlBlobType, MAX_VARCHAR, renderMysqlType } from './render-type.ts';

/**
 * InnoDB's index keys hold at most 3,072 bytes: 768 utf8mb4 characters, shared by a key's text
 * columns. A TEXT key a foreign key references becomes VARCHAR of its share, at most 255.
 */
const KEY_CHARACTERS = 768;
const TEXT_KEY_LENGTH = 255;
/** MySQL's limit on a row's bytes, TEXT and BLOB columns counting only their pointer. */
const MAX_ROW_BYTES = 65_535;
const INTEGER_RANK: Readonly<Record<string, number>> = { SMALLINT: 1, INTEGER: 2, BIGINT: 3 };

const isString = (sql: string) => /^(?:var)?char\(/.test(sql);
const render = (column: DdlColumn, context: CreateContext) =>
  renderMysqlType(column.type, column.enumName === undefined ? [] : context.enums.get(column.enumName));

/**
 * The create plan with the column types InnoDB needs, each change logged: a foreign key's column
 * and the column it references must have the same type (strings may differ in length only), and
 * the referenced key cannot be a TEXT prefix; so a TEXT key a foreign key references becomes
 * VARCHAR, integers of different widths both become the wider, any other difference gives the
 * referencing column the referenced type. Then a table whose VARCHARs are wider than a MySQL row
 * gets its widest non-key ones as TEXT, their length kept by a CHECK.
 */
export function agreeForeignKeyTypes(
  statements: readonly CreateDdlStatement[],
  context: CreateContext,
  log: ChangeLog,
): MysqlPlan {
  const tables = new Map<string, CreateTableStatement>();
  const out = statements.map((statement) => {
    if (statement.kind !== 'create_table') return statement;
    const copy = { ...statement, columns: statement.columns.map((column) => ({ ...column })) };
    tables.set(copy.name, copy);
    return copy;
  });
  const column = (table: string, name: string) => tables.get(table)?.columns.find((c) => c.name === name);
  /** Gives `target` a new type and logs why: `match` names the column it now matches. */
  const retype = (
    table: string,
    target: DdlColumn,
    to: Pick<DdlColumn, 'type' | 'enumName'>,
    match?: string,
  ) => {
    const before = render(target, context);
    // CITEXT's case-insensitive collation goes with its type (`mysqlType`): say so.
    const collation =
      target.type.dataType === 'CITEXT' && to.type.dataType !== 'CITEXT'
        ? ', compared byte for byte instead of without case as CITEXT'
        : target.type.dataType !== 'CITEXT' && to.type.dataType === 'CITEXT'
          ? ', compared without case like the CITEXT it matches'
          : '';
    target.type = to.type;
    if (to.enumName === undefined) delete target.enumName;
    else target.enumName = to.enumName;
    const after = render(target, context);
    log.addEarly(
      table,
      target.name,
      match === undefined
        ? {
            code: 'TEXT_KEY_AS_VARCHAR',
            message: `${before} is ${after}${collation}: a foreign key references it, and InnoDB cannot use a TEXT prefix key for that (longer values no longer fit)`,
          }
        : {
            code: 'FK_TYPE_MATCHED',
            message: `${before} is ${after}${collation} to match ${match} (InnoDB requires a foreign key's columns to match)`,
          },
    );
  };
  const foreignKeys = statements.filter((s) => s.kind === 'add_foreign_key');

  for (const fk of foreignKeys) {
    const textParts = fk.refColumns.filter((name) => {
      const target = column(fk.refTable, name);
      return target !== undefined && isMysqlBlobType(target.type) && target.type.dataType !== 'JSON';
    });
    const length = Math.min(TEXT_KEY_LENGTH, Math.floor(KEY_CHARACTERS / Math.max(1, textParts.length)));
    for (const name of textParts) {
      const target = column(fk.refTable, name);
      if (
        target &&
        target.type.array !== true &&
        ['TEXT', 'VARCHAR', 'CHAR', 'CITEXT'].includes(target.type.dataType)
      )
        // CITEXT stays CITEXT, bounded: a varchar keeping its case-insensitive collation.
        retype(fk.refTable, target, {
          type: { dataType: target.type.dataType === 'CITEXT' ? 'CITEXT' : 'VARCHAR', length },
        });
    }
  }

  // A change can make another foreign key disagree (a widened key referenced in turn): repeat.
  for (let pass = 0, changed = true; changed && pass < 10; pass++) {
    changed = false;
    for (const fk of foreignKeys) {
      fk.columns.forEach((name, i) => {
        const source = column(fk.table, name);
        const target = column(fk.refTable, fk.refColumns[i] ?? '');
        if (source === undefined || target === undefined) return;
        const s = render(source, context);
        const t = render(target, context);
        if (s === t || (isString(s) && isString(t))) return;
        changed = true;
        const sRank = INTEGER_RANK[source.type.dataType];
        const tRank = INTEGER_RANK[target.type.dataType];
        if (sRank !== undefined && tRank !== undefined && sRank > tRank)
          retype(fk.refTable, target, { type: source.type }, `"${fk.table}"."${name}", which references it`);
        else retype(fk.table, source, target, `"${fk.refTable}"."${target.name}", which it references`);
      });
    }
  }

  const keyed = new Set<string>();
  for (const fk of foreignKeys) {
    for (const name of fk.columns) keyed.add(columnKey(fk.table, name));
    for (const name of fk.refColumns) keyed.add(columnKey(fk.refTable, name));
  }
  const lengthChecks = new Map<string, number>();
  for (const table of tables.values()) fitRow(table, keyed, context, log, lengthChecks);
  return { statements: out, lengthChecks };
}

/** A create plan adapted to MySQL; `lengthChecks` (table NUL column → length): VARCHARs made TEXT, their length kept by a CHECK. */
export interface MysqlPlan {
  statements: CreateDdlStatement[];
  lengthChecks: ReadonlyMap<string, number>;
}

/** Bytes a key part of this MySQL type takes (utf8mb4: 4 bytes a character; TEXT by its prefix). */
export function mysqlKeyBytes(sql: string): number {
  if (/^(?:tiny|medium|long)?(?:text|blob)$|^json$/.test(sql)) return MYSQL_KEY_PREFIX * 4;
  return rowBytes(sql);
}

/** Bytes a column takes in MySQL's row-size count (utf8mb4: 4 bytes a character). */
function rowBytes(sql: string): number {
  const string = /^(var)?char\((\d+)\)$/.exec(sql);
  if (string) return Number(string[2]) * 4 + (string[1] ? 2 : 0);
  const binary = /^(var)?binary\((\d+)\)$/.exec(sql);
  if (binary) return Number(binary[2]) + (binary[1] ? 2 : 0);
  if (/^(?:tiny|medium|long)?(?:text|blob)$|^json$/.test(sql)) return 12;
  if (sql.startsWith('decimal')) return 30;
  if (sql === 'char(36)') return 144;
  return 8;
}

function fitRow(
  table: CreateTableStatement,
  keyed: ReadonlySet<string>,
  context: CreateContext,
  log: ChangeLog,
  lengthChecks: Map<string, number>,
): void {
  const inKey = new Set([...(table.primaryKey?.columns ?? []), ...table.uniques.flatMap((u) => u.columns)]);
  const bytes = () =>
    table.columns.reduce((sum, c) => sum + rowBytes(render(c, context)), Math.ceil(table.columns.length / 8));
  let total = bytes();
  if (total <= MAX_ROW_BYTES) return;
  const candidates = table.columns
    .filter(
      (c) =>
        (c.type.dataType === 'VARCHAR' || c.type.dataType === 'VARBINARY') &&
        !inKey.has(c.name) &&
        !keyed.has(columnKey(table.name, c.name)),
    )
    .sort((a, b) => (b.type.length ?? 0) - (a.type.length ?? 0));
  for (const candidate of candidates) {
    if (total <= MAX_ROW_BYTES) break;
    const length = candidate.type.length ?? 0;
    if (candidate.type.dataType === 'VARBINARY') {
      // A blob of the class that holds it, its length kept by the blob's own CHECK (`mysqlType`).
      candidate.type = { dataType: 'BYTEA', length };
      log.addEarly(table.name, candidate.name, {
        code: 'ROW_TOO_WIDE',
        message: `the table's columns are wider than a MySQL row (65,535 bytes): VARBINARY(${length}) is a blob with a CHECK on its length`,
      });
      total = bytes();
      continue;
    }
    // Beyond MAX_VARCHAR (or without a length) the type is LONGTEXT already.
    if (length === 0 || length > MAX_VARCHAR) continue;
    lengthChecks.set(columnKey(table.name, candidate.name), length);
    candidate.type = { dataType: 'TEXT' };
    log.addEarly(table.name, candidate.name, {
      code: 'ROW_TOO_WIDE',
      message: `the table's VARCHARs are wider than a MySQL row (65,535 bytes): VARCHAR(${length}) is TEXT with a CHECK on its length`,
    });
    total = bytes();
  }
}

import { canonicalDataType } from '../design/data-types.ts';
import type { ColumnDocument, IndexDocument, TableDocument } from '../design/document.ts';
import { columnsReferenced } from '../sql-expression/references.ts';
import type { IntrospectedKey, IntrospectedTable } from './catalog.ts';
import { importChecks } from './checks.ts';
import { importColumn } from './columns.ts';
import type { ImportContext } from './context.ts';
import { importComment, q } from './context.ts';
import { unknownColumns } from './expressions.ts';
import type { ImportedTable } from './imported-table.ts';
import { keyOf, resolveColumns } from './imported-table.ts';
import { importIndex } from './indexes.ts';
import { Namespace } from './names.ts';

/** Canvas positions: a grid, so an imported design opens readable rather than stacked. */
const GRID_COLUMNS = 6;
const GRID = { x: 360, y: 420 };

/** One table whose name is already claimed (`name`): columns, primary key, uniques, indexes. */
export function importTable(
  ctx: ImportContext,
  source: IntrospectedTable,
  name: string,
  position: number,
): ImportedTable {
  const columnNames = new Namespace();
  const columns = new Map<string, ColumnDocument>();
  const document: TableDocument = {
    id: ctx.ids.claim(`t_${name}`),
    name,
    columns: source.columns.map((column) => {
      const imported = importColumn(ctx, { table: source.name, tableName: name, columnNames }, column);
      columns.set(column.name, imported);
      return imported;
    }),
    position: { x: (position % GRID_COLUMNS) * GRID.x, y: Math.floor(position / GRID_COLUMNS) * GRID.y },
  };
  const comment = importComment(ctx, source.comment, ['tables', source.name]);
  if (comment) document.comment = comment;

  const imported: ImportedTable = {
    source,
    document,
    columns,
    uniqueKeys: new Set(),
    constraintNames: new Namespace(),
  };
  importPrimaryKey(ctx, imported, source.primaryKey);
  checkGeneratedColumns(ctx, imported);
  const indexes: IndexDocument[] = [];
  for (const unique of source.uniqueConstraints) importUnique(ctx, imported, unique, indexes);
  for (const index of source.indexes) {
    const result = importIndex(ctx, imported, index);
    if (result) indexes.push(result);
  }
  if (indexes.length > 0) document.indexes = indexes;
  keysOnJsonAsJsonb(ctx, imported, indexes);
  importChecks(ctx, imported);
  return imported;
}

/**
 * What PostgreSQL allows of a generated column and another engine may not: none in the primary
 * key, computed from stored columns of the table by their imported names. A column that breaks
 * one of these is imported as a plain column, reported.
 */
function checkGeneratedColumns(ctx: ImportContext, table: ImportedTable): void {
  const byName = new Map(table.document.columns.map((column) => [column.name, column]));
  for (const [sourceName, column] of table.columns) {
    const expression = column.generated?.expression;
    if (expression === undefined) continue;
    const unknown = unknownColumns(expression, (name) => byName.has(name));
    const fromGenerated = columnsReferenced(expression).filter((name) => byName.get(name)?.generated);
    const why =
      column.primaryKey === true
        ? 'PostgreSQL allows no generated column in a primary key'
        : unknown.length > 0
          ? `it reads ${unknown.map(q).join(', ')}, which the design names differently`
          : fromGenerated.length > 0
            ? `it reads the generated ${fromGenerated.map(q).join(', ')}, and PostgreSQL computes a generated column from stored ones only`
            : undefined;
    if (why === undefined) continue;
    delete column.generated;
    ctx.warn(
      'GENERATED_COLUMN',
      ['tables', table.source.name, 'columns', sourceName],
      `Column ${q(sourceName)} is computed from ${expression}, but ${why}; it is imported as a plain column.`,
    );
  }
}

/**
 * A JSON column in the primary key, UNIQUE or in an index (SQLite allows that) becomes JSONB: a
 * design's key must be one PostgreSQL can build, and it has no B-tree operator class for json.
 */
function keysOnJsonAsJsonb(
  ctx: ImportContext,
  table: ImportedTable,
  indexes: readonly IndexDocument[],
): void {
  const indexed = new Set(
    indexes.flatMap((index) => [...index.columns, ...(index.keys ?? []).flatMap((key) => key.column ?? [])]),
  );
  for (const [sourceName, column] of table.columns) {
    if (canonicalDataType(column.dataType) !== 'JSON') continue;
    if (column.primaryKey !== true && column.unique !== true && !indexed.has(column.id)) continue;
    column.dataType = 'JSONB';
    ctx.warn(
      'TYPE_APPROXIMATED',
      ['tables', table.source.name, 'columns', sourceName],
      `Column ${q(sourceName)} is JSON and part of a key or an index, which PostgreSQL cannot build on json; it is imported as JSONB.`,
    );
  }
}

function importPrimaryKey(ctx: ImportContext, table: ImportedTable, key: IntrospectedKey | null): void {
  if (!key) return;
  const columns = resolveColumns(table, key.columns);
  if (!columns || columns.length === 0) return;
  for (const column of columns) {
    column.primaryKey = true;
    column.nullable = false;
  }
  table.uniqueKeys.add(keyOf(columns.map((column) => column.id)));
  // A design's primary key lists its columns in table order.
  const inTableOrder = table.document.columns.filter((column) => column.primaryKey === true);
  if (inTableOrder.some((column, k) => column !== columns[k])) {
    ctx.warn(
      'PRIMARY_KEY_REORDERED',
      ['tables', table.source.name, 'primaryKey'],
      `The primary key of table ${q(table.source.name)} is (${key.columns.join(', ')}); a design's primary key follows the column order, so it becomes (${inTableOrder.map((column) => column.name).join(', ')}).`,
    );
  }
}

/** One column: the column's UNIQUE flag. Several: a unique index, the design's only multi-column unique. */
function importUnique(
  ctx: ImportContext,
  table: ImportedTable,
  key: IntrospectedKey,
  indexes: IndexDocument[],
): void {
  const columns = resolveColumns(table, key.columns);
  if (!columns || columns.length === 0) return;
  const ids = keyOf(columns.map((column) => column.id));
  const [only] = columns;
  if (only && columns.length === 1) {
    only.unique = true;
    table.uniqueKeys.add(ids);
    return;
  }
  const name = key.name ?? `${table.document.name}_${key.columns.join('_')}_key`;
  const index = importIndex(ctx, table, {
    name,
    columns: key.columns,
    unique: true,
    partial: false,
    expression: false,
    method: null,
    options: [],
    definition: null,
  });
  if (!index) return;
  indexes.push(index);
  ctx.warn(
    'UNIQUE_AS_INDEX',
    ['tables', table.source.name, 'uniqueConstraints', key.name ?? key.columns.join(',')],
    `The unique constraint ${key.name ? `${q(key.name)} ` : ''}on (${key.columns.join(', ')}) is imported as the unique index ${q(index.name)}: a design has no multi-column unique constraints, and the index enforces the same.`,
  );
}

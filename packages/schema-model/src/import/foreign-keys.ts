import { canonicalDataType, DECIMAL_TYPES, INTEGER_TYPES } from '../design/data-types.ts';
import type { ColumnDocument, ForeignKeyDocument } from '../design/document.ts';
import type { ReferentialAction } from '../design/model.ts';
import type { IntrospectedForeignKey } from './catalog.ts';
import type { ImportContext } from './context.ts';
import { q } from './context.ts';
import type { ImportedTable } from './imported-table.ts';
import { keyOf, resolveColumns } from './imported-table.ts';
import { legalName } from './names.ts';

/**
 * The foreign keys of every imported table, once all tables exist. A foreign key the design
 * would reject is dropped with the reason, never silently: one to a table that was not imported,
 * between columns whose design types differ (PostgreSQL accepts varchar → text, a design does
 * not), or to columns that are not unique (MySQL and SQLite allow that).
 */
export function importForeignKeys(
  ctx: ImportContext,
  tables: ReadonlyMap<string, ImportedTable>,
): ForeignKeyDocument[] {
  const out: ForeignKeyDocument[] = [];
  for (const table of tables.values()) {
    table.source.foreignKeys.forEach((source, position) => {
      const fk = importForeignKey(ctx, tables, table, source, position);
      if (fk) out.push(fk);
    });
  }
  return out;
}

function importForeignKey(
  ctx: ImportContext,
  tables: ReadonlyMap<string, ImportedTable>,
  table: ImportedTable,
  source: IntrospectedForeignKey,
  position: number,
): ForeignKeyDocument | undefined {
  const label = source.name ?? `${position + 1}`;
  const path = ['tables', table.source.name, 'foreignKeys', label];
  const what = `Foreign key ${source.name ? q(source.name) : `(${source.columns.join(', ')})`} of table ${q(table.source.name)}`;
  const drop = (reason: string) => {
    ctx.warn('FK_DROPPED', path, `${what} is not imported: ${reason}.`);
    return undefined;
  };
  const refTables = source.refSchema === null ? tables : ctx.tablesIn?.(source.refSchema);
  if (source.refSchema !== null && refTables === undefined) {
    return drop(
      `it references ${q(`${source.refSchema}.${source.refTable}`)}, outside the imported schema ${q(ctx.schema)}`,
    );
  }
  const target = refTables?.get(source.refTable);
  if (!target) return drop(`the table it references, ${q(source.refTable)}, was not imported`);
  const refNames =
    source.refColumns.length > 0 ? source.refColumns : (target.source.primaryKey?.columns ?? []);
  const sources = resolveColumns(table, source.columns);
  const targets = resolveColumns(target, refNames);
  if (!sources || !targets || sources.length === 0 || sources.length !== targets.length) {
    return drop(
      `its columns (${source.columns.join(', ')}) do not match the referenced columns (${refNames.join(', ') || 'none'})`,
    );
  }
  const mismatch = typeMismatch(sources, targets);
  if (mismatch) return drop(mismatch);
  if (!target.uniqueKeys.has(keyOf(targets.map((column) => column.id)))) {
    return drop(
      `the referenced columns (${refNames.join(', ')}) are not the primary key, a unique column or a unique index of ${q(target.source.name)}`,
    );
  }
  if (source.options.length > 0) {
    ctx.warn('FK_OPTIONS_DROPPED', path, `${what} is imported without ${source.options.join(', ')}.`);
  }

  const fk: ForeignKeyDocument = {
    id: ctx.ids.claim(`fk_${table.document.name}_${source.name ?? source.columns.join('_')}`),
    sourceTableId: table.document.id,
    targetTableId: target.document.id,
    onDelete: checkedAction(ctx, path, what, 'delete', source.onDelete, sources),
    onUpdate: checkedAction(ctx, path, what, 'update', source.onUpdate, sources),
  };
  if (source.name !== null) {
    const legal = legalName(source.name, 'constraint');
    fk.name = table.constraintNames.claim(legal.name);
    if (fk.name !== source.name) {
      ctx.warn(
        'NAME_CHANGED',
        path,
        `${what} is imported as ${q(fk.name)} because ${legal.reason ?? 'the table has another constraint of that name'}.`,
      );
    }
  }
  const [sourceColumn] = sources;
  const [targetColumn] = targets;
  if (sources.length === 1 && sourceColumn && targetColumn) {
    fk.sourceColumnId = sourceColumn.id;
    fk.targetColumnId = targetColumn.id;
  } else {
    fk.sourceColumnIds = sources.map((column) => column.id);
    fk.targetColumnIds = targets.map((column) => column.id);
  }
  return fk;
}

/** The design's rule (see validation): same type, DECIMAL = NUMERIC, same enum; integer sizes may differ. */
function typeMismatch(
  sources: readonly ColumnDocument[],
  targets: readonly ColumnDocument[],
): string | undefined {
  for (const [k, from] of sources.entries()) {
    const to = targets[k];
    const fromType = canonicalDataType(from.dataType);
    const toType = to && canonicalDataType(to.dataType);
    if (!to || !fromType || !toType) return 'a column did not import';
    if (fromType === toType) {
      if (fromType === 'ENUM' && from.enumId !== to.enumId) {
        return `${q(from.name)} and ${q(to.name)} use different enums`;
      }
      continue;
    }
    if (DECIMAL_TYPES.has(fromType) && DECIMAL_TYPES.has(toType)) continue;
    if (INTEGER_TYPES.has(fromType) && INTEGER_TYPES.has(toType)) continue;
    return `column ${q(from.name)} is ${fromType} in the design but references ${q(to.name)}, which is ${toType}; a design foreign key needs the same type on both sides`;
  }
  return undefined;
}

/** SET NULL on a NOT NULL column fails whenever it fires, as NO ACTION does: imported as NO ACTION. */
function checkedAction(
  ctx: ImportContext,
  path: string[],
  what: string,
  event: 'delete' | 'update',
  action: ReferentialAction,
  sources: readonly ColumnDocument[],
): ReferentialAction {
  if (action !== 'SET NULL') return action;
  const notNull = sources.filter(
    (column) => column.nullable === false || column.primaryKey === true || column.autoIncrement === true,
  );
  if (notNull.length === 0) return action;
  ctx.warn(
    'FK_ACTION_CHANGED',
    path,
    `${what} sets ${notNull.map((column) => q(column.name)).join(', ')} to NULL on ${event}, but ${notNull.length === 1 ? 'that column does' : 'those columns do'} not allow NULL, so the action could only fail; imported as NO ACTION.`,
  );
  return 'NO ACTION';
}

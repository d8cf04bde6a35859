import { DECIMAL_TYPES, INTEGER_TYPES } from '../design/data-types.ts';
import type { ColumnDocument, ForeignKeyDocument, TableDocument } from '../design/document.ts';
import { REFERENTIAL_ACTIONS } from '../design/model.ts';
import { referentialAction } from '../design/normalize.ts';
import type { Path, ValidationContext } from './context.ts';
import { quoted, tableLabel } from './context.ts';
import type { TableKeys } from './table-keys.ts';

/** The foreign key being checked; `label` builds its name for messages only when one is needed. */
export interface ForeignKeyCheck {
  ctx: ValidationContext;
  fk: ForeignKeyDocument;
  f: number;
  label: () => string;
}

/** One side of a foreign key: its table and columns (undefined when a reference did not resolve). */
export interface Side {
  table: TableDocument;
  index: number;
  columns: ColumnDocument[] | undefined;
}

/** Where a side's columns are in the document: the composite list when used, else the single id. */
export function columnPath(fk: ForeignKeyDocument, f: number, side: 'source' | 'target', k?: number): Path {
  const list = side === 'source' ? fk.sourceColumnIds : fk.targetColumnIds;
  if (!list?.length) return ['foreignKeys', f, `${side}ColumnId`];
  return k === undefined ? ['foreignKeys', f, `${side}ColumnIds`] : ['foreignKeys', f, `${side}ColumnIds`, k];
}

function columnList(columns: readonly ColumnDocument[]): string {
  const names = columns.map((column) => quoted(column.name)).join(', ');
  return columns.length === 1 ? `column ${names}` : `columns ${names}`;
}

/**
 * Paired columns must have the same type (DECIMAL and NUMERIC are one type, VARCHAR lengths may
 * differ, ENUMs must use the same enum). Different integer sizes work in PostgreSQL: a warning.
 */
export function checkTypes(
  { ctx, fk, f, label }: ForeignKeyCheck,
  sources: readonly ColumnDocument[],
  targets: readonly ColumnDocument[],
): void {
  sources.forEach((source, k) => {
    const target = targets[k];
    const sourceType = ctx.dataType(source);
    const targetType = target && ctx.dataType(target);
    if (!target || !sourceType || !targetType) return;
    const path = columnPath(fk, f, 'source', k);
    // An array references only an array (of the same type): PostgreSQL compares whole arrays.
    if ((source.array === true) !== (target.array === true)) {
      const shown = (column: ColumnDocument, type: string) => `${type}${column.array === true ? '[]' : ''}`;
      ctx.error(
        'FK_TYPE_MISMATCH',
        path,
        `${label()}: column ${quoted(source.name)} (${shown(source, sourceType)}) references ${quoted(target.name)} (${shown(target, targetType)}). Both columns must have the same data type.`,
      );
      return;
    }
    if (source.array === true && hasModifier(source, sourceType)) {
      ctx.error(
        'FK_ARRAY_MODIFIER',
        path,
        `${label()}: column ${quoted(source.name)} is an array of ${sourceType} with a length or precision, which PostgreSQL 15 cannot check a foreign key over ("cannot determine element type of anyarray argument"). Leave the length or precision out, or use TEXT.`,
      );
      return;
    }
    const sameType =
      sourceType === targetType || (DECIMAL_TYPES.has(sourceType) && DECIMAL_TYPES.has(targetType));
    const pair = `column ${quoted(source.name)} (${sourceType}) references ${quoted(target.name)} (${targetType})`;
    if (sameType) {
      if (sourceType === 'ENUM' && source.enumId !== target.enumId) {
        ctx.error(
          'FK_TYPE_MISMATCH',
          path,
          `${label()}: column ${quoted(source.name)} and the column ${quoted(target.name)} it references use different enums; they must use the same one.`,
        );
      }
    } else if (INTEGER_TYPES.has(sourceType) && INTEGER_TYPES.has(targetType) && source.array !== true) {
      // Integers of different widths compare; arrays of them do not (integer[] = bigint[] is refused).
      ctx.warn(
        'FK_TYPE_MISMATCH',
        path,
        `${label()}: ${pair}. This works, but not every value of one fits in the other; use the same type on both sides.`,
      );
    } else {
      ctx.error('FK_TYPE_MISMATCH', path, `${label()}: ${pair}. Both columns must have the same data type.`);
    }
  });
}

export function checkTargetUnique(check: ForeignKeyCheck, keys: TableKeys, target: Side): void {
  const { ctx, fk, f, label } = check;
  if (!target.columns || keys.isUniqueKey(target.table, target.columns)) return;
  ctx.error(
    'FK_TARGET_NOT_UNIQUE',
    columnPath(fk, f, 'target'),
    `${label()} references ${columnList(target.columns)} of ${tableLabel(target.table, target.index)}, which ${target.columns.length === 1 ? 'is' : 'are'} not unique. A foreign key must reference the primary key, a unique column or the columns of a unique index.`,
  );
}

/** PostgreSQL does not index referencing columns; without an index, parent deletes scan the child. */
export function checkIndexed(
  check: ForeignKeyCheck,
  keys: TableKeys,
  source: Side,
  target: Side | undefined,
): void {
  const { ctx, f, label } = check;
  if (!source.columns || keys.isIndexed(source.table, source.columns)) return;
  const parent = target ? tableLabel(target.table, target.index) : 'the referenced table';
  ctx.warn(
    'FK_UNINDEXED',
    ['foreignKeys', f],
    `${label()} has no index on ${columnList(source.columns)} of ${tableLabel(source.table, source.index)}. PostgreSQL does not create one automatically, so deleting or updating rows of ${parent} will scan the whole table. Add an index that starts with ${source.columns.length === 1 ? 'this column' : 'these columns'}.`,
  );
}

/** Actions must be known; SET NULL on a NOT NULL column would fail when the parent row changes. */
export function checkActions(
  { ctx, fk, f, label }: ForeignKeyCheck,
  sources: readonly ColumnDocument[] | undefined,
) {
  for (const [field, event] of [
    ['onDelete', 'deleted'],
    ['onUpdate', 'updated'],
  ] as const) {
    const raw = fk[field];
    if (raw == null || raw.trim() === '') continue;
    const action = referentialAction(raw);
    if (!action) {
      ctx.error(
        'FK_INVALID_ACTION',
        ['foreignKeys', f, field],
        `${label()} has an unknown action ${quoted(raw)} for when the referenced row is ${event}. Use one of: ${REFERENTIAL_ACTIONS.join(', ')}.`,
      );
      continue;
    }
    const notNull = action === 'SET NULL' ? (sources ?? []).filter(isNotNull) : [];
    if (notNull.length > 0) {
      const one = notNull.length === 1;
      ctx.error(
        'FK_SET_NULL_ON_NOT_NULL',
        ['foreignKeys', f, field],
        `${label()} sets ${columnList(notNull)} to NULL when the referenced row is ${event}, but ${one ? 'it does' : 'they do'} not allow NULL. Make ${one ? 'it' : 'them'} nullable or choose another action.`,
      );
    }
  }
}

/** Not null as PostgreSQL will see it: primary-key and identity columns are never nullable. */
function isNotNull(column: ColumnDocument): boolean {
  return column.nullable === false || column.primaryKey === true || column.autoIncrement === true;
}

/** An element type with a type modifier: a length, a precision, or CHAR's implied length 1. */
function hasModifier(column: ColumnDocument, dataType: string): boolean {
  return dataType === 'CHAR' || column.length != null || column.precision != null;
}

import type { DataType } from '../design/data-types.ts';
import { DATA_TYPES, DECIMAL_TYPES, INTEGER_TYPES, LENGTH_TYPES, LIMITS } from '../design/data-types.ts';
import type { ColumnDocument, TableDocument } from '../design/document.ts';
import type { Path, ValidationContext } from './context.ts';
import { capitalize, columnLabel, isGiven, quoted, tableLabel } from './context.ts';
import { checkDefault } from './defaults.ts';
import { checkName } from './names.ts';

/** Built only when a message needs it: most columns have no problem. */
type Label = () => string;

const TIME_PRECISION_TYPES: ReadonlySet<DataType> = new Set(['TIME', 'TIMESTAMP', 'TIMESTAMPTZ']);

/** A table's own rules: its name, that it has columns and a key, and each column. */
export function checkTable(ctx: ValidationContext, table: TableDocument, t: number): void {
  checkName(ctx, table.name, ['tables', t, 'name'], { kind: 'Table', position: t, quoting: true });
  const label = () => capitalize(tableLabel(table, t));
  if (table.columns.length === 0) {
    ctx.error('NO_COLUMNS', ['tables', t, 'columns'], `${label()} has no columns. Add at least one.`);
  } else if (!table.columns.some((column) => column.primaryKey === true)) {
    ctx.warn(
      'MISSING_PRIMARY_KEY',
      ['tables', t],
      `${label()} has no primary key. Most tables need one, so that each row can be identified and referenced.`,
    );
  }
  const where = ` in ${tableLabel(table, t)}`;
  table.columns.forEach((column, c) => {
    const path = ['tables', t, 'columns', c];
    checkName(ctx, column.name, [...path, 'name'], { kind: 'Column', position: c, where, quoting: true });
    checkColumn(ctx, column, path, () => columnLabel(table, t, column, c));
  });
}

function checkColumn(ctx: ValidationContext, column: ColumnDocument, path: Path, label: Label): void {
  const dataType = ctx.dataType(column);
  if (!dataType) {
    ctx.error(
      'UNSUPPORTED_DATA_TYPE',
      [...path, 'dataType'],
      `${capitalize(label())} has the data type ${quoted(column.dataType)}, which is not supported. Use one of: ${DATA_TYPES.join(', ')}.`,
    );
    return;
  }
  checkLength(ctx, column, dataType, path, label);
  checkPrecisionAndScale(ctx, column, dataType, path, label);
  checkEnumReference(ctx, column, dataType, path, label);
  checkAutoIncrementAndDefault(ctx, column, dataType, path, label);
}

function ignored(ctx: ValidationContext, path: Path, label: Label, dataType: DataType, attribute: string) {
  ctx.warn(
    'IGNORED_ATTRIBUTE',
    path,
    `${capitalize(label())} is ${dataType}, which has no ${attribute}; it is ignored.`,
  );
}

function checkLength(
  ctx: ValidationContext,
  column: ColumnDocument,
  dataType: DataType,
  path: Path,
  label: Label,
) {
  const { length } = column;
  if (!isGiven(length)) return;
  if (!LENGTH_TYPES.has(dataType)) {
    ignored(ctx, [...path, 'length'], label, dataType, 'length');
  } else if (length < 1 || length > LIMITS.maxLength) {
    ctx.error(
      'INVALID_LENGTH',
      [...path, 'length'],
      `The length of ${label()} must be between 1 and ${LIMITS.maxLength} characters, not ${length}.`,
    );
  }
}

function checkPrecisionAndScale(
  ctx: ValidationContext,
  column: ColumnDocument,
  dataType: DataType,
  path: Path,
  label: Label,
) {
  const { precision, scale } = column;
  if (DECIMAL_TYPES.has(dataType)) {
    const max = LIMITS.maxNumericPrecision;
    const precisionValid = isGiven(precision) && precision >= 1 && precision <= max;
    if (isGiven(precision) && !precisionValid) {
      ctx.error(
        'INVALID_PRECISION',
        [...path, 'precision'],
        `The precision of ${label()} (its number of digits) must be between 1 and ${max}, not ${precision}.`,
      );
    }
    if (!isGiven(scale)) return;
    if (!isGiven(precision)) {
      ctx.error(
        'INVALID_SCALE',
        [...path, 'scale'],
        `${capitalize(label())} has a scale but no precision. Give the total number of digits too, e.g. ${dataType}(10,2).`,
      );
    } else if (scale < 0 || (precisionValid && scale > precision)) {
      ctx.error(
        'INVALID_SCALE',
        [...path, 'scale'],
        `The scale of ${label()} (digits after the decimal point) must be between 0 and its precision ${precision}, not ${scale}.`,
      );
    }
    return;
  }
  if (isGiven(scale)) ignored(ctx, [...path, 'scale'], label, dataType, 'scale');
  if (!isGiven(precision)) return;
  if (!TIME_PRECISION_TYPES.has(dataType)) {
    ignored(ctx, [...path, 'precision'], label, dataType, 'precision');
  } else if (precision < 0 || precision > LIMITS.maxTimePrecision) {
    ctx.error(
      'INVALID_PRECISION',
      [...path, 'precision'],
      `The precision of ${label()} (digits of fractional seconds) must be between 0 and ${LIMITS.maxTimePrecision}, not ${precision}.`,
    );
  }
}

function checkEnumReference(
  ctx: ValidationContext,
  column: ColumnDocument,
  dataType: DataType,
  path: Path,
  label: Label,
) {
  const { enumId } = column;
  if (dataType !== 'ENUM') {
    if (enumId) ignored(ctx, [...path, 'enumId'], label, dataType, 'enum');
    return;
  }
  if (!enumId) {
    ctx.error(
      'UNKNOWN_ENUM',
      [...path, 'enumId'],
      `${capitalize(label())} is an ENUM but does not say which enum it uses.`,
    );
  } else if (!ctx.lookup.enumById.has(enumId)) {
    ctx.error(
      'UNKNOWN_ENUM',
      [...path, 'enumId'],
      `${capitalize(label())} uses the enum with id ${quoted(enumId)}, which does not exist.`,
    );
  }
}

function checkAutoIncrementAndDefault(
  ctx: ValidationContext,
  column: ColumnDocument,
  dataType: DataType,
  path: Path,
  label: Label,
) {
  const value = column.defaultValue;
  if (column.autoIncrement === true) {
    if (!INTEGER_TYPES.has(dataType)) {
      ctx.error(
        'AUTO_INCREMENT_NOT_INTEGER',
        [...path, 'autoIncrement'],
        `${capitalize(label())} is ${dataType}, but only SMALLINT, INTEGER and BIGINT columns can auto-increment.`,
      );
    }
    if (isGiven(value) && value !== '') {
      ctx.error(
        'AUTO_INCREMENT_WITH_DEFAULT',
        [...path, 'defaultValue'],
        `${capitalize(label())} auto-increments, so it cannot also have a default value. Remove one of them.`,
      );
      return;
    }
  }
  const enumType = column.enumId ? ctx.lookup.enumById.get(column.enumId)?.enumType : undefined;
  const problem = checkDefault(
    { dataType, length: column.length, precision: column.precision, scale: column.scale },
    value,
    enumType,
  );
  if (problem)
    ctx.error(
      'INVALID_DEFAULT',
      [...path, 'defaultValue'],
      `The default value of ${label()} is invalid: ${problem}`,
    );
}

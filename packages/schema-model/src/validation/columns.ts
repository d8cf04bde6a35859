import type { DataType } from '../design/data-types.ts';
import {
  BINARY_LENGTH_REQUIRED,
  BINARY_TYPES,
  DATA_TYPES,
  DECIMAL_TYPES,
  INTEGER_TYPES,
  LENGTH_TYPES,
  LIMITS,
} from '../design/data-types.ts';
import type { ColumnDocument, TableDocument } from '../design/document.ts';
import type { Path, ValidationContext } from './context.ts';
import { capitalize, columnLabel, isGiven, quoted, tableLabel } from './context.ts';
import { checkDefault } from './defaults.ts';
import { checkName, isPlainName } from './names.ts';
import { SYSTEM_COLUMNS } from './reserved-names.ts';

const TIME_PRECISION_TYPES: ReadonlySet<DataType> = new Set(['TIME', 'TIMESTAMP', 'TIMESTAMPTZ', 'INTERVAL']);

/** Where a column is. Paths and labels are built only when something is reported: most columns are fine. */
class ColumnSite {
  readonly table: TableDocument;
  readonly t: number;
  readonly column: ColumnDocument;
  readonly c: number;

  constructor(table: TableDocument, t: number, column: ColumnDocument, c: number) {
    this.table = table;
    this.t = t;
    this.column = column;
    this.c = c;
  }

  path(field: string): Path {
    return ['tables', this.t, 'columns', this.c, field];
  }

  /** `Column "id" in table "orders"`, or lower-case for the middle of a sentence. */
  label(capitalized = true): string {
    const label = columnLabel(this.table, this.t, this.column, this.c);
    return capitalized ? capitalize(label) : label;
  }
}

/** A table's own rules: its name, that it has columns and a key, and each column. */
export function checkTable(ctx: ValidationContext, table: TableDocument, t: number): void {
  checkName(ctx, table.name, ['tables', t, 'name'], {
    kind: 'Table',
    position: t,
    quoting: true,
    reserved: 'relation',
  });
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
  table.columns.forEach((column, c) => {
    if (!isPlainName(column.name) || SYSTEM_COLUMNS.has(column.name)) {
      const where = ` in ${tableLabel(table, t)}`;
      checkName(ctx, column.name, ['tables', t, 'columns', c, 'name'], {
        kind: 'Column',
        position: c,
        where,
        quoting: true,
        reserved: 'column',
      });
    }
    checkColumn(ctx, new ColumnSite(table, t, column, c));
  });
}

function checkColumn(ctx: ValidationContext, site: ColumnSite): void {
  const dataType = ctx.dataType(site.column);
  if (!dataType) {
    ctx.error(
      'UNSUPPORTED_DATA_TYPE',
      site.path('dataType'),
      `${site.label()} has the data type ${quoted(site.column.dataType)}, which is not supported. Use one of: ${DATA_TYPES.join(', ')}.`,
    );
    return;
  }
  if (BINARY_TYPES.has(dataType)) checkBinaryLength(ctx, site, dataType);
  else checkLength(ctx, site, dataType);
  checkUnsigned(ctx, site, dataType);
  checkPrecisionAndScale(ctx, site, dataType);
  checkEnumReference(ctx, site, dataType);
  checkAutoIncrementAndDefault(ctx, site, dataType);
}

function ignored(
  ctx: ValidationContext,
  site: ColumnSite,
  dataType: DataType,
  field: string,
  attribute: string,
) {
  ctx.warn(
    'IGNORED_ATTRIBUTE',
    site.path(field),
    `${site.label()} is ${dataType}, which has no ${attribute}; it is ignored.`,
  );
}

function checkLength(ctx: ValidationContext, site: ColumnSite, dataType: DataType) {
  const { length } = site.column;
  if (!isGiven(length)) return;
  if (!LENGTH_TYPES.has(dataType)) {
    ignored(ctx, site, dataType, 'length', 'length');
  } else if (length < 1 || length > LIMITS.maxLength) {
    ctx.error(
      'INVALID_LENGTH',
      site.path('length'),
      `The length of ${site.label(false)} must be between 1 and ${LIMITS.maxLength} characters, not ${length}.`,
    );
  }
}

/** Most bytes of each binary type: MySQL's limits for BINARY and VARBINARY, PostgreSQL's for BYTEA. */
const BINARY_MAX: Readonly<Record<string, number>> = {
  BINARY: LIMITS.maxBinaryLength,
  VARBINARY: LIMITS.maxVarbinaryLength,
  BYTEA: LIMITS.maxByteaLength,
};

/** BINARY and VARBINARY need a length in bytes; BYTEA may have one (a maximum). */
function checkBinaryLength(ctx: ValidationContext, site: ColumnSite, dataType: DataType) {
  const { length } = site.column;
  const max = BINARY_MAX[dataType] ?? LIMITS.maxByteaLength;
  if (!isGiven(length)) {
    if (BINARY_LENGTH_REQUIRED.has(dataType))
      ctx.error(
        'INVALID_LENGTH',
        site.path('length'),
        `${site.label()} is ${dataType}, which needs a length in bytes (1 to ${max}), e.g. ${dataType}(16).`,
      );
    return;
  }
  if (length < 1 || length > max) {
    const longer =
      dataType === 'BYTEA'
        ? ''
        : dataType === 'BINARY'
          ? '; use VARBINARY for more'
          : '; use BYTEA with a length for more';
    ctx.error(
      'INVALID_LENGTH',
      site.path('length'),
      `The length of ${site.label(false)} must be between 1 and ${max} bytes, not ${length}${longer}.`,
    );
  }
}

/**
 * `unsigned` is for integers only. PostgreSQL and SQLite store BIGINT unsigned in a signed 64-bit
 * integer, so values over 9,223,372,036,854,775,807 do not fit there (MySQL holds them): a warning.
 */
function checkUnsigned(ctx: ValidationContext, site: ColumnSite, dataType: DataType) {
  if (site.column.unsigned !== true) return;
  if (!INTEGER_TYPES.has(dataType)) {
    ctx.error(
      'UNSIGNED_NOT_INTEGER',
      site.path('unsigned'),
      `${site.label()} is ${dataType}; only SMALLINT, INTEGER and BIGINT columns can be unsigned.`,
    );
  } else if (dataType === 'BIGINT') {
    ctx.warn(
      'UNSIGNED_BIGINT_RANGE',
      site.path('unsigned'),
      `${site.label()} is BIGINT unsigned: MySQL holds it up to 18446744073709551615, PostgreSQL and SQLite as a signed bigint with no negatives, up to 9223372036854775807.`,
    );
  }
}

function checkPrecisionAndScale(ctx: ValidationContext, site: ColumnSite, dataType: DataType) {
  const { precision, scale } = site.column;
  if (DECIMAL_TYPES.has(dataType)) {
    const max = LIMITS.maxNumericPrecision;
    const precisionValid = isGiven(precision) && precision >= 1 && precision <= max;
    if (isGiven(precision) && !precisionValid) {
      ctx.error(
        'INVALID_PRECISION',
        site.path('precision'),
        `The precision of ${site.label(false)} (its number of digits) must be between 1 and ${max}, not ${precision}.`,
      );
    }
    if (!isGiven(scale)) return;
    if (!isGiven(precision)) {
      ctx.error(
        'INVALID_SCALE',
        site.path('scale'),
        `${site.label()} has a scale but no precision. Give the total number of digits too, e.g. ${dataType}(10,2).`,
      );
    } else if (scale < 0 || (precisionValid && scale > precision)) {
      ctx.error(
        'INVALID_SCALE',
        site.path('scale'),
        `The scale of ${site.label(false)} (digits after the decimal point) must be between 0 and its precision ${precision}, not ${scale}.`,
      );
    }
    return;
  }
  if (isGiven(scale)) ignored(ctx, site, dataType, 'scale', 'scale');
  if (!isGiven(precision)) return;
  if (!TIME_PRECISION_TYPES.has(dataType)) {
    ignored(ctx, site, dataType, 'precision', 'precision');
  } else if (precision < 0 || precision > LIMITS.maxTimePrecision) {
    ctx.error(
      'INVALID_PRECISION',
      site.path('precision'),
      `The precision of ${site.label(false)} (digits of fractional seconds) must be between 0 and ${LIMITS.maxTimePrecision}, not ${precision}.`,
    );
  }
}

function checkEnumReference(ctx: ValidationContext, site: ColumnSite, dataType: DataType) {
  const { enumId } = site.column;
  if (dataType !== 'ENUM') {
    if (enumId) ignored(ctx, site, dataType, 'enumId', 'enum');
    return;
  }
  if (!enumId) {
    ctx.error(
      'UNKNOWN_ENUM',
      site.path('enumId'),
      `${site.label()} is an ENUM but does not say which enum it uses.`,
    );
  } else if (!ctx.lookup.enumById.has(enumId)) {
    ctx.error(
      'UNKNOWN_ENUM',
      site.path('enumId'),
      `${site.label()} uses the enum with id ${quoted(enumId)}, which does not exist.`,
    );
  }
}

function checkAutoIncrementAndDefault(ctx: ValidationContext, site: ColumnSite, dataType: DataType) {
  const { column } = site;
  const value = column.defaultValue;
  if (column.autoIncrement === true) {
    if (!INTEGER_TYPES.has(dataType) || column.array === true) {
      ctx.error(
        'AUTO_INCREMENT_NOT_INTEGER',
        site.path('autoIncrement'),
        `${site.label()} is ${dataType}${column.array === true ? '[]' : ''}, but only SMALLINT, INTEGER and BIGINT columns can auto-increment.`,
      );
    }
    if (isGiven(value) && value !== '') {
      ctx.error(
        'AUTO_INCREMENT_WITH_DEFAULT',
        site.path('defaultValue'),
        `${site.label()} auto-increments, so it cannot also have a default value. Remove one of them.`,
      );
      return;
    }
  }
  if (!isGiven(value)) return;
  // An enum without values is reported once, on the enum, not again on each default using it.
  const enumType = column.enumId ? ctx.lookup.enumById.get(column.enumId)?.enumType : undefined;
  if (enumType?.values.length === 0) return;
  const problem = checkDefault(
    {
      dataType,
      length: column.length,
      precision: column.precision,
      scale: column.scale,
      unsigned: column.unsigned,
      array: column.array,
    },
    value,
    enumType,
  );
  if (problem) {
    ctx.error(
      'INVALID_DEFAULT',
      site.path('defaultValue'),
      `The default value of ${site.label(false)} is invalid: ${problem}`,
    );
  }
}

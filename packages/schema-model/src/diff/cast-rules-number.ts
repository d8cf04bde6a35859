import { renderType } from '../ddl/postgres/render-type.ts';
import type { ColumnType } from '../design/model.ts';
import type { CastRule } from './cast-rule.ts';
import { impossible, risky, safe } from './cast-rule.ts';
import {
  bareType,
  family,
  INTEGER_DIGITS,
  integerRange,
  numericShape,
  storageDataType,
  TEXT,
} from './cast-types.ts';

/** Integers, numerics and floats to any type but text. */
export function fromNumber(from: ColumnType, to: ColumnType): CastRule {
  const target = family(to.dataType);
  if (to.dataType === 'JSON' || to.dataType === 'JSONB') {
    return family(from.dataType) === 'integer'
      ? safe(true, 'integers become JSON numbers', [TEXT, bareType(to)])
      : risky(true, 'NaN and Infinity are not JSON numbers (no check beforehand)', [TEXT, bareType(to)]);
  }
  if (target !== 'integer' && target !== 'decimal' && target !== 'float' && to.dataType !== 'BOOLEAN') {
    return impossible(from, to);
  }
  switch (family(from.dataType)) {
    case 'integer':
      return fromInteger(from, to);
    case 'decimal':
      return fromDecimal(from, to);
    default:
      return fromFloat(from, to);
  }
}

function fromInteger(from: ColumnType, to: ColumnType): CastRule {
  // Unsigned integers are stored one size up: sizes, casts and ranges go by the stored type.
  const f = storageDataType(from);
  switch (family(to.dataType)) {
    case 'integer': {
      const [fromMin, fromMax] = integerRange(from);
      const [toMin, toMax] = integerRange(to);
      // Same stored type: only the CHECK changes (added by a scan, not a rewrite).
      const rewrites = renderType(from) !== renderType(to);
      if (toMin <= fromMin && fromMax <= toMax) return safe(rewrites, 'every value fits');
      const range = `${to.dataType.toLowerCase()}${to.unsigned === true ? ' unsigned' : ''}`;
      return risky(
        rewrites,
        `values out of the range of ${range} (${toMin} to ${toMax}) are refused`,
        undefined,
        'cast',
      );
    }
    case 'decimal': {
      const { precision, scale } = numericShape(to);
      if (precision === undefined || precision - (scale ?? 0) >= (INTEGER_DIGITS[f] ?? 0)) {
        return safe(true, 'every value fits');
      }
      const digits = precision - (scale ?? 0);
      return risky(true, `values with more than ${digits} digits are refused`, undefined, 'cast');
    }
    case 'float': {
      const exact = to.dataType === 'REAL' ? f === 'SMALLINT' : f !== 'BIGINT';
      return exact ? safe(true, 'every value is exact') : risky(true, 'large values lose precision');
    }
    default: {
      const via = f === 'INTEGER' ? [bareType(to)] : [{ dataType: 'INTEGER' } as const, bareType(to)];
      const reason = 'zero becomes false and every other value true';
      return f === 'BIGINT'
        ? risky(true, `${reason}; values out of the range of integer are refused`, via, 'cast')
        : risky(true, reason, via);
    }
  }
}

function fromDecimal(from: ColumnType, to: ColumnType): CastRule {
  switch (family(to.dataType)) {
    case 'integer':
      return risky(true, 'fractions are rounded and values out of range are refused', undefined, 'cast');
    case 'float':
      return risky(
        true,
        'values are rounded to the precision of a float; huge values are refused',
        undefined,
        'cast',
      );
    case 'decimal':
      return decimalToDecimal(from, to);
    default:
      return impossible(from, to);
  }
}

function decimalToDecimal(from: ColumnType, to: ColumnType): CastRule {
  const f = numericShape(from);
  const t = numericShape(to);
  if (t.precision === undefined) return safe(false, 'an unconstrained numeric holds every value; no rewrite');
  const scale = t.scale ?? 0;
  const digits = t.precision - scale;
  if (f.precision === undefined) {
    return risky(
      true,
      `values are rounded to ${scale} decimal places, and those with more than ${digits} integer digits are refused`,
      undefined,
      'cast',
    );
  }
  const fromScale = f.scale ?? 0;
  const fromDigits = f.precision - fromScale;
  if (scale === fromScale && t.precision >= f.precision) return safe(false, 'precision grows; no rewrite');
  if (scale >= fromScale && digits >= fromDigits) return safe(true, 'every value fits');
  if (scale < fromScale) {
    // Rounding up can add an integer digit (9.99 → 10.0), so equal integer digits may overflow.
    return digits > fromDigits
      ? risky(true, `values are rounded to ${scale} decimal places`)
      : risky(true, `values are rounded to ${scale} decimal places and may then not fit`, undefined, 'cast');
  }
  return risky(true, `values with more than ${digits} integer digits are refused`, undefined, 'cast');
}

function fromFloat(from: ColumnType, to: ColumnType): CastRule {
  switch (family(to.dataType)) {
    case 'integer':
      return risky(
        true,
        'fractions are rounded; NaN, Infinity and values out of range are refused',
        undefined,
        'cast',
      );
    case 'float':
      return to.dataType === 'DOUBLE'
        ? safe(true, 'every value is exact')
        : risky(true, 'values are rounded to real; values out of its range are refused', undefined, 'cast');
    case 'decimal':
      return numericShape(to).precision === undefined
        ? risky(true, 'values keep only the float’s significant digits')
        : risky(true, 'values are rounded; Infinity and values too large are refused', undefined, 'cast');
    default:
      return impossible(from, to);
  }
}

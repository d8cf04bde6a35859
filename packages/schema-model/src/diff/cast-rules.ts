import { typeCheck } from '../ddl/type-checks.ts';
import type { ColumnType } from '../design/model.ts';
import type { CastRule } from './cast-rule.ts';
import { impossible, risky, safe } from './cast-rule.ts';
import { arrayRule } from './cast-rules-array.ts';
import { fromNumber } from './cast-rules-number.ts';
import { postgresTypeRule } from './cast-rules-postgres.ts';
import { toText } from './cast-rules-text.ts';
import { bareType, family, isTextual, sameType, TEXT, typeLabel } from './cast-types.ts';

/**
 * How a column converts from one type to another, decided per pair of types: whether every value
 * converts (safe), some may fail or change (risky), or PostgreSQL has no conversion (impossible);
 * whether the table is rewritten; and the explicit casts (USING) when no assignment cast exists.
 */
export function castRule(from: ColumnType, to: ColumnType): CastRule {
  if (sameType(from, to)) return { kind: 'same', rewrites: false, reason: 'the type does not change' };
  const array = arrayRule(from, to, castRule);
  if (array) return array;
  const postgresOnly = postgresTypeRule(from, to, castRule);
  if (postgresOnly) return postgresOnly;
  if (family(to.dataType) === 'string') return toText(from, to);
  if (isTextual(from)) return fromText(from, to);
  switch (family(from.dataType)) {
    case 'integer':
    case 'decimal':
    case 'float':
      return fromNumber(from, to);
    case 'BOOLEAN':
      return fromBoolean(from, to);
    default:
      return fromOther(from, to);
  }
}

/** Text (or an enum's label) parsed as the new type: fails on values that do not parse. */
function fromText(from: ColumnType, to: ColumnType): CastRule {
  // A CHAR's I/O form keeps its padding; through text it is trimmed, as comparisons treat it.
  const via = from.dataType === 'CHAR' || from.dataType === 'ENUM' ? [TEXT, bareType(to)] : [bareType(to)];
  const what = from.dataType === 'ENUM' ? 'enum labels' : 'text values';
  if (to.dataType === 'ENUM') {
    return risky(true, `${what} that are not values of the new enum cannot be converted`, via, 'cast');
  }
  switch (family(to.dataType)) {
    case 'integer':
    case 'decimal':
    case 'float':
      return risky(
        true,
        `${what} that are not numbers in range of ${typeLabel(to)} cannot be converted`,
        via,
        'cast',
      );
    case 'BOOLEAN':
    case 'UUID':
      return risky(
        true,
        `${what} that are not valid ${typeLabel(to)} values cannot be converted`,
        via,
        'cast',
      );
    default:
      // Dates, times, JSON and bytea accept too many spellings to check beforehand.
      return risky(
        true,
        `${what} that are not valid ${typeLabel(to)} values cannot be converted (no check beforehand: a failure rolls the migration back)`,
        via,
      );
  }
}

function fromBoolean(from: ColumnType, to: ColumnType): CastRule {
  switch (to.dataType) {
    case 'INTEGER':
      return safe(true, 'false becomes 0 and true becomes 1', [bareType(to)]);
    case 'SMALLINT':
    case 'BIGINT':
      return safe(true, 'false becomes 0 and true becomes 1', [{ dataType: 'INTEGER' }, bareType(to)]);
    case 'JSON':
    case 'JSONB':
      return safe(true, 'booleans become JSON true and false', [TEXT, bareType(to)]);
    default:
      return impossible(from, to);
  }
}

/** Dates, times, UUIDs, JSON and bytea to anything but text. */
function fromOther(from: ColumnType, to: ColumnType): CastRule {
  const f = from.dataType;
  const t = to.dataType;
  if (family(f) === 'BYTEA' && family(t) === 'BYTEA') return bytesToBytes(from, to);
  if (f === t && (t === 'TIME' || t === 'TIMESTAMP' || t === 'TIMESTAMPTZ')) return precisionChange(from, to);
  if (f === 'DATE' && (t === 'TIMESTAMP' || t === 'TIMESTAMPTZ')) {
    return safe(true, 'dates become midnight of the same day');
  }
  if ((f === 'TIMESTAMP' && t === 'TIMESTAMPTZ') || (f === 'TIMESTAMPTZ' && t === 'TIMESTAMP')) {
    const rounded = precisionChange(from, to);
    const zone = 'the conversion uses the session time zone';
    return rounded.kind === 'risky' ? risky(true, `${zone}; ${rounded.reason}`) : safe(true, zone);
  }
  if ((f === 'TIMESTAMP' || f === 'TIMESTAMPTZ') && (t === 'DATE' || t === 'TIME')) {
    return risky(true, t === 'DATE' ? 'the time of day is dropped' : 'the date is dropped');
  }
  if (f === 'JSON' && t === 'JSONB') {
    return risky(true, 'duplicate keys collapse, and text containing \\u0000 cannot be stored', [
      bareType(to),
    ]);
  }
  if (f === 'JSONB' && t === 'JSON') return safe(true, 'JSON text is kept', [bareType(to)]);
  return impossible(from, to);
}

/**
 * BYTEA, BINARY and VARBINARY among themselves: all bytea in PostgreSQL, so only the length
 * CHECK changes (a scan under lock, no rewrite). Safe when every value the old type allows
 * passes the new CHECK; otherwise the rows that would not are counted first.
 */
function bytesToBytes(from: ColumnType, to: ColumnType): CastRule {
  const old = typeCheck(from);
  const next = typeCheck(to);
  if (next?.kind !== 'octets') return safe(false, 'the length limit is removed');
  const fits =
    old?.kind === 'octets' &&
    (next.exact ? old.exact && old.length === next.length : old.length <= next.length);
  if (fits) return safe(false, 'every value fits the new length');
  const what = next.exact ? `not exactly ${next.length} bytes` : `longer than ${next.length} bytes`;
  return risky(false, `values ${what} are refused`, undefined, 'cast');
}

/** The same time or timestamp type with another number of fractional digits. */
function precisionChange(from: ColumnType, to: ColumnType): CastRule {
  const wider =
    to.precision === undefined ||
    to.precision >= 6 ||
    (from.precision !== undefined && from.precision <= to.precision);
  if (wider) return safe(from.dataType !== to.dataType, 'fractional seconds are kept');
  return risky(true, `fractional seconds are rounded to ${to.precision} digits`);
}

import { typeCheck } from '../ddl/type-checks.ts';
import type { ColumnType } from '../design/model.ts';
import { quotePostgresLiteral } from '../sql/quote.ts';
import { family, integerRange, isTextual, numericShape, storageDataType } from './cast-types.ts';

/**
 * SQL conditions true for the non-NULL values a conversion would refuse, so a data check can count
 * them before migrating (PostgreSQL 15 has no pg_input_is_valid). Conservative: a condition may
 * flag a rare value that would convert (an exotic spelling), never miss one that fails.
 * `value` is SQL for the column (already quoted).
 */

/** Numbers as PostgreSQL's numeric input reads them; the exponent is bounded so the check itself never overflows. */
const NUMBER = String.raw`^[[:space:]]*[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]{1,4})?[[:space:]]*$`;
const INTEGER = '^[[:space:]]*[+-]?[0-9]+[[:space:]]*$';
const FLOAT_WORDS = '^[[:space:]]*([+-]?(inf|infinity)|nan)[[:space:]]*$';
const NUMERIC_WORDS = '^[[:space:]]*([+-]?infinity|nan)[[:space:]]*$';
const NAN_WORD = '^[[:space:]]*nan[[:space:]]*$';
const BOOLEAN = '^[[:space:]]*(t|tr|tru|true|y|ye|yes|on|1|f|fa|fal|fals|false|n|no|of|off|0)[[:space:]]*$';
const UUID = String.raw`^(\{[0-9a-f]{4}(-?[0-9a-f]{4}){7}\}|[0-9a-f]{4}(-?[0-9a-f]{4}){7})$`;

/** Largest finite magnitude and smallest non-zero magnitude of each float type. */
const FLOAT_BOUNDS: Readonly<Record<string, readonly [string, string]>> = {
  REAL: ['3.4028234663852886e38', '1.401298464324817e-45'],
  DOUBLE: ['1.7976931348623157e308', '4.9406564584124654e-324'],
};

const NOT_SPECIAL = (value: string) => `${value} NOT IN ('NaN', 'Infinity', '-Infinity')`;

export function castFailurePredicate(
  from: ColumnType,
  to: ColumnType,
  value: string,
  enumValues: readonly string[] = [],
): string | undefined {
  const text = `${value}::text`;
  if (to.dataType === 'ENUM') {
    return enumValues.length === 0
      ? 'true'
      : `${text} NOT IN (${enumValues.map(quotePostgresLiteral).join(', ')})`;
  }
  const source = isTextual(from) || from.dataType === 'CITEXT' ? 'text' : family(from.dataType);
  switch (family(to.dataType)) {
    case 'integer': {
      const [min, max] = integerRange(to);
      const between = `BETWEEN ${min} AND ${max}`;
      if (source === 'integer') return `${value} NOT ${between}`;
      if (source === 'decimal') return `round(${value}) NOT ${between}`;
      if (source === 'float') return `round(${value}::numeric) NOT ${between}`;
      if (source === 'text') {
        return `CASE WHEN ${text} ~ ${quotePostgresLiteral(INTEGER)} THEN ${text}::numeric NOT ${between} ELSE true END`;
      }
      return undefined;
    }
    case 'decimal':
      return decimalPredicate(source, to, value, text);
    case 'float':
      return floatPredicate(source, to, value, text);
    default:
      break;
  }
  if (to.dataType === 'BOOLEAN') {
    if (source === 'text') return `${text} !~* ${quotePostgresLiteral(BOOLEAN)}`;
    if (storageDataType(from) === 'BIGINT') return `${value} NOT BETWEEN -2147483648 AND 2147483647`;
    return undefined;
  }
  if (source === 'BYTEA' && family(to.dataType) === 'BYTEA') {
    // Bytes to bytes: the values the new length CHECK refuses.
    const check = typeCheck(to);
    if (check?.kind !== 'octets') return undefined;
    return `octet_length(${value}) ${check.exact ? '<>' : '>'} ${check.length}`;
  }
  if (to.dataType === 'UUID' && source === 'text') return `${text} !~* ${quotePostgresLiteral(UUID)}`;
  // An inet is a network when no bit is set right of its prefix length: it equals its network.
  if (to.dataType === 'CIDR' && from.dataType === 'INET') return `${value} <> network(${value})`;
  return undefined;
}

function decimalPredicate(source: string, to: ColumnType, value: string, text: string): string | undefined {
  const { precision, scale = 0 } = numericShape(to);
  const tooBig = (number: string) =>
    precision === undefined
      ? 'false'
      : `abs(round(${number}, ${scale})) >= power(10::numeric, ${precision - scale})`;
  switch (source) {
    case 'integer':
      return precision === undefined
        ? undefined
        : `abs(${value}::numeric) >= power(10::numeric, ${precision - scale})`;
    case 'decimal':
      return precision === undefined ? undefined : `${value} <> 'NaN' AND ${tooBig(value)}`;
    case 'float':
      return precision === undefined ? undefined : `${value} <> 'NaN' AND ${tooBig(`${value}::numeric`)}`;
    case 'text': {
      // A constrained numeric takes NaN but not Infinity; an unconstrained one takes both.
      const words = precision === undefined ? NUMERIC_WORDS : NAN_WORD;
      return `CASE WHEN ${text} ~ ${quotePostgresLiteral(NUMBER)} THEN ${tooBig(`${text}::numeric`)} ELSE ${text} !~* ${quotePostgresLiteral(words)} END`;
    }
    default:
      return undefined;
  }
}

function floatPredicate(source: string, to: ColumnType, value: string, text: string): string | undefined {
  const [max, min] = FLOAT_BOUNDS[to.dataType] ?? ['0', '0'];
  const outOfRange = (number: string) =>
    `(abs(${number}) > ${max} OR (${number} <> 0 AND abs(${number}) < ${min}))`;
  switch (source) {
    case 'decimal':
    case 'float':
      return `${NOT_SPECIAL(value)} AND ${outOfRange(value)}`;
    case 'text':
      return `CASE WHEN ${text} ~ ${quotePostgresLiteral(NUMBER)} THEN ${outOfRange(`${text}::numeric`)} ELSE ${text} !~* ${quotePostgresLiteral(FLOAT_WORDS)} END`;
    default:
      return undefined;
  }
}

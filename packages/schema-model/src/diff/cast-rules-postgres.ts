import { TEXT_FORM_TYPES } from '../design/data-types.ts';
import type { ColumnType } from '../design/model.ts';
import type { CastRule } from './cast-rule.ts';
import { impossible, risky, safe } from './cast-rule.ts';
import { bareType, family, TEXT } from './cast-types.ts';

const NUMERIC: ColumnType = { dataType: 'NUMERIC' };

/**
 * Conversions that involve PostgreSQL's own types (citext, network addresses, interval, money,
 * tsvector, xml, ranges), to or from anything but text (`toText` writes every value as text,
 * and text converts to each by parsing, as `fromText` says). Undefined when neither side is one
 * of them, or the conversion is to text.
 */
export function postgresTypeRule(
  from: ColumnType,
  to: ColumnType,
  castRule: (from: ColumnType, to: ColumnType) => CastRule,
): CastRule | undefined {
  const f = from.dataType;
  const t = to.dataType;
  // citext is text compared case-insensitively: the same bytes, read the other way.
  if (t === 'CITEXT' && (f === 'TEXT' || f === 'VARCHAR'))
    return safe(
      false,
      'the text is kept as it is and compared ignoring case from now on (indexes are rebuilt: a unique one fails if it holds values that differ only in case)',
    );
  if (t === 'CITEXT' && f === 'CHAR') return safe(true, 'trailing spaces are removed', [TEXT, bareType(to)]);
  if (f === 'CITEXT' && family(t) !== 'string') {
    // Through text, as text converts to the new type.
    const rule = castRule(TEXT, to);
    return rule.via ? { ...rule, via: [TEXT, ...rule.via] } : rule;
  }
  if (f === 'CIDR' && t === 'INET') return safe(false, 'every network is an address with its prefix length');
  // Through text: PostgreSQL's own inet-to-cidr cast would clear those bits silently.
  if (f === 'INET' && t === 'CIDR')
    return risky(
      true,
      'addresses with bits set to the right of their prefix length (10.1.2.3/8) are not networks and are refused',
      [TEXT, bareType(to)],
      'cast',
    );
  if (f === 'INTERVAL' && t === 'INTERVAL') {
    const wider =
      to.precision === undefined || (from.precision !== undefined && from.precision <= to.precision);
    return wider
      ? safe(false, 'fractional seconds are kept')
      : risky(true, `fractional seconds are rounded to ${to.precision} digits`);
  }
  if (f === 'TIME' && t === 'INTERVAL')
    return safe(true, 'a time of day becomes the interval since midnight');
  if (f === 'INTERVAL' && t === 'TIME')
    return risky(true, 'days, months and years are dropped and only the time within a day is kept');
  if (t === 'MONEY') {
    switch (family(f)) {
      case 'integer':
        return safe(true, 'whole amounts are kept (values beyond ±92233720368547758 fail)');
      case 'decimal':
        return risky(
          true,
          "amounts are rounded to the currency's decimals; values beyond ±92233720368547758 fail",
        );
      case 'float':
        return risky(
          true,
          "amounts are rounded to the currency's decimals; values beyond ±92233720368547758 fail",
          [NUMERIC, bareType(to)],
        );
      default:
        break;
    }
  }
  if (f === 'MONEY') {
    switch (family(t)) {
      case 'decimal':
        return to.precision === undefined
          ? safe(true, 'the amount is kept, without the currency symbol')
          : risky(
              true,
              `amounts that do not fit ${t.toLowerCase()}(${to.precision},${to.scale ?? 0}) are refused`,
            );
      case 'integer':
      case 'float':
        return risky(true, 'amounts are rounded or refused when out of range', [NUMERIC, bareType(to)]);
      default:
        break;
    }
  }
  // To and from text (and an enum's labels), the general rules apply: every value has a text form.
  if (family(t) === 'string' || family(f) === 'string' || f === 'ENUM') return undefined;
  if (isPostgresOnly(f) || isPostgresOnly(t)) return impossible(from, to);
  return undefined;
}

// PostgreSQL's own types: those written as text elsewhere, and MONEY.
const POSTGRES_ONLY: ReadonlySet<string> = new Set([...TEXT_FORM_TYPES, 'MONEY']);

const isPostgresOnly = (dataType: string): boolean => POSTGRES_ONLY.has(dataType);

import type { ColumnType } from '../design/model.ts';
import type { CastRule } from './cast-rule.ts';
import { risky, safe } from './cast-rule.ts';
import { characterLimit, family } from './cast-types.ts';

/** The longest text form of a value of each type whose text has a bound, in characters. */
const MAX_TEXT_LENGTH: Readonly<Record<string, number>> = {
  SMALLINT: 6,
  INTEGER: 11,
  BIGINT: 20,
  BOOLEAN: 5,
  UUID: 36,
  MACADDR: 17,
  INET: 49,
  CIDR: 49,
  DATE: 13, // 10000-01-01 BC … the longest dates PostgreSQL writes
  TIME: 15,
};

/**
 * Anything to TEXT, VARCHAR or CHAR. Strings convert without a rewrite where PostgreSQL allows it
 * (varchar to a longer varchar or to text); everything converts to its text form. Too long
 * values are refused by the assignment cast, never cut.
 */
export function toText(from: ColumnType, to: ColumnType): CastRule {
  const limit = to.dataType === 'TEXT' ? undefined : characterLimit(to);
  const tooLong = (what: string) =>
    risky(true, `${what} longer than ${limit} characters are refused`, undefined, 'too_long');

  if (family(from.dataType) !== 'string') {
    const longest = MAX_TEXT_LENGTH[from.dataType];
    const fits = limit === undefined || (longest !== undefined && longest <= limit);
    return fits ? safe(true, 'values are written as text') : tooLong('values whose text is');
  }

  const fromLimit = from.dataType === 'TEXT' ? undefined : characterLimit(from);
  const fits = limit === undefined || (fromLimit !== undefined && fromLimit <= limit);
  if (from.dataType === 'CHAR') {
    if (!fits) return tooLong('values');
    return to.dataType === 'CHAR'
      ? safe(true, `values are padded to ${limit} characters`)
      : safe(true, 'trailing spaces are removed');
  }
  if (to.dataType === 'CHAR') {
    return fits ? safe(true, `values are padded to ${limit} characters`) : tooLong('values');
  }
  return fits ? safe(false, 'every value fits; no rewrite') : tooLong('values');
}

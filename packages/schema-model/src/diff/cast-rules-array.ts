import type { ColumnType } from '../design/model.ts';
import type { CastRule } from './cast-rule.ts';
import { impossible, risky, safe } from './cast-rule.ts';
import { bareType, family } from './cast-types.ts';

const scalar = (type: ColumnType): ColumnType => {
  const { array: _array, ...rest } = type;
  return rest;
};
const arrayOf = (type: ColumnType): ColumnType => ({ ...type, array: true });

/**
 * Conversions where either side is an array; undefined when neither is. PostgreSQL converts an
 * array element by element with the elements' cast, so an array to an array follows the
 * elements' rule (without a data check beforehand: the checks count scalar values). A single
 * value becomes an array of one (NULL stays NULL) through `wrapInArray`; an array becomes text
 * as PostgreSQL writes it (`{a,b}`); anything else has no conversion.
 */
export function arrayRule(
  from: ColumnType,
  to: ColumnType,
  castRule: (from: ColumnType, to: ColumnType) => CastRule,
): CastRule | undefined {
  const fromArray = from.array === true;
  const toArray = to.array === true;
  if (!fromArray && !toArray) return undefined;
  if (fromArray && toArray) {
    const element = castRule(scalar(from), scalar(to));
    if (element.kind === 'impossible') return impossible(from, to);
    if (element.kind === 'same') return element;
    const { check: _check, ...rest } = element;
    return {
      ...rest,
      reason: `each element: ${element.reason}`,
      ...(element.via ? { via: element.via.map(arrayOf) } : {}),
    };
  }
  if (toArray) {
    const element = castRule(from, scalar(to));
    if (element.kind === 'impossible') return impossible(from, to);
    const steps = element.via ?? [bareType(scalar(to))];
    return {
      ...risky(
        true,
        `each value becomes an array of one element${element.kind === 'same' ? '' : ` (${element.reason})`}; NULL stays NULL, and clients read arrays from now on`,
        steps,
        element.check,
      ),
      wrapInArray: true,
    };
  }
  if (family(to.dataType) === 'string')
    return to.dataType === 'TEXT'
      ? safe(true, 'arrays are written as PostgreSQL writes them ({a,b})')
      : risky(true, 'arrays are written as PostgreSQL writes them ({a,b}); longer ones are refused');
  return impossible(from, to);
}

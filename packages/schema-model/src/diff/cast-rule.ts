import type { ColumnType } from '../design/model.ts';
import { typeLabel } from './cast-types.ts';

export type CastKind = 'same' | 'safe' | 'risky' | 'impossible';

/** One conversion, as data; `classifyCast` renders it for people and the planner renders it as SQL. */
export interface CastRule {
  kind: CastKind;
  /** PostgreSQL rewrites every row (and every index) of the table. */
  rewrites: boolean;
  reason: string;
  /** Explicit casts for USING, without modifiers; absent: PostgreSQL's own assignment cast. */
  via?: ColumnType[];
  /** How failing rows can be counted beforehand; absent: they cannot (or nothing fails). */
  check?: 'too_long' | 'cast';
  /** A single value made an array of one, after `via` (NULL stays NULL). */
  wrapInArray?: boolean;
}

export function safe(rewrites: boolean, reason: string, via?: ColumnType[]): CastRule {
  return { kind: 'safe', rewrites, reason, ...(via ? { via } : {}) };
}

export function risky(
  rewrites: boolean,
  reason: string,
  via?: ColumnType[],
  check?: CastRule['check'],
): CastRule {
  return { kind: 'risky', rewrites, reason, ...(via ? { via } : {}), ...(check ? { check } : {}) };
}

export function impossible(from: ColumnType, to: ColumnType): CastRule {
  return {
    kind: 'impossible',
    rewrites: false,
    reason: `PostgreSQL cannot convert ${typeLabel(from)} values to ${typeLabel(to)}`,
  };
}

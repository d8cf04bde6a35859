import { renderCastChain } from '../ddl/postgres/render-column-alter.ts';
import type { CastStep } from '../ddl/statements-alter.ts';
import type { ColumnType } from '../design/model.ts';
import type { CastKind, CastRule } from './cast-rule.ts';
import { castRule } from './cast-rules.ts';

export type { CastKind } from './cast-rule.ts';

export interface CastClassification {
  kind: CastKind;
  /** The USING expression for the column (`"X"::text::integer`), when an explicit cast is needed. */
  using?: string;
  rewrites: boolean;
  reason: string;
}

export interface CastOptions {
  /** The column the USING expression names; `X` by default. */
  column?: string;
  /** Name of an enum type by id, for casts to an enum; the id itself by default. */
  enumName?: (enumId: string) => string;
}

/**
 * How a column of type `from` converts to `to`: same, safe (every value converts unchanged),
 * risky (some values may be refused or rounded), impossible (PostgreSQL has no conversion; the
 * planner refuses it rather than drop the column). Decided per pair of types, without data.
 */
export function classifyCast(
  from: ColumnType,
  to: ColumnType,
  options: CastOptions = {},
): CastClassification {
  const rule = castRule(from, to);
  const classification: CastClassification = {
    kind: rule.kind,
    rewrites: rule.rewrites,
    reason: rule.reason,
  };
  if (rule.via) {
    classification.using = renderCastChain(
      options.column ?? 'X',
      castSteps(rule, options.enumName ?? ((id) => id)),
    );
  }
  return classification;
}

/** The USING chain of a rule, with enum types named. */
export function castSteps(
  rule: CastRule,
  enumName: (enumId: string) => string,
  enumSchema: (enumId: string) => string | undefined = () => undefined,
): CastStep[] {
  const steps: CastStep[] = (rule.via ?? []).map((type) => {
    if (type.dataType !== 'ENUM' || type.enumId === undefined) return { type };
    const schema = enumSchema(type.enumId);
    return { type, enumName: enumName(type.enumId), ...(schema === undefined ? {} : { enumSchema: schema }) };
  });
  const last = steps.at(-1);
  if (rule.wrapInArray === true && last !== undefined) steps.push({ ...last, wrap: true });
  return steps;
}

import type { Analysis } from './analysis.ts';
import type { DiffContext } from './context.ts';
import type { PlanBuilder } from './steps.ts';

/** What every stage of the planner reads and writes. */
export interface Planner {
  ctx: DiffContext;
  analysis: Analysis;
  out: PlanBuilder;
  /** Recreated enum id → the temporary name of its replacement type until the swap. */
  replacements: Map<string, string>;
  /** Dropped enum id → its name when it is dropped (it may have been moved aside). */
  droppedEnumNames: Map<string, string>;
}

/** An enum's name in the new version. */
export function enumName(p: Planner, enumId: string): string {
  return p.ctx.to.index.enumType(enumId).name;
}

/** An enum's name while kept columns are converted: a recreated enum is its replacement then. */
export function enumNameDuringAlter(p: Planner, enumId: string): string {
  return p.replacements.get(enumId) ?? enumName(p, enumId);
}

/** `"users"."email"`-style label for messages. */
export function columnLabel(table: string, column: string): string {
  return `${JSON.stringify(table)}.${JSON.stringify(column)}`;
}

export const q = (name: string): string => JSON.stringify(name);

import { inSchema } from '../ddl/plan-create.ts';
import type { Analysis } from './analysis.ts';
import type { DiffContext } from './context.ts';
import type { SchemaResolver } from './plan-schemas.ts';
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
  /** Which schema each table and enum is in at each point of the plan. */
  schemas: SchemaResolver;
}

/** `{ schema }` of a table after the schema moves (spread into a statement), `{}` in the default schema. */
export const tableAt = (p: Planner, tableId: string): { schema?: string } =>
  inSchema(p.schemas.table(tableId));

/** `{ schema }` of an enum type after the schema moves. */
export const enumAt = (p: Planner, enumId: string): { schema?: string } =>
  inSchema(p.schemas.enumType(enumId));

/** The schema of an enum column's type, for `enumSchema` (undefined in the default schema). */
export const enumSchemaOf = (p: Planner, enumId: string): string | undefined => p.schemas.enumType(enumId);

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

import type { Design } from '../design/model.ts';
import { analyze } from './analysis.ts';
import { columnOrderNotes } from './column-order.ts';
import { buildContext, side } from './context.ts';
import { planColumns } from './plan-columns.ts';
import { planComments } from './plan-comments.ts';
import { planDrops } from './plan-drops.ts';
import { chooseReplacementNames, planEnumChanges, planEnumDrops, planEnumSwaps } from './plan-enums.ts';
import { planExtensions } from './plan-extensions.ts';
import { planForeignKeys } from './plan-foreign-keys.ts';
import { planKeys } from './plan-keys.ts';
import { planRenames } from './plan-renames.ts';
import { planSchemaChanges, planSchemaDrops, planSchemaMoves, schemaResolver } from './plan-schemas.ts';
import { planNewTables } from './plan-tables.ts';
import { planViewCreates, planViewDrops, planViewRenames, viewChanges } from './plan-views.ts';
import type { Planner } from './planner.ts';
import { PlanBuilder } from './steps.ts';
import type { MigrationPlan } from './types.ts';
import { MigrationPlanError } from './types.ts';

/**
 * The migration from a database built from `from` to exactly what a fresh build of `to` gives
 * (same tables, columns, types, keys, indexes, enums, comments and generated names; new columns
 * come last, as PostgreSQL cannot reorder columns). Pure and deterministic; both designs must be
 * valid. Objects are matched by id: a kept id with a new name is a rename, never drop and add.
 *
 * Order: drop the views that go or that read something that changes (see `plan-views.ts`),
 * create and rename schemas, drop what goes (foreign keys first, so nothing is
 * referenced; then tables, keys, columns), move tables and enums between schemas, rename, change
 * enums, change columns, swap recreated enums, drop unused enums, create tables, add keys and
 * indexes, add foreign keys last (cycles need no ordering), comments, views, drop schemas no
 * longer in the design.
 *
 * Throws MigrationPlanError, listing every one, when a column's type cannot be converted.
 */
export function planPostgresMigration(from: Design, to: Design): MigrationPlan {
  const ctx = buildContext(side(from), side(to));
  const analysis = analyze(ctx);
  if (analysis.refused.length > 0) throw new MigrationPlanError(analysis.refused);
  const p: Planner = {
    ctx,
    analysis,
    out: new PlanBuilder(),
    replacements: new Map(),
    droppedEnumNames: new Map(),
    schemas: schemaResolver(ctx),
  };
  chooseReplacementNames(p);
  const views = viewChanges(p);
  planViewDrops(p, views);
  planViewRenames(p, views);
  planSchemaChanges(p);
  planExtensions(p, from, to);
  planDrops(p);
  planSchemaMoves(p);
  planRenames(p);
  planEnumChanges(p);
  planColumns(p);
  planEnumSwaps(p);
  planEnumDrops(p);
  planNewTables(p);
  planKeys(p);
  planForeignKeys(p);
  planComments(p);
  planViewCreates(p, views);
  planSchemaDrops(p);
  return p.out.build(columnOrderNotes(ctx));
}

import { planTable } from '../ddl/plan-create.ts';
import type { DdlStatement } from '../ddl/statements.ts';
import { usesAddedValue } from './analysis.ts';
import type { Planner } from './planner.ts';
import { q } from './planner.ts';

/** New tables, exactly as a fresh build creates them: keys inline, then indexes and comments. */
export function planNewTables(p: Planner): void {
  for (const { table, names } of p.ctx.addedTables) {
    const statements: DdlStatement[] = [];
    planTable(table, names, p.ctx.to.index, statements);
    p.out.add({
      id: `create_table:${table.id}`,
      description: `Create table ${q(table.name)}`,
      statements,
      needsCommittedEnumValues: table.columns.some((column) => usesAddedValue(p.analysis, column)),
    });
  }
}

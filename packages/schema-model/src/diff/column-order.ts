import type { DiffContext } from './context.ts';
import { q } from './planner.ts';

/**
 * What a plan cannot do, for the summary: PostgreSQL appends new columns and cannot reorder
 * columns, so a table whose design puts columns in another order keeps the database's order.
 * (Only the order differs; every column, type and key is as designed.)
 */
export function columnOrderNotes(ctx: DiffContext): string[] {
  const notes: string[] = [];
  for (const table of ctx.tables) {
    const kept = new Set(table.columns.map((c) => c.to.id));
    const result = [
      ...table.from.table.columns.filter((c) => kept.has(c.id)).map((c) => c.id),
      ...table.addedColumns.map((c) => c.id),
    ];
    const designed = table.to.table.columns.map((c) => c.id);
    if (result.some((id, i) => id !== designed[i])) {
      notes.push(
        `Table ${q(table.to.table.name)} keeps its columns in the database's order: PostgreSQL adds new columns at the end and cannot reorder them.`,
      );
    }
  }
  return notes;
}

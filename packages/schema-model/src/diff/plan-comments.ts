import type { Planner } from './planner.ts';
import { columnLabel, enumAt, q, tableAt } from './planner.ts';

/** Comments of kept tables, columns and enums (new objects get theirs when created). */
export function planComments(p: Planner): void {
  for (const { from, to } of p.ctx.enums) {
    if (from.comment === to.comment || p.replacements.has(to.id)) continue;
    p.out.add({
      id: `comment_enum:${to.id}`,
      description:
        to.comment === undefined ? `Remove the comment of enum ${q(to.name)}` : `Comment enum ${q(to.name)}`,
      statements: [
        { kind: 'comment_on_type', ...enumAt(p, to.id), type: to.name, comment: to.comment ?? null },
      ],
    });
  }
  for (const table of p.ctx.tables) {
    const { name, comment } = table.to.table;
    if (table.from.table.comment !== comment) {
      p.out.add({
        id: `comment_table:${table.id}`,
        description:
          comment === undefined ? `Remove the comment of table ${q(name)}` : `Comment table ${q(name)}`,
        statements: [
          { kind: 'comment_on_table', ...tableAt(p, table.id), table: name, comment: comment ?? null },
        ],
      });
    }
    for (const { from, to } of table.columns) {
      if (from.comment === to.comment) continue;
      const label = columnLabel(name, to.name);
      p.out.add({
        id: `comment_column:${table.id}:${to.id}`,
        description: to.comment === undefined ? `Remove the comment of ${label}` : `Comment ${label}`,
        statements: [
          {
            kind: 'comment_on_column',
            ...tableAt(p, table.id),
            table: name,
            column: to.name,
            comment: to.comment ?? null,
          },
        ],
      });
    }
  }
}

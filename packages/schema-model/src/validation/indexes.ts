import type { ColumnDocument, TableDocument } from '../design/document.ts';
import type { ValidationContext } from './context.ts';
import { quoted, tableLabel } from './context.ts';
import { checkName } from './names.ts';

/** A table's indexes: valid names, at least one column, each an existing column of the table, once. */
export function checkIndexes(ctx: ValidationContext, table: TableDocument, t: number): void {
  const where = ` on ${tableLabel(table, t)}`;
  (table.indexes ?? []).forEach((index, i) => {
    const path = ['tables', t, 'indexes', i];
    const named = checkName(ctx, index.name, [...path, 'name'], {
      kind: 'Index',
      position: i,
      where,
      reserved: 'relation',
    });
    const label = `${named ? `Index ${quoted(index.name)}` : `Index ${i + 1}`}${where}`;
    if (index.columns.length === 0) {
      ctx.error('INDEX_WITHOUT_COLUMNS', [...path, 'columns'], `${label} has no columns. Add at least one.`);
      return;
    }
    const seen = new Set<ColumnDocument>();
    index.columns.forEach((ref, k) => {
      const column = ctx.lookup.column(table, ref);
      if (!column) {
        ctx.error(
          'INDEX_UNKNOWN_COLUMN',
          [...path, 'columns', k],
          `${label} uses the column ${quoted(ref)}, which the table does not have.`,
        );
      } else if (seen.has(column)) {
        ctx.error(
          'INDEX_DUPLICATE_COLUMN',
          [...path, 'columns', k],
          `${label} lists the column ${quoted(column.name)} more than once.`,
        );
      } else {
        seen.add(column);
      }
    });
  });
}

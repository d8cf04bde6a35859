import type { TableDocument } from '../design/document.ts';
import type { ValidationContext } from './context.ts';
import { capitalize, columnLabel, quoted, tableLabel } from './context.ts';

const USE_JSONB = 'Use JSONB, which PostgreSQL can compare and index, or leave the column out of it.';

/**
 * PostgreSQL has no equality operator and no B-tree operator class for `json` (only for `jsonb`):
 * a JSON column can be neither part of the primary key, nor UNIQUE, nor a column of an index.
 * Reported where the key is declared: the column's flag, or the index's column entry.
 */
export function checkJsonKeys(ctx: ValidationContext, table: TableDocument, t: number): void {
  table.columns.forEach((column, c) => {
    if (ctx.dataType(column) !== 'JSON') return;
    const label = capitalize(columnLabel(table, t, column, c));
    if (column.primaryKey === true) {
      ctx.error(
        'JSON_NOT_INDEXABLE',
        ['tables', t, 'columns', c, 'primaryKey'],
        `${label} is JSON, which PostgreSQL cannot compare for equality, so it cannot be part of the primary key. ${USE_JSONB}`,
      );
    }
    if (column.unique === true) {
      ctx.error(
        'JSON_NOT_INDEXABLE',
        ['tables', t, 'columns', c, 'unique'],
        `${label} is JSON, which PostgreSQL cannot compare for equality, so it cannot be UNIQUE. ${USE_JSONB}`,
      );
    }
  });
  (table.indexes ?? []).forEach((index, i) => {
    index.columns.forEach((ref, k) => {
      const column = ctx.lookup.column(table, ref);
      if (!column || ctx.dataType(column) !== 'JSON') return;
      const name = index.name.trim() === '' ? `Index ${i + 1}` : `Index ${quoted(index.name)}`;
      ctx.error(
        'JSON_NOT_INDEXABLE',
        ['tables', t, 'indexes', i, 'columns', k],
        `${name} on ${tableLabel(table, t)} uses the column ${quoted(column.name)}, which is JSON: PostgreSQL cannot index JSON. ${USE_JSONB}`,
      );
    });
  });
}

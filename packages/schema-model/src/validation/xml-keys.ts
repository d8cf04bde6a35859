import type { TableDocument } from '../design/document.ts';
import type { ValidationContext } from './context.ts';
import { capitalize, columnLabel, quoted, tableLabel } from './context.ts';

const INSTEAD = 'Leave the column out of it, or key a TEXT column holding what identifies the document.';

/**
 * PostgreSQL has no equality operator and no operator class for `xml` (nor for `xml[]`): an XML
 * column can be neither part of the primary key, nor UNIQUE, nor a column of an index. Reported
 * where the key is declared, as JSON's are (`checkJsonKeys`).
 */
export function checkXmlKeys(ctx: ValidationContext, table: TableDocument, t: number): void {
  table.columns.forEach((column, c) => {
    if (ctx.dataType(column) !== 'XML') return;
    const label = capitalize(columnLabel(table, t, column, c));
    if (column.primaryKey === true)
      ctx.error(
        'XML_NOT_INDEXABLE',
        ['tables', t, 'columns', c, 'primaryKey'],
        `${label} is XML, which PostgreSQL cannot compare for equality, so it cannot be part of the primary key. ${INSTEAD}`,
      );
    if (column.unique === true)
      ctx.error(
        'XML_NOT_INDEXABLE',
        ['tables', t, 'columns', c, 'unique'],
        `${label} is XML, which PostgreSQL cannot compare for equality, so it cannot be UNIQUE. ${INSTEAD}`,
      );
  });
  (table.indexes ?? []).forEach((index, i) => {
    index.columns.forEach((ref, k) => {
      const column = ctx.lookup.column(table, ref);
      if (!column || ctx.dataType(column) !== 'XML') return;
      const name = index.name.trim() === '' ? `Index ${i + 1}` : `Index ${quoted(index.name)}`;
      ctx.error(
        'XML_NOT_INDEXABLE',
        ['tables', t, 'indexes', i, 'columns', k],
        `${name} on ${tableLabel(table, t)} uses the column ${quoted(column.name)}, which is XML: PostgreSQL cannot index XML. ${INSTEAD}`,
      );
    });
  });
}

import type { ColumnDocument, IndexDocument, TableDocument } from '../design/document.ts';
import { columnsReferenced } from '../sql-expression/references.ts';
import type { Path, ValidationContext } from './context.ts';
import { quoted, tableLabel } from './context.ts';
import { expressionIssue } from './expressions.ts';
import { methodIndexes, methodRefusal } from './index-methods.ts';
import { checkName } from './names.ts';

/**
 * A table's indexes: valid names; keys given either as `columns` or as `keys`, at least one,
 * each an existing column of the table (once) or a valid expression over its columns; a valid
 * predicate; and an access method PostgreSQL accepts for them.
 */
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
    const keys = index.keys ?? [];
    if (index.columns.length > 0 && keys.length > 0) {
      ctx.error(
        'INDEX_COLUMNS_AND_KEYS',
        [...path, 'keys'],
        `${label} gives both columns and keys. Give its keys one way: columns for plain ascending columns, keys otherwise.`,
      );
      return;
    }
    if (index.columns.length === 0 && keys.length === 0) {
      ctx.error('INDEX_WITHOUT_COLUMNS', [...path, 'columns'], `${label} has no columns. Add at least one.`);
      return;
    }
    const seen = new Set<ColumnDocument>();
    const keyColumn = (ref: string, at: Path): ColumnDocument | undefined => {
      const column = ctx.lookup.column(table, ref);
      if (!column) {
        ctx.error(
          'INDEX_UNKNOWN_COLUMN',
          at,
          `${label} uses the column ${quoted(ref)}, which the table does not have.`,
        );
      } else if (seen.has(column)) {
        ctx.error(
          'INDEX_DUPLICATE_COLUMN',
          at,
          `${label} lists the column ${quoted(column.name)} more than once.`,
        );
      } else {
        seen.add(column);
        return column;
      }
      return undefined;
    };
    const columns: Array<{ column: ColumnDocument; at: Path }> = [];
    index.columns.forEach((ref, k) => {
      const column = keyColumn(ref, [...path, 'columns', k]);
      if (column) columns.push({ column, at: [...path, 'columns', k] });
    });
    keys.forEach((key, k) => {
      const at = [...path, 'keys', k];
      const hasColumn = key.column != null && key.column !== '';
      const hasExpression = key.expression != null && key.expression.trim() !== '';
      if (hasColumn === hasExpression) {
        ctx.error(
          'INDEX_KEY_INVALID',
          at,
          `${label}: key ${k + 1} must give exactly one of "column" and "expression".`,
        );
        return;
      }
      if (hasColumn) {
        const column = keyColumn(key.column ?? '', [...at, 'column']);
        if (column) columns.push({ column, at: [...at, 'column'] });
      } else checkIndexExpression(ctx, table, key.expression ?? '', [...at, 'expression'], label);
    });
    if (index.where != null) checkIndexExpression(ctx, table, index.where, [...path, 'where'], label);
    checkMethod(ctx, index, columns, path, label);
  });
}

/** An index expression or predicate: one expression over the table's own columns. */
function checkIndexExpression(
  ctx: ValidationContext,
  table: TableDocument,
  text: string,
  at: Path,
  label: string,
): void {
  const problem = expressionIssue(text, 'expression', at);
  if (problem) {
    ctx.error(problem.code, at, `${label}: ${problem.message}${problem.message.endsWith('.') ? '' : '.'}`);
    return;
  }
  for (const name of columnsReferenced(text)) {
    if (!table.columns.some((column) => column.name === name))
      ctx.error(
        'INDEX_UNKNOWN_COLUMN',
        at,
        `${label} uses the column ${quoted(name)}, which the table does not have.`,
      );
  }
}

function checkMethod(
  ctx: ValidationContext,
  index: IndexDocument,
  columns: ReadonlyArray<{ column: ColumnDocument; at: Path }>,
  path: Path,
  label: string,
): void {
  const method = index.method ?? 'btree';
  const keyCount = index.columns.length + (index.keys?.length ?? 0);
  const ordered = (index.keys ?? []).some((key) => key.order != null || key.nulls != null);
  const refusal = methodRefusal(method, { unique: index.unique === true, keyCount, ordered });
  if (refusal) {
    ctx.error('INDEX_METHOD_UNSUPPORTED', [...path, 'method'], `${label}: ${refusal}.`);
    return;
  }
  // JSON in a B-tree index is reported by the JSON rule (JSON_NOT_INDEXABLE) for `columns`.
  for (const { column, at } of columns) {
    const type = 'array' in column && column.array === true ? 'ARRAY' : ctx.dataType(column);
    if (type === undefined || methodIndexes(method, type)) continue;
    if (method === 'btree' && type === 'JSON' && at.includes('columns')) continue;
    ctx.error(
      method === 'btree' ? 'JSON_NOT_INDEXABLE' : 'INDEX_METHOD_UNSUPPORTED',
      at,
      `${label}: PostgreSQL has no default ${method.toUpperCase()} operator class for ${type} (the column ${quoted(column.name)}), and a design cannot name one. ${method === 'btree' ? 'Use JSONB, or leave the column out.' : 'Use another method (btree indexes most types).'}`,
    );
  }
}

import type { IndexDocument } from '../design/document.ts';
import type { IntrospectedIndex } from './catalog.ts';
import type { ImportContext } from './context.ts';
import { q } from './context.ts';
import type { ImportedTable } from './imported-table.ts';
import { keyOf, resolveColumns } from './imported-table.ts';
import { legalName } from './names.ts';

/**
 * A database index as a design index: a plain (B-tree) index on columns, unique or not.
 * Partial, expression and non-B-tree indexes have no design form and are dropped; an index
 * whose extras (sort order, operator class, INCLUDE, prefix length) are all it loses is kept
 * as the plain index on the same columns. Returns undefined when dropped; warns either way.
 */
export function importIndex(
  ctx: ImportContext,
  table: ImportedTable,
  source: IntrospectedIndex,
): IndexDocument | undefined {
  const path = ['tables', table.source.name, 'indexes', source.name];
  const what = `Index ${q(source.name)} on table ${q(table.source.name)}`;
  const definition = source.definition ? ` (${source.definition.replace(/\s+/g, ' ').trim()})` : '';
  if (source.partial) {
    ctx.warn(
      'INDEX_PARTIAL',
      path,
      `${what} is partial${definition}; a design index covers every row, so it is not imported.`,
    );
    return undefined;
  }
  if (source.expression) {
    ctx.warn(
      'INDEX_EXPRESSION',
      path,
      `${what} indexes an expression${definition}; design indexes list columns only, so it is not imported.`,
    );
    return undefined;
  }
  if (source.method !== null) {
    ctx.warn(
      'INDEX_METHOD',
      path,
      `${what} is a ${source.method.toUpperCase()} index${definition}; design indexes are B-tree indexes, so it is not imported.`,
    );
    return undefined;
  }
  const columns = resolveColumns(table, source.columns);
  if (!columns || columns.length === 0) {
    ctx.warn(
      'INDEX_EXPRESSION',
      path,
      `${what} uses columns the table does not have (${source.columns.join(', ')}); it is not imported.`,
    );
    return undefined;
  }
  if (new Set(columns).size !== columns.length) {
    ctx.warn(
      'INDEX_DUPLICATE_COLUMN',
      path,
      `${what} lists a column twice (${source.columns.join(', ')}); a design index cannot, so it is not imported.`,
    );
    return undefined;
  }
  if (source.options.length > 0) {
    ctx.warn(
      'INDEX_OPTIONS_DROPPED',
      path,
      `${what} is imported as a plain index on (${source.columns.join(', ')}), without: ${source.options.join(', ')}.`,
    );
  }

  const legal = legalName(source.name, 'index');
  // Index names share one namespace with tables (PostgreSQL); MySQL's are unique per table only.
  let name = legal.name;
  if (ctx.relations.has(name)) name = ctx.relations.claim(`${table.document.name}_${name}`);
  else ctx.relations.add(name);
  if (name !== source.name) {
    const why = legal.reason ?? 'another index or a table already has that name';
    ctx.warn('NAME_CHANGED', path, `${what} is imported as ${q(name)} because ${why}.`);
  }
  if (source.unique) table.uniqueKeys.add(keyOf(columns.map((column) => column.id)));
  return {
    id: ctx.ids.claim(`i_${table.document.name}_${name}`),
    name,
    // By id: a name could also be another column's id, and ids are looked up first.
    columns: columns.map((column) => column.id),
    unique: source.unique,
  };
}

import { canonicalDataType } from '../design/data-types.ts';
import type { IndexDocument, IndexKeyDocument } from '../design/document.ts';
import type { IndexMethod } from '../design/model.ts';
import { INDEX_METHODS } from '../design/model.ts';
import { methodIndexes, methodRefusal } from '../validation/index-methods.ts';
import type { IntrospectedIndex, IntrospectedIndexKey } from './catalog.ts';
import type { ImportContext } from './context.ts';
import { q } from './context.ts';
import { importExpression, unknownColumns } from './expressions.ts';
import type { ImportedTable } from './imported-table.ts';
import { keyOf, resolveColumns } from './imported-table.ts';
import { legalName } from './names.ts';

/**
 * A database index as a design index: keys (columns or expressions, with sort order), unique or
 * not, its method and predicate, when the introspector read its keys (`richShape`); a plain
 * index on columns otherwise (`plainShape`). What the design cannot hold drops the index or is
 * left out of it, warned. Returns undefined when dropped.
 */
export function importIndex(
  ctx: ImportContext,
  table: ImportedTable,
  source: IntrospectedIndex,
): IndexDocument | undefined {
  const path = ['tables', table.source.name, 'indexes', source.name];
  const what = `Index ${q(source.name)} on table ${q(table.source.name)}`;
  const definition = source.definition ? ` (${source.definition.replace(/\s+/g, ' ').trim()})` : '';
  const shape = source.keys
    ? richShape(ctx, table, source, source.keys, path, what, definition)
    : plainShape(ctx, table, source, path, what, definition);
  if (!shape) return undefined;

  const legal = legalName(source.name, 'index');
  // Index names share one namespace with tables (PostgreSQL); MySQL's are unique per table only.
  let name = legal.name;
  if (ctx.relations.has(name)) name = ctx.relations.claim(`${table.document.name}_${name}`);
  else ctx.relations.add(name);
  if (name !== source.name) {
    const why = legal.reason ?? 'another index or a table already has that name';
    ctx.warn('NAME_CHANGED', path, `${what} is imported as ${q(name)} because ${why}.`);
  }
  const plainKeys = shape.keys.every(
    (key) => key.column != null && key.order === undefined && key.nulls === undefined,
  );
  const columnIds = shape.keys.flatMap((key) => (key.column == null ? [] : [key.column]));
  if (source.unique && plainKeys && shape.method === undefined && shape.where === undefined)
    table.uniqueKeys.add(keyOf(columnIds));
  return {
    id: ctx.ids.claim(`i_${table.document.name}_${name}`),
    name,
    // By id: a name could also be another column's id, and ids are looked up first.
    columns: plainKeys ? columnIds : [],
    ...(plainKeys ? {} : { keys: shape.keys }),
    unique: source.unique,
    ...(shape.method !== undefined ? { method: shape.method } : {}),
    ...(shape.where !== undefined ? { where: shape.where } : {}),
  };
}

/** What an index holds once it is known the design can: keys (columns by id), method, predicate. */
interface IndexShape {
  keys: IndexKeyDocument[];
  method?: Exclude<IndexMethod, 'btree'>;
  where?: string;
}

/**
 * An index as introspectors that do not read keys describe it: a plain index on columns, or,
 * when partial, on expressions or of another method, not imported (warned).
 */
function plainShape(
  ctx: ImportContext,
  table: ImportedTable,
  source: IntrospectedIndex,
  path: string[],
  what: string,
  definition: string,
): IndexShape | undefined {
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

  return { keys: columns.map((column) => ({ column: column.id })) };
}

const METHODS: ReadonlySet<string> = new Set(INDEX_METHODS);

/**
 * An index whose keys the introspector read: column and expression keys with their order, a
 * predicate, an access method, all as the design holds them. What the design cannot hold drops
 * the index (warned): a method it does not know, an operator class it cannot name where the
 * method needs one, an expression not in PostgreSQL's syntax (see `importExpression`) or over
 * columns the design names differently. A B-tree index loses only collations, operator classes
 * and INCLUDE columns (INDEX_OPTIONS_DROPPED), as before.
 */
function richShape(
  ctx: ImportContext,
  table: ImportedTable,
  source: IntrospectedIndex,
  sourceKeys: readonly IntrospectedIndexKey[],
  path: string[],
  what: string,
  definition: string,
): IndexShape | undefined {
  const method = source.method ?? 'btree';
  if (!METHODS.has(method)) {
    ctx.warn(
      'INDEX_METHOD',
      path,
      `${what} is a ${method.toUpperCase()} index${definition}; a design's indexes are B-tree, hash, GIN, GiST or BRIN, so it is not imported.`,
    );
    return undefined;
  }
  const known = method as IndexMethod;
  if (source.functions !== undefined && source.functions.length > 0) {
    ctx.warn(
      'INDEX_EXPRESSION',
      path,
      `${what} calls ${source.functions.join(', ')}${definition}; a design holds no functions, so it is not imported.`,
    );
    return undefined;
  }
  const opclass = source.options.find((option) => option.startsWith('operator class '));
  if (known !== 'btree' && opclass !== undefined) {
    ctx.warn(
      'INDEX_METHOD',
      path,
      `${what} is a ${method.toUpperCase()} index with the ${opclass}${definition}; a design cannot name operator classes, so it is not imported.`,
    );
    return undefined;
  }
  const columnNames = new Set(table.document.columns.map((column) => column.name));
  const expressionOf = (text: string, code: 'INDEX_EXPRESSION' | 'INDEX_PARTIAL', role: string) => {
    const imported = importExpression(ctx.dialect, text);
    const why =
      'reason' in imported
        ? imported.reason
        : unknownColumns(imported.expression, (name) => columnNames.has(name)).length > 0
          ? 'it reads columns the design names differently'
          : undefined;
    if (why === undefined && 'expression' in imported) return imported.expression;
    ctx.warn(
      code,
      path,
      `${what} has the ${role} ${text}${definition}, which the design cannot hold (${why}); it is not imported.`,
    );
    return undefined;
  };
  const keys: IndexKeyDocument[] = [];
  const seen = new Set<string>();
  for (const key of sourceKeys) {
    const order = key.descending ? { order: 'DESC' as const } : {};
    const nulls =
      key.nullsFirst !== undefined && key.nullsFirst !== key.descending
        ? { nulls: key.nullsFirst ? ('FIRST' as const) : ('LAST' as const) }
        : {};
    if (key.column !== undefined) {
      const column = table.columns.get(key.column);
      if (!column) {
        ctx.warn(
          'INDEX_EXPRESSION',
          path,
          `${what} uses the column ${q(key.column)}, which the table does not have; it is not imported.`,
        );
        return undefined;
      }
      if (seen.has(column.id)) {
        ctx.warn(
          'INDEX_DUPLICATE_COLUMN',
          path,
          `${what} lists the column ${q(key.column)} twice; a design index cannot, so it is not imported.`,
        );
        return undefined;
      }
      const type = canonicalDataType(column.dataType);
      if (type !== undefined && known !== 'btree' && !methodIndexes(known, type)) {
        ctx.warn(
          'INDEX_METHOD',
          path,
          `${what} is a ${method.toUpperCase()} index on ${q(key.column)}, imported as ${type}, which a design's ${method.toUpperCase()} index cannot key without an operator class; it is not imported.`,
        );
        return undefined;
      }
      seen.add(column.id);
      keys.push({ column: column.id, ...order, ...nulls });
    } else {
      const expression = expressionOf(key.expression ?? '', 'INDEX_EXPRESSION', 'expression key');
      if (expression === undefined) return undefined;
      keys.push({ expression, ...order, ...nulls });
    }
  }
  let where: string | undefined;
  if (source.where !== undefined) {
    where = expressionOf(source.where, 'INDEX_PARTIAL', 'predicate WHERE');
    if (where === undefined) return undefined;
  } else if (source.partial) {
    ctx.warn(
      'INDEX_PARTIAL',
      path,
      `${what} is partial${definition}, and its predicate was not read; it is not imported.`,
    );
    return undefined;
  }
  const refusal = methodRefusal(known, {
    unique: source.unique,
    keyCount: keys.length,
    ordered: keys.some((key) => key.order !== undefined || key.nulls !== undefined),
  });
  if (refusal !== undefined) {
    ctx.warn('INDEX_METHOD', path, `${what}${definition}: ${refusal}; it is not imported.`);
    return undefined;
  }
  const lost = source.options.filter((option) => !option.startsWith('operator class ') || known === 'btree');
  if (lost.length > 0)
    ctx.warn('INDEX_OPTIONS_DROPPED', path, `${what} is imported without: ${lost.join(', ')}.`);
  return {
    keys,
    ...(known !== 'btree' ? { method: known } : {}),
    ...(where !== undefined ? { where } : {}),
  };
}

import { normalizeArrayDefault } from './array-default.ts';
import type { DataType } from './data-types.ts';
import {
  canonicalDataType,
  DECIMAL_TYPES,
  EMPTY_TEXT_TYPES,
  INTEGER_TYPES,
  LENGTH_TYPES,
  PRECISION_TYPES,
  TEMPORAL_TYPES,
} from './data-types.ts';
import { defaultExpression } from './defaults.ts';
import type {
  ColumnDocument,
  DesignDocument,
  IndexDocument,
  IndexKeyDocument,
  TableDocument,
} from './document.ts';
import type { DocumentLookup } from './lookup.ts';
import { buildLookup, foreignKeyColumnRefs } from './lookup.ts';
import type {
  Check,
  Column,
  ColumnDefault,
  ColumnType,
  Design,
  ForeignKey,
  Index,
  IndexKey,
  ReferentialAction,
  Table,
} from './model.ts';
import { columnCheckId, REFERENTIAL_ACTIONS } from './model.ts';

/**
 * The meaning of a document. Call it on documents that passed validation: references that do
 * not resolve are dropped here rather than reported (reporting is validation's job).
 */
export function normalizeDesign(doc: DesignDocument): Design {
  const lookup = buildLookup(doc);
  return {
    name: doc.name.trim(),
    description: doc.description ?? '',
    enums: (doc.enums ?? []).map((e) => ({
      id: e.id,
      name: e.name,
      ...(e.schemaId ? { schemaId: e.schemaId } : {}),
      values: [...e.values],
      ...(e.comment ? { comment: e.comment } : {}),
    })),
    tables: doc.tables.map((table) => normalizeTable(table, lookup)),
    foreignKeys: (doc.foreignKeys ?? []).map((fk): ForeignKey => {
      const refs = foreignKeyColumnRefs(fk);
      const name = fk.name?.trim();
      return {
        id: fk.id,
        ...(name ? { name } : {}),
        sourceTableId: fk.sourceTableId,
        sourceColumnIds: refs.source,
        targetTableId: fk.targetTableId,
        targetColumnIds: refs.target,
        onDelete: referentialAction(fk.onDelete) ?? 'NO ACTION',
        onUpdate: referentialAction(fk.onUpdate) ?? 'NO ACTION',
      };
    }),
    views: (doc.views ?? []).map((view) => ({
      id: view.id,
      name: view.name,
      ...(view.schemaId ? { schemaId: view.schemaId } : {}),
      definition: view.definition.trim(),
      ...(view.comment ? { comment: view.comment } : {}),
    })),
    ...(doc.schemas?.length
      ? {
          schemas: doc.schemas.map((s) => ({
            id: s.id,
            name: s.name,
            ...(s.comment ? { comment: s.comment } : {}),
          })),
        }
      : {}),
  };
}

/** The canonical referential action for user input (`set null`, `SET_NULL`, …), or undefined. */
export function referentialAction(input: string | null | undefined): ReferentialAction | undefined {
  if (input == null || input.trim() === '') return undefined;
  const upper = input
    .trim()
    .replace(/[\s_]+/g, ' ')
    .toUpperCase();
  return REFERENTIAL_ACTIONS.find((action) => action === upper);
}

function normalizeTable(table: TableDocument, lookup: DocumentLookup): Table {
  const primaryKey = table.columns.filter((c) => c.primaryKey === true).map((c) => c.id);
  const soleKey = primaryKey.length === 1 ? primaryKey[0] : undefined;
  const checks = normalizeChecks(table);
  return {
    id: table.id,
    name: table.name,
    ...(table.schemaId ? { schemaId: table.schemaId } : {}),
    ...(table.comment ? { comment: table.comment } : {}),
    columns: table.columns.flatMap((column) => {
      const normalized = normalizeColumn(column, primaryKey.includes(column.id));
      if (!normalized) return [];
      if (normalized.id === soleKey) normalized.unique = false;
      return [normalized];
    }),
    primaryKey,
    indexes: (table.indexes ?? []).map((index) => normalizeIndex(index, table, lookup)),
    ...(checks.length > 0 ? { checks } : {}),
  };
}

/**
 * `columns` and `keys` as one list of keys (`keys` when given, as validation allows only one of
 * them). NULLS is kept only where it differs from PostgreSQL's default for the key's order.
 */
function normalizeIndex(index: IndexDocument, table: TableDocument, lookup: DocumentLookup): Index {
  const given: IndexKeyDocument[] =
    index.keys && index.keys.length > 0 ? index.keys : index.columns.map((column) => ({ column }));
  const keys = given.flatMap((key): IndexKey[] => {
    const descending = key.order === 'DESC';
    const nulls = key.nulls != null && (key.nulls === 'FIRST') !== descending ? { nulls: key.nulls } : {};
    const expression = key.expression?.trim();
    if (expression) return [{ kind: 'expression', expression, descending, ...nulls }];
    const column = key.column == null ? undefined : lookup.column(table, key.column);
    return column ? [{ kind: 'column', columnId: column.id, descending, ...nulls }] : [];
  });
  const where = index.where?.trim();
  return {
    id: index.id ?? index.name,
    name: index.name,
    columnIds: keys.flatMap((key) => (key.kind === 'column' ? [key.columnId] : [])),
    keys,
    unique: index.unique === true,
    method: index.method ?? 'btree',
    ...(where ? { where } : {}),
  };
}

/** Column checks (in column order), then table checks; blank expressions mean no check. */
function normalizeChecks(table: TableDocument): Check[] {
  const checks: Check[] = [];
  for (const column of table.columns) {
    const expression = column.check?.trim();
    if (expression) checks.push({ id: columnCheckId(column.id), expression, columnId: column.id });
  }
  for (const check of table.checks ?? []) {
    const name = check.name?.trim();
    checks.push({ id: check.id, ...(name ? { name } : {}), expression: check.expression.trim() });
  }
  return checks;
}

function normalizeColumn(column: ColumnDocument, inPrimaryKey: boolean): Column | undefined {
  const dataType = canonicalDataType(column.dataType);
  if (!dataType) return undefined;
  const identity = column.autoIncrement === true;
  const defaultValue =
    column.array === true
      ? normalizeArrayDefault(column.defaultValue, dataType)
      : normalizeDefault(dataType, column.defaultValue);
  const generated = column.generated?.expression.trim();
  // Built field by field rather than by spreading optional parts: this runs for every column of
  // every table on each validation, and the spread objects showed in the 1,000-table bench.
  const type: ColumnType = { dataType };
  if (LENGTH_TYPES.has(dataType) && column.length != null) type.length = column.length;
  if (PRECISION_TYPES.has(dataType) && column.precision != null) type.precision = column.precision;
  if (DECIMAL_TYPES.has(dataType) && column.scale != null) type.scale = column.scale;
  if (INTEGER_TYPES.has(dataType) && column.unsigned === true) type.unsigned = true;
  if (dataType === 'ENUM' && column.enumId) type.enumId = column.enumId;
  if (column.array === true) type.array = true;
  const normalized: Column = {
    id: column.id,
    name: column.name,
    type,
    nullable: !(inPrimaryKey || identity) && column.nullable !== false,
    identity,
    unique: column.unique === true,
  };
  if (defaultValue && !identity && !generated) normalized.default = defaultValue;
  if (column.comment) normalized.comment = column.comment;
  if (generated) normalized.generated = generated;
  return normalized;
}

/** Types whose defaults may be one of the closed set of expressions. */
const EXPRESSION_TYPES: ReadonlySet<DataType> = new Set([...TEMPORAL_TYPES, 'UUID']);

export function normalizeDefault(dataType: DataType, value: unknown): ColumnDefault | undefined {
  if (value === null || value === undefined) return undefined;
  // Canvases send "" for "no default"; only text columns can mean the empty string by it.
  if (value === '' && !EMPTY_TEXT_TYPES.has(dataType)) return undefined;
  const expression = EXPRESSION_TYPES.has(dataType) ? defaultExpression(value) : undefined;
  if (expression) return { kind: 'expression', expression };
  if (dataType === 'BOOLEAN' && typeof value === 'string') {
    const lower = value.trim().toLowerCase();
    if (lower === 'true' || lower === 'false') return { kind: 'literal', value: lower === 'true' };
  }
  if (
    typeof value === 'string' ||
    typeof value === 'number' ||
    typeof value === 'boolean' ||
    typeof value === 'object'
  ) {
    return { kind: 'literal', value };
  }
  return undefined;
}

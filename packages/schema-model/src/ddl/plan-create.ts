import type { Column, Design, Index, Table, View } from '../design/model.ts';
import { viewGraph } from '../design/view-graph.ts';
import type { DesignIndex } from './design-index.ts';
import { indexDesign } from './design-index.ts';
import { requiredExtensions } from './extensions.ts';
import type { TableNames } from './naming.ts';
import { assignNames } from './naming.ts';
import type {
  AddForeignKeyStatement,
  CreateIndexStatement,
  CreateTableStatement,
  DdlCheck,
  DdlColumn,
  DdlIndexKey,
  DdlStatement,
  NamedColumns,
} from './statements.ts';

/**
 * The statements that create a normalized (valid) design in an empty schema, in an order that
 * always executes: the design's schemas (CREATE SCHEMA IF NOT EXISTS), enums (each followed by
 * its comment), then each table followed by its indexes
 * and comments, then every foreign key as ALTER TABLE … ADD CONSTRAINT, so cycles and
 * self-references need no ordering; views last, each after the views it reads. Deterministic:
 * the same design gives the same plan.
 *
 * Throws DdlGenerationError when a reference does not resolve (validation reports those first).
 */
export function planCreate(design: Design): DdlStatement[] {
  const index = indexDesign(design);
  const names = assignNames(design, index);
  const statements: DdlStatement[] = [];

  for (const schema of design.schemas ?? []) {
    statements.push({ kind: 'create_schema', name: schema.name });
    if (schema.comment !== undefined)
      statements.push({ kind: 'comment_on_schema', name: schema.name, comment: schema.comment });
  }

  for (const extension of requiredExtensions(design))
    statements.push({ kind: 'create_extension', extension });
  for (const enumType of design.enums) {
    const schema = inSchema(index.schemaName(enumType.schemaId));
    statements.push({ kind: 'create_enum', ...schema, name: enumType.name, values: [...enumType.values] });
    if (enumType.comment !== undefined) {
      statements.push({ kind: 'comment_on_type', ...schema, type: enumType.name, comment: enumType.comment });
    }
  }

  design.tables.forEach((table, position) => {
    const tableNames = names.tables[position];
    if (tableNames) planTable(table, tableNames, index, statements);
  });

  design.foreignKeys.forEach((fk, position) => {
    const source = index.table(fk.sourceTableId);
    const target = index.table(fk.targetTableId);
    const statement: AddForeignKeyStatement = {
      kind: 'add_foreign_key',
      ...inSchema(index.schemaName(source.schemaId)),
      table: source.name,
      name: names.foreignKeys[position] ?? '',
      columns: fk.sourceColumnIds.map((id) => index.column(source, id).name),
      ...refSchema(index.schemaName(target.schemaId)),
      refTable: target.name,
      refColumns: fk.targetColumnIds.map((id) => index.column(target, id).name),
      onDelete: fk.onDelete,
      onUpdate: fk.onUpdate,
    };
    statements.push(statement);
  });

  planViews(design.views ?? [], statements);
  return statements;
}

/** Each view after every table and after the views it reads, followed by its comment. */
export function planViews(views: readonly View[], out: DdlStatement[]): void {
  for (const position of viewGraph(views).order) {
    const view = views[position];
    if (view === undefined) continue;
    out.push({ kind: 'create_view', name: view.name, definition: view.definition });
    if (view.comment !== undefined)
      out.push({ kind: 'comment_on_view', view: view.name, comment: view.comment });
  }
}

/** `{ schema }` for a statement's object, or nothing in the default schema (so plans stay as they were). */
export function inSchema(schema: string | undefined): { schema?: string } {
  return schema === undefined ? {} : { schema };
}

function refSchema(schema: string | undefined): { refSchema?: string } {
  return schema === undefined ? {} : { refSchema: schema };
}

/**
 * A column as CREATE TABLE or ADD COLUMN defines it; `enumName` names the type of an ENUM column,
 * `enumSchema` that type's schema (undefined: the default one).
 */
export function planColumn(
  column: Column,
  names: TableNames,
  enumName: (enumId: string) => string,
  enumSchema: (enumId: string) => string | undefined = () => undefined,
): DdlColumn {
  const planned: DdlColumn = {
    name: column.name,
    type: column.type,
    notNull: !column.nullable,
    identity: column.identity,
  };
  if (column.type.enumId !== undefined) {
    planned.enumName = enumName(column.type.enumId);
    const schema = enumSchema(column.type.enumId);
    if (schema !== undefined) planned.enumSchema = schema;
  }
  const sequence = names.identitySequences.get(column.id);
  if (sequence !== undefined) planned.identitySequence = sequence;
  if (column.default) planned.default = column.default;
  if (column.generated !== undefined) planned.generated = column.generated;
  return planned;
}

/** A table's checks as CREATE TABLE writes them: a column's own on its column, named as `assignNames` says. */
export function planChecks(table: Table, names: TableNames, index: DesignIndex): DdlCheck[] {
  return (table.checks ?? []).map((check, position) => ({
    name: names.checks?.[position] ?? check.name ?? check.id,
    expression: check.expression,
    ...(check.columnId === undefined ? {} : { column: index.column(table, check.columnId).name }),
  }));
}

/**
 * CREATE INDEX for a design index (create plans and migrations). `keys`, `method` and `where`
 * are set only when the index needs them, so a plain index's statement is as it always was.
 */
export function planIndex(table: Table, idx: Index, name: string, index: DesignIndex): CreateIndexStatement {
  const keys = idx.keys.map(
    (key): DdlIndexKey => ({
      ...(key.kind === 'column'
        ? { column: index.column(table, key.columnId).name }
        : { expression: key.expression }),
      ...(key.descending ? { descending: true } : {}),
      ...(key.nulls !== undefined ? { nulls: key.nulls } : {}),
    }),
  );
  const plain = keys.every((key) => 'column' in key && !key.descending && key.nulls === undefined);
  return {
    kind: 'create_index',
    name,
    table: table.name,
    columns: keys.flatMap((key) => ('column' in key ? [key.column] : [])),
    unique: idx.unique,
    ...(plain ? {} : { keys }),
    ...(idx.method !== 'btree' ? { method: idx.method } : {}),
    ...(idx.where !== undefined ? { where: idx.where } : {}),
  };
}

/** CREATE TABLE with its keys, then its indexes and comments (migrations create new tables the same way). */
export function planTable(table: Table, names: TableNames, index: DesignIndex, out: DdlStatement[]): void {
  const enumName = (enumId: string) => index.enumType(enumId).name;
  const enumSchema = (enumId: string) => index.schemaName(index.enumType(enumId).schemaId);
  const columns = table.columns.map((column) => planColumn(column, names, enumName, enumSchema));
  const schema = inSchema(index.schemaName(table.schemaId));

  const uniques: NamedColumns[] = [];
  for (const column of table.columns) {
    const name = names.uniques.get(column.id);
    if (name !== undefined) uniques.push({ name, columns: [column.name] });
  }
  const statement: CreateTableStatement = {
    kind: 'create_table',
    ...schema,
    name: table.name,
    columns,
    uniques,
  };
  const checks = planChecks(table, names, index);
  if (checks.length > 0) statement.checks = checks;
  if (names.primaryKey !== undefined) {
    statement.primaryKey = {
      name: names.primaryKey,
      columns: table.primaryKey.map((id) => index.column(table, id).name),
    };
  }
  out.push(statement);

  table.indexes.forEach((idx, position) => {
    out.push({ ...planIndex(table, idx, names.indexes[position] ?? idx.name, index), ...schema });
  });

  if (table.comment !== undefined)
    out.push({ kind: 'comment_on_table', ...schema, table: table.name, comment: table.comment });
  for (const column of table.columns) {
    if (column.comment !== undefined) {
      out.push({
        kind: 'comment_on_column',
        ...schema,
        table: table.name,
        column: column.name,
        comment: column.comment,
      });
    }
  }
}

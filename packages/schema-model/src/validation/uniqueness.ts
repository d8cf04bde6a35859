import type { TableDocument } from '../design/document.ts';
import type { ValidationContext } from './context.ts';
import { capitalize, columnLabel, isGiven, quoted, tableLabel } from './context.ts';
import { inSchema, schemaSuffix } from './schemas.ts';

/** Records `key` at `index`; returns the index that claimed it first, if any. */
function claim(seen: Map<string, number>, key: string, index: number): number | undefined {
  const first = seen.get(key);
  if (first === undefined) seen.set(key, index);
  return first;
}

/**
 * Ids must be unique (the diff engine matches old and new designs by id) and so must SQL names
 * in their PostgreSQL namespace. Names compare exactly: quoted identifiers are case-sensitive.
 * Each duplicate is reported where it occurs the second time.
 */
export function checkUniqueness(ctx: ValidationContext): void {
  const { doc, enums } = ctx;
  const tableIds = new Map<string, number>();
  const tableNames = new Map<string, number>();
  doc.tables.forEach((table, t) => {
    const first = claim(tableIds, table.id, t);
    if (first !== undefined) {
      const other = tableLabel(doc.tables[first] ?? table, first);
      ctx.error(
        'DUPLICATE_ID',
        ['tables', t, 'id'],
        `${capitalize(tableLabel(table, t))} has the same id ${quoted(table.id)} as ${other}. Every table needs its own id.`,
      );
    }
    if (
      table.name.trim() !== '' &&
      claim(tableNames, inSchema(table.schemaId, table.name), t) !== undefined
    ) {
      ctx.error(
        'DUPLICATE_TABLE_NAME',
        ['tables', t, 'name'],
        `Two tables are named ${quoted(table.name)}${schemaSuffix(ctx, table.schemaId)}.`,
      );
    }
    checkColumnUniqueness(ctx, table, t);
  });

  const enumIds = new Map<string, number>();
  const enumNames = new Map<string, number>();
  enums.forEach((enumType, e) => {
    if (claim(enumIds, enumType.id, e) !== undefined) {
      ctx.error(
        'DUPLICATE_ID',
        ['enums', e, 'id'],
        `Enum ${enumType.name.trim() ? quoted(enumType.name) : e + 1} has the same id ${quoted(enumType.id)} as another enum. Every enum needs its own id.`,
      );
    }
    if (enumType.name.trim() === '') return;
    const key = inSchema(enumType.schemaId, enumType.name);
    if (claim(enumNames, key, e) !== undefined) {
      ctx.error(
        'DUPLICATE_ENUM_NAME',
        ['enums', e, 'name'],
        `Two enums are named ${quoted(enumType.name)}${schemaSuffix(ctx, enumType.schemaId)}.`,
      );
    } else if (tableNames.has(key)) {
      ctx.error(
        'NAME_CONFLICT',
        ['enums', e, 'name'],
        `Enum ${quoted(enumType.name)} has the same name as a table. PostgreSQL creates a type for every table, so enums and tables need different names.`,
      );
    }
  });

  checkIndexNames(ctx, tableNames);

  const fkIds = new Map<string, number>();
  (doc.foreignKeys ?? []).forEach((fk, f) => {
    if (claim(fkIds, fk.id, f) !== undefined) {
      ctx.error(
        'DUPLICATE_ID',
        ['foreignKeys', f, 'id'],
        `Foreign key ${f + 1} has the same id ${quoted(fk.id)} as another foreign key. Every foreign key needs its own id.`,
      );
    }
  });
}

function checkColumnUniqueness(ctx: ValidationContext, table: TableDocument, t: number): void {
  const ids = new Map<string, number>();
  const names = new Map<string, number>();
  table.columns.forEach((column, c) => {
    const first = claim(ids, column.id, c);
    if (first !== undefined) {
      const label = columnLabel(table, t, column, c);
      ctx.error(
        'DUPLICATE_ID',
        ['tables', t, 'columns', c, 'id'],
        `${capitalize(label)} has the same id ${quoted(column.id)} as column ${first + 1}. Every column needs its own id.`,
      );
    }
    if (column.name.trim() !== '' && claim(names, column.name, c) !== undefined) {
      ctx.error(
        'DUPLICATE_COLUMN_NAME',
        ['tables', t, 'columns', c, 'name'],
        `${capitalize(tableLabel(table, t))} has two columns named ${quoted(column.name)}.`,
      );
    }
  });
  const indexIds = new Map<string, number>();
  (table.indexes ?? []).forEach((index, i) => {
    if (isGiven(index.id) && claim(indexIds, index.id, i) !== undefined) {
      ctx.error(
        'DUPLICATE_ID',
        ['tables', t, 'indexes', i, 'id'],
        `Index ${quoted(index.name)} on ${tableLabel(table, t)} has the same id ${quoted(index.id)} as another index of that table. Every index needs its own id.`,
      );
    }
  });
}

/** Index names live in the schema's namespace of relations: unique across tables, unlike tables' names. */
function checkIndexNames(ctx: ValidationContext, tableNames: ReadonlyMap<string, number>): void {
  const { tables } = ctx.doc;
  const indexNames = new Map<string, number>();
  tables.forEach((table, t) => {
    (table.indexes ?? []).forEach((index, i) => {
      if (index.name.trim() === '') return;
      const path = ['tables', t, 'indexes', i, 'name'];
      const key = inSchema(table.schemaId, index.name);
      const firstTable = claim(indexNames, key, t);
      if (firstTable === t) {
        ctx.error(
          'DUPLICATE_INDEX_NAME',
          path,
          `${capitalize(tableLabel(table, t))} has two indexes named ${quoted(index.name)}.`,
        );
      } else if (firstTable !== undefined) {
        const other = tables[firstTable];
        ctx.error(
          'DUPLICATE_INDEX_NAME',
          path,
          `Index name ${quoted(index.name)} on ${tableLabel(table, t)} is already used on ${other ? tableLabel(other, firstTable) : 'another table'}. Index names must be unique in the whole schema.`,
        );
      } else if (tableNames.has(key)) {
        ctx.error(
          'NAME_CONFLICT',
          path,
          `Index ${quoted(index.name)} on ${tableLabel(table, t)} has the same name as a table. Tables and indexes share their names in PostgreSQL, so they need different names.`,
        );
      }
    });
  });
}

import type { Column, Design, EnumType, Table } from '../design/model.ts';

/** A normalized design the generator cannot turn into DDL: a reference that does not resolve. */
export class DdlGenerationError extends Error {
  override name = 'DdlGenerationError';
}

/** Id look-ups over a normalized design, built once per generation (no quadratic scans). */
export interface DesignIndex {
  table(tableId: string): Table;
  enumType(enumId: string): EnumType;
  column(table: Table, columnId: string): Column;
  /** The name of a schema by id; undefined for the default schema (no id). */
  schemaName(schemaId: string | undefined): string | undefined;
}

/** Up to this many columns a scan beats building a map (bounded, so never quadratic). */
const LINEAR_SCAN_MAX = 32;

export function indexDesign(design: Design): DesignIndex {
  const tables = new Map<string, Table>();
  for (const table of design.tables) if (!tables.has(table.id)) tables.set(table.id, table);
  const enums = new Map<string, EnumType>();
  for (const enumType of design.enums) if (!enums.has(enumType.id)) enums.set(enumType.id, enumType);
  const columns = new WeakMap<Table, Map<string, Column>>();
  const schemas = new Map<string, string>();
  for (const schema of design.schemas ?? []) if (!schemas.has(schema.id)) schemas.set(schema.id, schema.name);

  return {
    schemaName(schemaId) {
      if (schemaId === undefined) return undefined;
      const name = schemas.get(schemaId);
      if (name === undefined) throw new DdlGenerationError(`unknown schema id ${JSON.stringify(schemaId)}`);
      return name;
    },
    table(tableId) {
      const table = tables.get(tableId);
      if (!table) throw new DdlGenerationError(`unknown table id ${JSON.stringify(tableId)}`);
      return table;
    },
    enumType(enumId) {
      const enumType = enums.get(enumId);
      if (!enumType) throw new DdlGenerationError(`unknown enum id ${JSON.stringify(enumId)}`);
      return enumType;
    },
    column(table, columnId) {
      let column: Column | undefined;
      if (table.columns.length <= LINEAR_SCAN_MAX) {
        column = table.columns.find((c) => c.id === columnId);
      } else {
        let byId = columns.get(table);
        if (!byId) {
          byId = new Map();
          for (const c of table.columns) if (!byId.has(c.id)) byId.set(c.id, c);
          columns.set(table, byId);
        }
        column = byId.get(columnId);
      }
      if (!column) {
        throw new DdlGenerationError(
          `unknown column id ${JSON.stringify(columnId)} in table ${JSON.stringify(table.name)}`,
        );
      }
      return column;
    },
  };
}

import type { Design } from '@schema-builder/schema-model/design';

/**
 * A normalized design by names only (ids differ between a design and its import: the import
 * derives them from names), in a stable order: what must survive design → DDL → PostgreSQL →
 * import. Schemas by name, each table and enum by `schema.name`.
 */
export function designShape(design: Design) {
  const schemaName = new Map((design.schemas ?? []).map((s) => [s.id, s.name]));
  const where = (schemaId: string | undefined) =>
    schemaId === undefined ? '' : `${schemaName.get(schemaId) ?? schemaId}.`;
  const tableById = new Map(design.tables.map((t) => [t.id, t]));
  const enumById = new Map(design.enums.map((e) => [e.id, e]));
  const qualifiedTable = (id: string) => {
    const table = tableById.get(id);
    return table === undefined ? `?${id}` : `${where(table.schemaId)}${table.name}`;
  };
  const columnName = (tableId: string, columnId: string) =>
    tableById.get(tableId)?.columns.find((c) => c.id === columnId)?.name ?? `?${columnId}`;
  const sorted = <T>(items: T[], key: (item: T) => string) =>
    [...items].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));

  return {
    schemas: sorted(
      (design.schemas ?? []).map((s) => ({ name: s.name, comment: s.comment })),
      (s) => s.name,
    ),
    enums: sorted(
      design.enums.map((e) => ({
        name: `${where(e.schemaId)}${e.name}`,
        values: e.values,
        comment: e.comment,
      })),
      (e) => e.name,
    ),
    tables: sorted(
      design.tables.map((table) => ({
        name: `${where(table.schemaId)}${table.name}`,
        comment: table.comment,
        columns: table.columns.map((c) => {
          const enumType = c.type.enumId === undefined ? undefined : enumById.get(c.type.enumId);
          const { enumId: _id, ...type } = c.type;
          return {
            name: c.name,
            type:
              enumType === undefined
                ? type
                : { ...type, enum: `${where(enumType.schemaId)}${enumType.name}` },
            nullable: c.nullable,
            identity: c.identity,
            unique: c.unique,
            default: c.default,
            comment: c.comment,
          };
        }),
        primaryKey: table.primaryKey.map((id) => columnName(table.id, id)),
        indexes: sorted(
          table.indexes.map((index) => ({
            name: index.name,
            unique: index.unique,
            columns: index.columnIds.map((id) => columnName(table.id, id)),
          })),
          (index) => index.name,
        ),
      })),
      (t) => t.name,
    ),
    foreignKeys: sorted(
      design.foreignKeys.map((fk) => ({
        from: `${qualifiedTable(fk.sourceTableId)}(${fk.sourceColumnIds.map((id) => columnName(fk.sourceTableId, id)).join(',')})`,
        to: `${qualifiedTable(fk.targetTableId)}(${fk.targetColumnIds.map((id) => columnName(fk.targetTableId, id)).join(',')})`,
        onDelete: fk.onDelete,
        onUpdate: fk.onUpdate,
      })),
      (fk) => `${fk.from}>${fk.to}`,
    ),
  };
}

/** Tables per schema (`(default)` for the default schema), for the report lines. */
export function tablesPerSchema(design: Design): Record<string, number> {
  const schemaName = new Map((design.schemas ?? []).map((s) => [s.id, s.name]));
  const counts: Record<string, number> = {};
  for (const table of design.tables) {
    const name =
      table.schemaId === undefined ? '(default)' : (schemaName.get(table.schemaId) ?? table.schemaId);
    counts[name] = (counts[name] ?? 0) + 1;
  }
  return counts;
}

import { sequenceName } from './context.ts';
import type { NameClaim } from './name-solver.ts';
import type { Planner } from './planner.ts';

/** Namespaces of names: relations and types per schema, constraints per table. */
export const RELATION = 'relation';
export const TYPE = 'type';
export const CONSTRAINTS = (tableId: string): string => `constraint:${tableId}`;
/** Relations and types of a schema other than the default one (which keeps `RELATION`, `TYPE`). */
export const RELATION_IN = (schemaId: string | undefined): string =>
  schemaId === undefined ? RELATION : `${RELATION}:${schemaId}`;
export const TYPE_IN = (schemaId: string | undefined): string =>
  schemaId === undefined ? TYPE : `${TYPE}:${schemaId}`;

/** Names that objects created after the renames take. */
export function newNames(p: Planner): NameClaim[] {
  const { ctx, analysis } = p;
  const claims: NameClaim[] = [];
  const claim = (namespaces: readonly string[], name: string | undefined) => {
    if (name !== undefined) for (const namespace of namespaces) claims.push({ namespace, name });
  };
  for (const { table, names } of ctx.addedTables) {
    const relation = RELATION_IN(table.schemaId);
    const both = [relation, TYPE_IN(table.schemaId)];
    claim(both, table.name);
    claim([relation], names.primaryKey);
    for (const name of names.uniques.values()) claim([relation], name);
    for (const name of names.indexes) claim([relation], name);
    for (const column of table.columns)
      if (column.identity) claim(both, sequenceName({ table, names }, column));
  }
  for (const e of ctx.addedEnums) claim([TYPE_IN(e.schemaId)], e.name);
  for (const t of ctx.tables) {
    const relation = RELATION_IN(t.to.table.schemaId);
    const both = [relation, TYPE_IN(t.to.table.schemaId)];
    const keys = [relation, CONSTRAINTS(t.id)];
    for (const column of t.addedColumns) {
      claim([`column:${t.id}`], column.name);
      if (column.identity) claim(both, sequenceName(t.to, column));
      claim(keys, t.to.names.uniques.get(column.id));
    }
    for (const { from, to } of t.columns) {
      if (to.identity && !from.identity) claim(both, sequenceName(t.to, to));
      if (to.unique && !from.unique) claim(keys, t.to.names.uniques.get(to.id));
    }
    if (t.primaryKeyChanged) claim(keys, t.to.names.primaryKey);
    for (const { name } of [...t.addedIndexes, ...t.indexes.filter((i) => i.changed).map((i) => i.to)]) {
      claim([relation], name);
    }
  }
  const readded = ctx.foreignKeys.filter((f) => f.changed || analysis.readdedForeignKeys.has(f.from.fk.id));
  for (const { fk, name } of [...ctx.addedForeignKeys, ...readded.map((f) => f.to)]) {
    claim([CONSTRAINTS(fk.sourceTableId)], name);
  }
  return claims;
}

import type { ForeignKey } from '../design/model.ts';
import { family } from './cast-types.ts';
import type { Planner } from './planner.ts';
import { q, tableAt } from './planner.ts';
import { hazard } from './steps.ts';
import type { DataCheck, Hazard } from './types.ts';

/**
 * Foreign keys come last, after every table, column and key exists, so cycles and
 * self-references need no ordering (the first stage dropped every one that changes). A new
 * pairing of columns over existing rows may meet orphans; re-adding an unchanged one only
 * validates again.
 */
export function planForeignKeys(p: Planner): void {
  const { ctx, analysis } = p;
  const kept = new Map(ctx.foreignKeys.map((pair) => [pair.to.fk.id, pair]));
  const added = new Set(ctx.addedForeignKeys.map((v) => v.fk.id));
  ctx.to.design.foreignKeys.forEach((fk, position) => {
    const pair = kept.get(fk.id);
    const readded = pair !== undefined && (pair.changed || analysis.readdedForeignKeys.has(fk.id));
    if (!added.has(fk.id) && !readded) return;
    const name = ctx.to.names.foreignKeys[position] ?? fk.id;
    const source = ctx.to.index.table(fk.sourceTableId);
    const target = ctx.to.index.table(fk.targetTableId);
    const columns = fk.sourceColumnIds.map((id) => ctx.to.index.column(source, id).name);
    const refColumns = fk.targetColumnIds.map((id) => ctx.to.index.column(target, id).name);
    const newPairing = pair === undefined || !samePairing(pair.from.fk, fk);
    const actions = [
      ...(fk.onDelete === 'NO ACTION' ? [] : [`ON DELETE ${fk.onDelete}`]),
      ...(fk.onUpdate === 'NO ACTION' ? [] : [`ON UPDATE ${fk.onUpdate}`]),
    ];
    p.out.add({
      id: `add_foreign_key:${fk.id}`,
      description: `${pair ? 'Add again' : 'Add'} foreign key ${q(name)}: ${q(source.name)} (${columns.map(q).join(', ')}) references ${q(target.name)} (${refColumns.map(q).join(', ')})${actions.length ? `, ${actions.join(', ')}` : ''}`,
      statements: [
        {
          kind: 'add_foreign_key',
          ...tableAt(p, fk.sourceTableId),
          table: source.name,
          name,
          columns,
          ...refAt(p, fk.targetTableId),
          refTable: target.name,
          refColumns,
          onDelete: fk.onDelete,
          onUpdate: fk.onUpdate,
        },
      ],
      ...risks(p, fk, newPairing),
    });
  });
}

/** `{ refSchema }` of a referenced table after the schema moves. */
function refAt(p: Planner, tableId: string): { refSchema?: string } {
  const schema = p.schemas.table(tableId);
  return schema === undefined ? {} : { refSchema: schema };
}

const samePairing = (a: ForeignKey, b: ForeignKey) =>
  a.sourceTableId === b.sourceTableId &&
  a.targetTableId === b.targetTableId &&
  a.sourceColumnIds.join('\u0000') === b.sourceColumnIds.join('\u0000') &&
  a.targetColumnIds.join('\u0000') === b.targetColumnIds.join('\u0000');

function risks(
  p: Planner,
  fk: ForeignKey,
  newPairing: boolean,
): { hazards: Hazard[]; dataChecks: DataCheck[] } {
  const sourcePair = p.ctx.tables.find((t) => t.id === fk.sourceTableId);
  if (!sourcePair) return { hazards: [], dataChecks: [] };
  const name = sourcePair.to.table.name;
  const hazards = [
    hazard(
      'LOCKS_TABLE',
      `Checks every row of ${q(name)} while blocking writes to it and to the referenced table.`,
    ),
  ];
  if (!newPairing) return { hazards, dataChecks: [] };
  hazards.push(
    hazard('DATA_DEPENDENT', `Fails if a row of ${q(name)} references a row that does not exist.`),
  );
  const check = orphansCheck(p, fk);
  return { hazards, dataChecks: check ? [check] : [] };
}

/** Orphans in the old version, when every column existed there with comparable types. */
function orphansCheck(p: Planner, fk: ForeignKey): DataCheck | undefined {
  const source = p.ctx.tables.find((t) => t.id === fk.sourceTableId);
  const target = p.ctx.tables.find((t) => t.id === fk.targetTableId);
  if (!source || !target) return undefined;
  const columns = fk.sourceColumnIds.map((id) => source.columns.find((c) => c.to.id === id)?.from);
  const refColumns = fk.targetColumnIds.map((id) => target.columns.find((c) => c.to.id === id)?.from);
  const comparable = columns.every((column, i) => {
    const ref = refColumns[i];
    if (!column || !ref) return false;
    if (column.type.dataType === 'ENUM' || ref.type.dataType === 'ENUM')
      return column.type.enumId === ref.type.enumId;
    return family(column.type.dataType) === family(ref.type.dataType);
  });
  if (!comparable) return undefined;
  const names = (list: typeof columns) => list.map((c) => c?.name ?? '');
  const table = source.from.table.name;
  const schema = p.schemas.checkTable(source.id);
  const refSchema = p.schemas.checkTable(target.id);
  return {
    kind: 'orphans',
    ...(schema === undefined ? {} : { schema }),
    table,
    columns: names(columns),
    ...(refSchema === undefined ? {} : { refSchema }),
    refTable: target.from.table.name,
    refColumns: names(refColumns),
    description: `rows of ${q(table)} whose (${names(columns).map(q).join(', ')}) match no row of ${q(target.from.table.name)}`,
  };
}

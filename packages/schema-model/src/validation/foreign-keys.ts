import type { ColumnDocument, ForeignKeyDocument, TableDocument } from '../design/document.ts';
import { foreignKeyColumnRefs } from '../design/lookup.ts';
import type { ValidationContext } from './context.ts';
import { capitalize, quoted, tableLabel } from './context.ts';
import type { TableEdge } from './cycles.ts';
import { checkCycles } from './cycles.ts';
import type { ForeignKeyCheck, Side } from './foreign-key-rules.ts';
import {
  checkActions,
  checkIndexed,
  checkTargetUnique,
  checkTypes,
  columnPath,
} from './foreign-key-rules.ts';
import { checkName } from './names.ts';
import { TableKeys } from './table-keys.ts';

/** Foreign keys: names, references, types, actions, and the cycles and missing indexes they imply. */
export function checkForeignKeys(ctx: ValidationContext): void {
  const keys = new TableKeys(ctx.lookup);
  const constraintNames = new Set<string>();
  const edges: TableEdge[] = [];
  (ctx.doc.foreignKeys ?? []).forEach((fk, f) => {
    checkConstraintName(ctx, fk, f, constraintNames);
    const sourceEntry = ctx.lookup.tableById.get(fk.sourceTableId);
    const targetEntry = ctx.lookup.tableById.get(fk.targetTableId);
    const label = () => foreignKeyLabel(fk, f, sourceEntry?.table, targetEntry?.table);
    if (!sourceEntry) {
      ctx.error(
        'FK_UNKNOWN_TABLE',
        ['foreignKeys', f, 'sourceTableId'],
        `${label()} starts from a table (id ${quoted(fk.sourceTableId)}) that does not exist.`,
      );
    }
    if (!targetEntry) {
      ctx.error(
        'FK_UNKNOWN_TABLE',
        ['foreignKeys', f, 'targetTableId'],
        `${label()} points to a table (id ${quoted(fk.targetTableId)}) that does not exist.`,
      );
    }

    const refs = foreignKeyColumnRefs(fk);
    const check: ForeignKeyCheck = { ctx, fk, f, label };
    const source = sourceEntry && resolveSide(check, 'source', sourceEntry, refs.source);
    const target = targetEntry && resolveSide(check, 'target', targetEntry, refs.target);
    const countsMatch = refs.source.length === refs.target.length;
    if (!countsMatch && refs.source.length > 0 && refs.target.length > 0) {
      ctx.error(
        'FK_COLUMN_COUNT_MISMATCH',
        ['foreignKeys', f],
        `${label()} uses ${count(refs.source.length)} but references ${count(refs.target.length)}; both sides need the same number of columns, in matching order.`,
      );
    }
    if (source?.columns && target?.columns && countsMatch) checkTypes(check, source.columns, target.columns);
    if (target?.columns) checkTargetUnique(check, keys, target);
    checkActions(check, source?.columns);
    if (source?.columns) checkIndexed(check, keys, source, target);
    if (source && target) edges.push({ from: source.index, to: target.index, foreignKey: f });
  });
  checkCycles(ctx, edges);
}

/** Constraint names are optional (the DDL derives one); given ones are trimmed, like normalization does. */
function checkConstraintName(
  ctx: ValidationContext,
  fk: ForeignKeyDocument,
  f: number,
  seen: Set<string>,
): void {
  const name = fk.name;
  if (!name?.trim()) return;
  checkName(ctx, name, ['foreignKeys', f, 'name'], { kind: 'Foreign key', position: f });
  const key = `${fk.sourceTableId}\u0000${name.trim()}`;
  if (seen.has(key)) {
    const table = ctx.lookup.tableById.get(fk.sourceTableId);
    const owner = table ? tableLabel(table.table, table.index) : 'its table';
    ctx.error(
      'DUPLICATE_CONSTRAINT_NAME',
      ['foreignKeys', f, 'name'],
      `${capitalize(owner)} has two foreign keys named ${quoted(name.trim())}.`,
    );
  }
  seen.add(key);
}

const count = (n: number) => `${n} column${n === 1 ? '' : 's'}`;

function foreignKeyLabel(
  fk: ForeignKeyDocument,
  f: number,
  source?: TableDocument,
  target?: TableDocument,
): string {
  if (fk.name?.trim()) return `Foreign key ${quoted(fk.name.trim())}`;
  if (source?.name.trim() && target?.name.trim()) {
    return `The foreign key from ${quoted(source.name)} to ${quoted(target.name)}`;
  }
  return `Foreign key ${f + 1}`;
}

/** Foreign keys name columns by id (never by name), so renaming a column keeps its keys. */
function resolveSide(
  { ctx, fk, f, label }: ForeignKeyCheck,
  side: 'source' | 'target',
  entry: { table: TableDocument; index: number },
  ids: readonly string[],
): Side {
  const { table, index } = entry;
  if (ids.length === 0) {
    const verb = side === 'source' ? 'uses' : 'references';
    ctx.error(
      'FK_UNKNOWN_COLUMN',
      columnPath(fk, f, side),
      `${label()} does not say which column of ${tableLabel(table, index)} it ${verb}.`,
    );
    return { table, index, columns: undefined };
  }
  const columns: ColumnDocument[] = [];
  ids.forEach((id, k) => {
    const column = ctx.lookup.columnById(table, id);
    if (column) {
      columns.push(column);
      return;
    }
    const byName = ctx.lookup.column(table, id);
    const hint = byName
      ? ` Foreign keys name columns by id: use ${quoted(byName.id)}, the id of column ${quoted(id)}.`
      : '';
    ctx.error(
      'FK_UNKNOWN_COLUMN',
      columnPath(fk, f, side, k),
      `${label()} uses the column id ${quoted(id)}, which ${tableLabel(table, index)} does not have.${hint}`,
    );
  });
  return { table, index, columns: columns.length === ids.length ? columns : undefined };
}

import type { DdlStatement } from '../ddl/statements.ts';
import { sequenceName } from './context.ts';
import type { NamedObject, RenameOp } from './name-solver.ts';
import { solveRenames } from './name-solver.ts';
import { CONSTRAINTS, newNames, RELATION_IN, TYPE_IN } from './new-names.ts';
import type { Planner } from './planner.ts';
import { enumAt, q, tableAt } from './planner.ts';
import { hazard } from './steps.ts';
import type { Hazard } from './types.ts';

/**
 * The second stage: every object kept by id whose name differs (the user's renames, and generated
 * names that follow them, such as `people_pkey` after `users` becomes `people`) takes its new
 * name, in an order where no rename hits a name still in use. Enums dropped later step aside when
 * a new object needs their name.
 */

type Renamer = (op: RenameOp, tableName: (tableId: string) => string) => DdlStatement;

interface Entry extends NamedObject {
  /** `table "users"`, `column "email" of table "users"`: the object by a name. */
  label: (name: string) => string;
  /** Renaming it is visible to clients (tables, columns, enums), not an internal name. */
  visible: boolean;
  statement: Renamer;
}

export function planRenames(p: Planner): void {
  const entries = namedObjects(p);
  const byKey = new Map(entries.map((e) => [e.key, e]));
  const ops = solveRenames(entries, newNames(p));
  const tableNames = new Map(p.ctx.tables.map((t) => [t.id, t.from.table.name]));
  const tableName = (tableId: string) => tableNames.get(tableId) ?? tableId;

  for (const op of ops) {
    const entry = byKey.get(op.key);
    if (!entry) continue;
    const statement = entry.statement(op, tableName);
    const hazards: Hazard[] =
      entry.visible && !op.temporary && entry.target !== undefined
        ? [
            hazard(
              'BREAKS_CLIENTS',
              `Queries naming ${entry.label(op.from)} fail; it is now called ${q(op.to)}.`,
            ),
          ]
        : [];
    p.out.add({
      id: `rename_${op.key}${op.temporary ? ':temporary' : ''}`,
      description: op.temporary
        ? `Move ${entry.label(op.from)} to the temporary name ${q(op.to)}, freeing its name`
        : `Rename ${entry.label(op.from)} to ${q(op.to)}`,
      statements: [statement],
      hazards,
    });
    if (op.key.startsWith('table:')) tableNames.set(op.key.slice('table:'.length), op.to);
    if (entry.target === undefined && op.key.startsWith('enum:')) {
      p.droppedEnumNames.set(op.key.slice('enum:'.length), op.to);
    }
  }
}

function namedObjects(p: Planner): Entry[] {
  const { ctx, analysis } = p;
  const entries: Entry[] = [];
  const add = (entry: Entry) => entries.push(entry);
  const constraintRename =
    (tableId: string): Renamer =>
    (op, tableName) => ({
      kind: 'rename_constraint',
      ...tableAt(p, tableId),
      table: tableName(tableId),
      name: op.from,
      newName: op.to,
    });

  for (const t of ctx.tables) {
    // After the schema moves: every kept table's relations are in its new schema.
    const relation = RELATION_IN(t.to.table.schemaId);
    const type = TYPE_IN(t.to.table.schemaId);
    const at = tableAt(p, t.id);
    add({
      key: `table:${t.id}`,
      namespaces: [relation, type],
      current: t.from.table.name,
      target: t.to.table.name,
      label: (name) => `table ${q(name)}`,
      visible: true,
      statement: (op) => ({ kind: 'rename_table', ...at, table: op.from, newName: op.to }),
    });
    for (const { from, to } of t.columns) {
      add({
        key: `column:${t.id}:${to.id}`,
        namespaces: [`column:${t.id}`],
        current: from.name,
        target: to.name,
        label: (name) => `column ${q(name)} of table ${q(t.to.table.name)}`,
        visible: true,
        statement: (op, tableName) => ({
          kind: 'rename_column',
          ...at,
          table: tableName(t.id),
          column: op.from,
          newName: op.to,
        }),
      });
      if (from.identity && to.identity) {
        add({
          key: `sequence:${t.id}:${to.id}`,
          namespaces: [relation, type],
          current: sequenceName(t.from, from),
          target: sequenceName(t.to, to),
          label: (name) => `sequence ${q(name)}`,
          visible: false,
          statement: (op) => ({ kind: 'rename_sequence', ...at, name: op.from, newName: op.to }),
        });
      }
      const fromUnique = t.from.names.uniques.get(from.id);
      const toUnique = t.to.names.uniques.get(to.id);
      if (from.unique && to.unique && fromUnique !== undefined && toUnique !== undefined) {
        add({
          key: `unique:${t.id}:${to.id}`,
          namespaces: [relation, CONSTRAINTS(t.id)],
          current: fromUnique,
          target: toUnique,
          label: (name) => `unique constraint ${q(name)}`,
          visible: false,
          statement: constraintRename(t.id),
        });
      }
    }
    const { primaryKey: fromKey } = t.from.names;
    const { primaryKey: toKey } = t.to.names;
    if (!t.primaryKeyChanged && fromKey !== undefined && toKey !== undefined) {
      add({
        key: `primary_key:${t.id}`,
        namespaces: [relation, CONSTRAINTS(t.id)],
        current: fromKey,
        target: toKey,
        label: (name) => `primary key ${q(name)}`,
        visible: false,
        statement: constraintRename(t.id),
      });
    }
    t.indexes.forEach((pair, i) => {
      if (pair.changed) return;
      add({
        key: `index:${t.id}:${i}`,
        namespaces: [relation],
        current: pair.from.name,
        target: pair.to.name,
        label: (name) => `index ${q(name)}`,
        visible: false,
        statement: (op) => ({ kind: 'rename_index', ...at, name: op.from, newName: op.to }),
      });
    });
  }

  for (const pair of ctx.foreignKeys) {
    if (pair.changed || analysis.readdedForeignKeys.has(pair.from.fk.id)) continue;
    const tableId = pair.to.fk.sourceTableId;
    add({
      key: `foreign_key:${pair.to.fk.id}`,
      namespaces: [CONSTRAINTS(tableId)],
      current: pair.from.name,
      target: pair.to.name,
      label: (name) => `foreign key ${q(name)}`,
      visible: false,
      statement: constraintRename(tableId),
    });
  }

  const enumEntry = (
    id: string,
    schemaId: string | undefined,
    current: string,
    target: string | undefined,
  ): Entry => ({
    key: `enum:${id}`,
    namespaces: [TYPE_IN(schemaId)],
    current,
    ...(target === undefined ? {} : { target }),
    label: (name) => `enum ${q(name)}`,
    visible: true,
    statement: (op) => ({ kind: 'rename_enum', ...enumAt(p, id), name: op.from, newName: op.to }),
  });
  for (const { from, to } of ctx.enums) add(enumEntry(to.id, to.schemaId, from.name, to.name));
  for (const e of ctx.droppedEnums) add(enumEntry(e.id, e.schemaId, e.name, undefined));
  return entries;
}

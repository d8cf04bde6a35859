import { inSchema } from '../ddl/plan-create.ts';
import type { Planner } from './planner.ts';
import { columnLabel, q } from './planner.ts';
import { hazard } from './steps.ts';

/**
 * The first stage: everything that goes away, in an order PostgreSQL accepts without CASCADE.
 * Foreign keys first, so no table, key or column is still referenced; then tables (taking their
 * own keys, including those to kept tables, with them); then indexes and keys of kept tables,
 * identities, columns. Names are the old version's, in the schemas tables were in (before the
 * moves; a kept schema already has its new name).
 */
/** `{ schema }` of a table before the schema moves. */
const before = (p: Planner, tableId: string) => inSchema(p.schemas.oldTable(tableId));

export function planDrops(p: Planner): void {
  dropForeignKeys(p);
  dropTables(p);
  dropKeysAndIndexes(p);
  dropIdentities(p);
  dropColumns(p);
}

function dropForeignKeys(p: Planner): void {
  const { ctx, analysis } = p;
  const droppedTables = new Set(ctx.droppedTables.map((t) => t.table.id));
  const readded = ctx.foreignKeys.filter(
    (pair) => pair.changed || analysis.readdedForeignKeys.has(pair.from.fk.id),
  );
  const drops = [
    ...ctx.droppedForeignKeys.map((version) => ({ version, again: false })),
    ...readded.map((pair) => ({ version: pair.from, again: true })),
  ];
  for (const { version, again } of drops) {
    const { fk, name } = version;
    // A key from a dropped table goes with it (tables are dropped next, before any key they could
    // depend on), unless it points at another dropped table: dropping it first lets the tables go
    // in any order.
    const source = droppedTables.has(fk.sourceTableId);
    if (source && (!droppedTables.has(fk.targetTableId) || fk.targetTableId === fk.sourceTableId)) continue;
    const table = ctx.from.index.table(fk.sourceTableId).name;
    p.out.add({
      id: `drop_foreign_key:${fk.id}`,
      description: again
        ? `Drop foreign key ${q(name)} of table ${q(table)} for now; it is added again after the changes under it`
        : `Drop foreign key ${q(name)} of table ${q(table)}`,
      statements: [{ kind: 'drop_constraint', ...before(p, fk.sourceTableId), table, name }],
    });
  }
}

function dropKeysAndIndexes(p: Planner): void {
  for (const table of p.ctx.tables) {
    const tableName = table.from.table.name;
    const indexes = [...table.droppedIndexes, ...table.indexes.filter((i) => i.changed).map((i) => i.from)];
    for (const { index, name } of indexes) {
      p.out.add({
        id: `drop_index:${table.id}:${index.id}`,
        description: `Drop index ${q(name)} of table ${q(tableName)}`,
        statements: [{ kind: 'drop_index', ...before(p, table.id), name }],
      });
    }
    for (const { from, to } of table.columns) {
      const name = table.from.names.uniques.get(from.id);
      if (!from.unique || to.unique || name === undefined) continue;
      p.out.add({
        id: `drop_unique:${table.id}:${from.id}`,
        description: `Drop the unique constraint ${q(name)} on ${columnLabel(tableName, from.name)}`,
        statements: [{ kind: 'drop_constraint', ...before(p, table.id), table: tableName, name }],
        hazards: [
          hazard(
            'BREAKS_CLIENTS',
            `Duplicate values of ${columnLabel(tableName, from.name)} are no longer refused, and ON CONFLICT over it fails.`,
          ),
        ],
      });
    }
    const primaryKey = table.from.names.primaryKey;
    if (table.primaryKeyChanged && primaryKey !== undefined) {
      p.out.add({
        id: `drop_primary_key:${table.id}`,
        description: `Drop the primary key ${q(primaryKey)} of table ${q(tableName)}`,
        statements: [{ kind: 'drop_constraint', ...before(p, table.id), table: tableName, name: primaryKey }],
        hazards: [
          hazard(
            'BREAKS_CLIENTS',
            `Clients relying on the old primary key of ${q(tableName)} (ON CONFLICT over it) fail.`,
          ),
        ],
      });
    }
  }
}

function dropIdentities(p: Planner): void {
  for (const table of p.ctx.tables) {
    for (const { from, to } of table.columns) {
      if (!from.identity || to.identity) continue;
      const label = columnLabel(table.from.table.name, from.name);
      p.out.add({
        id: `drop_identity:${table.id}:${from.id}`,
        description: `Stop generating values for ${label} (drop its identity and sequence)`,
        statements: [
          { kind: 'drop_identity', ...before(p, table.id), table: table.from.table.name, column: from.name },
        ],
        hazards: [
          hazard('BREAKS_CLIENTS', `Inserts that leave ${label} out no longer get a value generated.`),
        ],
      });
    }
  }
}

function dropColumns(p: Planner): void {
  for (const table of p.ctx.tables) {
    for (const column of table.droppedColumns) {
      const label = columnLabel(table.from.table.name, column.name);
      // A column made generated, or computed anew, is dropped here and added again later.
      const recreated = table.recreatedColumns.has(column.id);
      p.out.add({
        id: `drop_column:${table.id}:${column.id}`,
        description: recreated
          ? `Drop column ${label} to add it again as a generated column (PostgreSQL 15 cannot change how a column is computed)`
          : `Drop column ${label}`,
        statements: [
          { kind: 'drop_column', ...before(p, table.id), table: table.from.table.name, column: column.name },
        ],
        hazards: recreated
          ? [
              hazard(
                'DESTRUCTIVE',
                `Deletes every value of ${label}; the column added again holds computed values instead.`,
              ),
              hazard(
                'BREAKS_CLIENTS',
                `Queries naming ${label} fail until it is added again, and it moves to the end of the table.`,
              ),
            ]
          : [
              hazard('DESTRUCTIVE', `Deletes ${label} and every value in it.`),
              hazard('BREAKS_CLIENTS', `Queries naming ${label} fail.`),
            ],
      });
    }
  }
}

function dropTables(p: Planner): void {
  for (const { table } of p.ctx.droppedTables) {
    p.out.add({
      id: `drop_table:${table.id}`,
      description: `Drop table ${q(table.name)}`,
      statements: [{ kind: 'drop_table', ...before(p, table.id), table: table.name }],
      hazards: [
        hazard('DESTRUCTIVE', `Deletes table ${q(table.name)} and every row in it.`),
        hazard('BREAKS_CLIENTS', `Queries naming table ${q(table.name)} fail.`),
      ],
    });
  }
}

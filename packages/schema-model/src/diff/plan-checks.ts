import { inSchema } from '../ddl/plan-create.ts';
import { columnsReferenced } from '../sql-expression/references.ts';
import type { CheckVersion } from './check-pairs.ts';
import { pairChecks } from './check-pairs.ts';
import type { TablePair } from './context.ts';
import type { Planner } from './planner.ts';
import { q, tableAt } from './planner.ts';
import { hazard } from './steps.ts';
import type { DataCheck } from './types.ts';

/**
 * Checks of kept tables that go away or change, dropped first of all (old names): nothing depends
 * on a check, and dropping it before any column goes or changes type means neither trips on it.
 * Checks of dropped tables go with their table.
 */
export function planCheckDrops(p: Planner): void {
  for (const table of p.ctx.tables) {
    const pairs = pairChecks(table);
    const drops = [
      ...pairs.dropped.map((version) => ({ version, again: false })),
      ...pairs.kept.filter((pair) => pair.changed).map((pair) => ({ version: pair.from, again: true })),
    ];
    for (const { version, again } of drops) {
      const tableName = table.from.table.name;
      p.out.add({
        id: `drop_check:${table.id}:${version.check.id}`,
        description: again
          ? `Drop check ${q(version.name)} of table ${q(tableName)}; it is added again with its new expression`
          : `Drop check ${q(version.name)} of table ${q(tableName)}`,
        // Schemas are renamed before this, moves come after: the table's old schema, live name.
        statements: [
          {
            kind: 'drop_constraint',
            ...inSchema(p.schemas.oldTable(table.id)),
            table: tableName,
            name: version.name,
          },
        ],
      });
    }
  }
}

/**
 * New and changed checks of kept tables, once their columns have their final names and types.
 * Adding a check reads every row under a lock that blocks writes, and fails if one violates it:
 * the rows are counted first (`violates`) when every column the check reads was already there
 * under the same name, so the migration is refused before it starts rather than rolled back.
 * (`ADD … NOT VALID` then `VALIDATE` would shorten the lock, but leave a check PostgreSQL does
 * not hold for old rows if the validation were skipped; a plan holds exactly the design.)
 */
export function planCheckAdds(p: Planner): void {
  for (const table of p.ctx.tables) {
    const pairs = pairChecks(table);
    const adds = [...pairs.added, ...pairs.kept.filter((pair) => pair.changed).map((pair) => pair.to)];
    for (const version of adds) {
      const tableName = table.to.table.name;
      const dataCheck = violationCheck(table, version, p.schemas.checkTable(table.id));
      p.out.add({
        id: `add_check:${table.id}:${version.check.id}`,
        description: `Add check ${q(version.name)} on ${q(tableName)} (${version.check.expression})`,
        statements: [
          {
            kind: 'add_check',
            ...tableAt(p, table.id),
            table: tableName,
            name: version.name,
            expression: version.check.expression,
          },
        ],
        hazards: [
          hazard('LOCKS_TABLE', `Reads every row of ${q(tableName)} to check it, blocking writes meanwhile.`),
          hazard(
            'DATA_DEPENDENT',
            `Fails if an existing row of ${q(tableName)} violates ${version.check.expression}.`,
          ),
        ],
        dataChecks: dataCheck === undefined ? [] : [dataCheck],
      });
    }
  }
}

/** The count of rows violating the check, when its columns are all old ones, unchanged in name and type. */
function violationCheck(
  table: TablePair,
  version: CheckVersion,
  schema: string | undefined,
): DataCheck | undefined {
  const used = columnsReferenced(version.check.expression);
  const unchanged = used.every((name) =>
    table.columns.some(
      ({ from, to }) =>
        to.name === name && from.name === name && JSON.stringify(from.type) === JSON.stringify(to.type),
    ),
  );
  if (!unchanged || table.from.table.name !== table.to.table.name) return undefined;
  return {
    kind: 'violates',
    ...inSchema(schema),
    table: table.from.table.name,
    columns: used,
    expression: version.check.expression,
    description: `rows of ${q(table.from.table.name)} violating ${version.check.expression}`,
  };
}

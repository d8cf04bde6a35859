import type { IntrospectedView, UnsupportedObject } from '@schema-builder/schema-model/import';
import type { Connection } from 'mysql2/promise';
import type { Row } from './rows.ts';
import { rows, text } from './rows.ts';

export interface Check {
  table: string;
  name: string;
  clause: string;
}

/**
 * CHECK constraints (MariaDB 10.2+, MySQL 8.0.16+; none before). MariaDB names a column-level
 * check after its column, so checks are matched to tables by table name, not by name alone.
 */
export async function readChecks(
  connection: Connection,
  database: string,
  mariadb: boolean,
): Promise<Check[]> {
  const sql = mariadb
    ? `select TABLE_NAME as tableName, CONSTRAINT_NAME as name, CHECK_CLAUSE as clause
       from information_schema.CHECK_CONSTRAINTS where CONSTRAINT_SCHEMA = ? order by TABLE_NAME, CONSTRAINT_NAME`
    : `select tc.TABLE_NAME as tableName, cc.CONSTRAINT_NAME as name, cc.CHECK_CLAUSE as clause
       from information_schema.TABLE_CONSTRAINTS tc
       join information_schema.CHECK_CONSTRAINTS cc
         on cc.CONSTRAINT_SCHEMA = tc.CONSTRAINT_SCHEMA and cc.CONSTRAINT_NAME = tc.CONSTRAINT_NAME
       where tc.TABLE_SCHEMA = ? and tc.CONSTRAINT_TYPE = 'CHECK' order by tc.TABLE_NAME, cc.CONSTRAINT_NAME`;
  try {
    const list = await rows(connection, sql, [database]);
    return list.map((row) => ({
      table: text(row, 'tableName'),
      name: text(row, 'name'),
      clause: text(row, 'clause'),
    }));
  } catch (error) {
    // Servers without CHECK constraints have no such table: nothing to report.
    if (error instanceof Error && 'code' in error && error.code === 'ER_UNKNOWN_TABLE') return [];
    throw error;
  }
}

/** MariaDB's JSON type is LONGTEXT plus this check, named after the column. */
export function jsonCheckColumn(check: Check): string | undefined {
  const match = /^json_valid\(`((?:[^`]|``)+)`\)$/i.exec(check.clause.trim());
  const column = match?.[1]?.replaceAll('``', '`');
  return column !== undefined && column === check.name ? column : undefined;
}

/** System views, sequences (MariaDB), triggers, routines, events and partitions: one query each. */
export async function readOtherObjects(
  connection: Connection,
  database: string,
  tableRows: readonly Row[],
): Promise<UnsupportedObject[]> {
  const objects: UnsupportedObject[] = [];
  for (const row of tableRows) {
    const type = text(row, 'type').toUpperCase();
    // Views are read with their queries (`readViews`); a system view is the server's own.
    if (type === 'SYSTEM VIEW') objects.push({ kind: 'view', name: text(row, 'name') });
    if (type === 'SEQUENCE') objects.push({ kind: 'sequence', name: text(row, 'name') });
  }
  const triggers = await rows(
    connection,
    'select TRIGGER_NAME as name, EVENT_OBJECT_TABLE as tableName from information_schema.TRIGGERS where TRIGGER_SCHEMA = ? order by TRIGGER_NAME',
    [database],
  );
  for (const row of triggers)
    objects.push({ kind: 'trigger', name: text(row, 'name'), table: text(row, 'tableName') });
  const routines = await rows(
    connection,
    'select ROUTINE_NAME as name, ROUTINE_TYPE as type from information_schema.ROUTINES where ROUTINE_SCHEMA = ? order by ROUTINE_NAME',
    [database],
  );
  for (const row of routines) {
    objects.push({
      kind: text(row, 'type').toUpperCase() === 'PROCEDURE' ? 'procedure' : 'function',
      name: text(row, 'name'),
    });
  }
  const events = await rows(
    connection,
    'select EVENT_NAME as name from information_schema.EVENTS where EVENT_SCHEMA = ? order by EVENT_NAME',
    [database],
  );
  for (const row of events) objects.push({ kind: 'event', name: text(row, 'name') });
  const partitions = await rows(
    connection,
    `select TABLE_NAME as tableName, PARTITION_NAME as name, PARTITION_METHOD as method from information_schema.PARTITIONS
     where TABLE_SCHEMA = ? and PARTITION_NAME is not null order by TABLE_NAME, PARTITION_ORDINAL_POSITION`,
    [database],
  );
  for (const row of partitions) {
    objects.push({
      kind: 'partition',
      name: text(row, 'name'),
      table: text(row, 'tableName'),
      detail: `${text(row, 'method')} partitioning`,
    });
  }
  return objects;
}

/**
 * The database's views with the server's text of their queries (VIEW_DEFINITION: names in
 * backticks, qualified with the database). MySQL keeps no comment on a view.
 */
export async function readViews(connection: Connection, database: string): Promise<IntrospectedView[]> {
  const list = await rows(
    connection,
    'select TABLE_NAME as name, VIEW_DEFINITION as definition from information_schema.VIEWS where TABLE_SCHEMA = ? order by TABLE_NAME',
    [database],
  );
  return list.map((row) => ({ name: text(row, 'name'), definition: text(row, 'definition'), comment: null }));
}

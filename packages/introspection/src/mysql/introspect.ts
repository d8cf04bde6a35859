import type {
  IntrospectedCatalog,
  IntrospectedCheck,
  IntrospectedTable,
  UnsupportedObject,
} from '@schema-builder/schema-model/import';
import type { Connection } from 'mysql2/promise';
import { COLUMNS_SQL, column, TABLES_SQL } from './columns.ts';
import { addKeys, FOREIGN_KEYS_SQL, foreignKeys, statisticsSql } from './keys.ts';
import { groupBy, rows, text } from './rows.ts';
import { jsonCheckColumn, readChecks, readOtherObjects, readViews } from './unsupported.ts';

/**
 * Reads one MySQL/MariaDB database from information_schema: a fixed number of queries (tables,
 * columns, index parts, foreign-key columns, checks, triggers, routines, events, partitions),
 * whatever the number of tables. Open the connection with `SAFE_MYSQL_OPTIONS`.
 */
export async function introspectMysql(
  connection: Connection,
  database: string,
): Promise<IntrospectedCatalog> {
  const [versionRow] = await rows(connection, 'select version() as version', []);
  const mariadb = text(versionRow ?? {}, 'version')
    .toLowerCase()
    .includes('mariadb');
  const tableRows = await rows(connection, TABLES_SQL, [database]);
  const columnsByTable = groupBy(await rows(connection, COLUMNS_SQL, [database]), 'tableName');
  const statisticsByTable = groupBy(await rows(connection, statisticsSql(mariadb), [database]), 'tableName');
  const foreignKeysByTable = groupBy(await rows(connection, FOREIGN_KEYS_SQL, [database]), 'tableName');
  const checks = await readChecks(connection, database, mariadb);
  const unsupported: UnsupportedObject[] = await readOtherObjects(connection, database, tableRows);
  const views = await readViews(connection, database);

  const jsonColumns = new Map<string, Set<string>>();
  const checksByTable = new Map<string, IntrospectedCheck[]>();
  for (const check of checks) {
    const json = mariadb ? jsonCheckColumn(check) : undefined;
    if (json === undefined) {
      // MariaDB names a column-level check after its column.
      const column = check.level?.toLowerCase() === 'column' ? { column: check.name } : {};
      const list = checksByTable.get(check.table) ?? [];
      list.push({ name: check.name, expression: check.clause, ...column, options: [] });
      checksByTable.set(check.table, list);
      continue;
    }
    const set = jsonColumns.get(check.table) ?? new Set<string>();
    set.add(json);
    jsonColumns.set(check.table, set);
  }

  const tables: IntrospectedTable[] = [];
  for (const row of tableRows) {
    const type = text(row, 'type').toUpperCase();
    if (type !== 'BASE TABLE' && type !== 'SYSTEM VERSIONED') continue;
    const name = text(row, 'name');
    const table: IntrospectedTable = {
      name,
      comment: text(row, 'comment') || null,
      columns: (columnsByTable.get(name) ?? []).map((r) =>
        column(r, mariadb, jsonColumns.get(name) ?? new Set()),
      ),
      primaryKey: null,
      uniqueConstraints: [],
      indexes: [],
      foreignKeys: foreignKeys(database, foreignKeysByTable.get(name) ?? []),
    };
    const tableChecks = checksByTable.get(name);
    if (tableChecks !== undefined) table.checks = tableChecks;
    addKeys(table, statisticsByTable.get(name) ?? []);
    tables.push(table);
  }
  return { schema: database, tables, enums: [], views, unsupported };
}

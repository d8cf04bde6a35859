import type { ConnectionRow } from '@schema-builder/db';
import { type DriverHandle, driverFailureOf, withDriver } from '@schema-builder/drivers';
import {
  introspectMongo,
  introspectMysql,
  introspectPostgres,
  introspectSqlite,
  listMongoDatabases,
  SchemaNotFoundError,
} from '@schema-builder/introspection';
import type { IntrospectedCatalog, IntrospectedTable } from '@schema-builder/schema-model/import';
import { AppError } from '../../errors/codes.ts';
import type { ProbeCode } from './probe.ts';
import { PROBE_MESSAGES } from './probe.ts';
import type { TargetOptions } from './test-connection.ts';
import { resolveTarget } from './test-connection.ts';

/** What a node of a connection's tree can be. */
export const CATALOG_KINDS = ['database', 'table', 'view', 'column'] as const;

/** One node of a connection's tree: a database, a table or view, or a column. */
export interface CatalogEntry {
  path: string;
  parentPath: string;
  kind: (typeof CATALOG_KINDS)[number];
  name: string;
  details: Record<string, unknown>;
}

/** Databases a sync visits at most; beyond that the user narrows the connection to one. */
const MAX_DATABASES = 50;
const SYSTEM_MYSQL = ['mysql', 'information_schema', 'performance_schema', 'sys'];

export const pathOf = (...names: string[]) => names.map(encodeURIComponent).join('/');

/**
 * Reads databases, then tables and views, then columns, from the live server: the connection's
 * own database when it names one, else every database it may connect to (up to a limit).
 */
export async function readLiveCatalog(row: ConnectionRow, options: TargetOptions & { timeoutMs: number }) {
  const entries: CatalogEntry[] = [];
  const databases = await run(row, options, row.database, 'id', (handle) =>
    listDatabases(handle, row.database),
  );
  for (const database of databases) {
    entries.push({ path: pathOf(database), parentPath: '', kind: 'database', name: database, details: {} });
    entries.push(...entriesOf(database, await readDatabaseCatalog(row, options, database, 'id')));
  }
  return entries;
}

/**
 * One database's structure, read through a saved connection; PostgreSQL's `public` schema only,
 * unless `schemas` asks for several (see `introspectPostgres`).
 */
export function readDatabaseCatalog(
  row: ConnectionRow,
  options: TargetOptions & { timeoutMs: number },
  database: string | null,
  errorPath: string,
  schemas?: readonly string[] | 'all',
): Promise<IntrospectedCatalog> {
  return run(row, options, database, errorPath, (handle) => introspect(handle, database, schemas));
}

async function run<T>(
  row: ConnectionRow,
  options: TargetOptions & { timeoutMs: number },
  database: string | null,
  errorPath: string,
  use: (handle: DriverHandle) => Promise<T>,
): Promise<T> {
  const target = await resolveTarget(row, options, database);
  if ('ok' in target) throw connectionFailed(target.code, errorPath);
  try {
    return await withDriver(target, options.timeoutMs, use);
  } catch (error) {
    throw error instanceof AppError ? error : connectionFailed(driverFailureOf(error), errorPath, error);
  }
}

async function listDatabases(handle: DriverHandle, configured: string | null): Promise<string[]> {
  switch (handle.type) {
    case 'postgresql': {
      if (configured) return [configured];
      const rows = await handle.sql<{ datname: string }[]>`
        SELECT datname FROM pg_database
        WHERE NOT datistemplate AND has_database_privilege(datname, 'CONNECT')
        ORDER BY datname LIMIT ${MAX_DATABASES}`;
      return rows.map((r) => r.datname);
    }
    case 'mysql': {
      if (configured) return [configured];
      const [rows] = await handle.connection.query(
        'SELECT schema_name AS name FROM information_schema.schemata WHERE schema_name NOT IN (?) ORDER BY 1 LIMIT ?',
        [SYSTEM_MYSQL, MAX_DATABASES],
      );
      return (rows as Array<{ name: string }>).map((r) => r.name);
    }
    case 'sqlite':
      return ['main'];
    case 'mongodb':
      return configured ? [configured] : (await listMongoDatabases(handle.client)).slice(0, MAX_DATABASES);
  }
}

function introspect(
  handle: DriverHandle,
  database: string | null,
  schemas?: readonly string[] | 'all',
): Promise<IntrospectedCatalog> {
  switch (handle.type) {
    case 'postgresql':
      return introspectPostgres(handle.sql, schemas === undefined ? {} : { schemas }).catch(
        (error: unknown) => {
          // A schema asked for that the database does not have: the request's mistake, at its field.
          if (!(error instanceof SchemaNotFoundError)) throw error;
          throw new AppError('VALIDATION_ERROR', 'A schema to import does not exist in that database.', {
            details: [
              {
                path: 'schemas',
                code: 'UNKNOWN_SCHEMA',
                message: `The database has no ${error.message.replace(/ does not exist$/, '')}.`,
              },
            ],
          });
        },
      );
    case 'mysql':
      if (!database) throw connectionFailed('DATABASE_NOT_FOUND', 'database');
      return introspectMysql(handle.connection, database);
    case 'sqlite':
      return Promise.resolve(introspectSqlite(handle.db));
    case 'mongodb':
      return introspectMongo(handle.client, database ?? handle.database);
  }
}

function entriesOf(database: string, catalog: IntrospectedCatalog): CatalogEntry[] {
  const entries: CatalogEntry[] = [];
  for (const table of catalog.tables) {
    const tablePath = pathOf(database, table.name);
    entries.push({
      path: tablePath,
      parentPath: pathOf(database),
      kind: 'table',
      name: table.name,
      details: {
        comment: table.comment,
        primaryKey: table.primaryKey,
        uniqueConstraints: table.uniqueConstraints,
        indexes: table.indexes,
        foreignKeys: table.foreignKeys,
      },
    });
    entries.push(...columnEntries(database, table));
  }
  // Views the introspector read with their queries, then those it only lists (a SQLite view
  // naming its columns, a MySQL system view).
  const views = [
    ...(catalog.views ?? []).map((view) => ({ name: view.name, definition: view.definition })),
    ...catalog.unsupported
      .filter((object) => object.kind === 'view' && !object.schema)
      .map((object) => ({ name: object.name, definition: object.detail ?? null })),
  ];
  for (const view of views) {
    const details = { definition: view.definition };
    entries.push({
      path: pathOf(database, view.name),
      parentPath: pathOf(database),
      kind: 'view',
      name: view.name,
      details,
    });
  }
  return entries;
}

function columnEntries(database: string, table: IntrospectedTable): CatalogEntry[] {
  return table.columns.map((column) => {
    const foreignKey = table.foreignKeys.find(
      (fk) => fk.columns.length === 1 && fk.columns[0] === column.name,
    );
    return {
      path: pathOf(database, table.name, column.name),
      parentPath: pathOf(database, table.name),
      kind: 'column',
      name: column.name,
      details: {
        type: column.nativeType,
        nullable: column.nullable,
        default: column.default,
        autoIncrement: column.autoIncrement,
        primaryKey: table.primaryKey?.columns.includes(column.name) ?? false,
        unique: table.uniqueConstraints.some(
          (key) => key.columns.length === 1 && key.columns[0] === column.name,
        ),
        foreignKey: foreignKey
          ? {
              table: foreignKey.refTable,
              columns: foreignKey.refColumns,
              onDelete: foreignKey.onDelete,
              onUpdate: foreignKey.onUpdate,
            }
          : null,
        indexes: table.indexes
          .filter((index) => index.columns.includes(column.name))
          .map((index) => index.name),
        comment: column.comment,
      },
    };
  });
}

function connectionFailed(code: ProbeCode, path: string, cause?: unknown): AppError {
  return new AppError('CONNECTION_FAILED', PROBE_MESSAGES[code], {
    details: [{ path, code, message: PROBE_MESSAGES[code] }],
    cause,
  });
}

import type { Database } from '@schema-builder/db';
import type { ImportWarning, IntrospectedCatalog } from '@schema-builder/schema-model/import';
import { catalogToDesign, IMPORT_DIALECTS } from '@schema-builder/schema-model/import';
import { AppError } from '../../errors/codes.ts';
import type { RequestOrigin } from '../audit/record-event.ts';
import type { User } from '../auth/principal.ts';
import { createSchema } from '../schemas/create-schema.ts';
import type { DesignLimits } from '../schemas/design-check.ts';
import { getSchema } from '../schemas/read-schemas.ts';
import type { SchemaResource } from '../schemas/types.ts';
import { updateSchema } from '../schemas/update-schema.ts';
import { assertActive, findConnection } from './connections.ts';
import { readDatabaseCatalog } from './live-catalog.ts';
import type { TargetOptions } from './test-connection.ts';

export interface ImportInput {
  connectionId: string;
  /** The database to read; default the connection's own. */
  database?: string | undefined;
  /** Only these tables (names; `schema.table` outside PostgreSQL's `public`); default all. */
  tables?: string[] | undefined;
  /** PostgreSQL: only these schemas; default every schema but the system's and extensions'. */
  schemas?: string[] | undefined;
  /** The new design's name; default the database's. */
  name?: string | undefined;
  /** Import as a new version of this design instead of creating one. */
  schemaId?: string | undefined;
}

export interface ImportDesignOptions extends TargetOptions {
  db: Database;
  user: User;
  origin: RequestOrigin;
  limits: DesignLimits;
  timeoutMs: number;
  input: ImportInput;
}

/**
 * Reads a live database's structure through a saved connection and stores it as a design (or a
 * new version of one). What the design model cannot express comes back as warnings.
 */
export async function importDesign(
  options: ImportDesignOptions,
): Promise<{ schema: SchemaResource; warnings: ImportWarning[] }> {
  const { db, user, input } = options;
  const row = await findConnection(db, user.id, input.connectionId);
  assertActive(row);
  const database = input.database ?? row.database;
  if (input.schemas !== undefined && row.type !== 'postgresql') {
    throw new AppError('VALIDATION_ERROR', 'Only PostgreSQL databases have schemas to choose.', {
      details: [
        { path: 'schemas', code: 'NOT_POSTGRESQL', message: `A ${row.type} connection has no schemas.` },
      ],
    });
  }
  // A PostgreSQL import reads every schema (or those asked for): `public` is the design's default.
  const catalog = await readDatabaseCatalog(row, options, database, 'connectionId', input.schemas ?? 'all');
  const dialect = IMPORT_DIALECTS.find((known) => known === row.type) ?? 'postgresql';
  const { document, warnings } = catalogToDesign(onlyTables(catalog, input.tables), {
    name: input.name ?? database ?? row.name,
    dialect,
  });
  const common = {
    db,
    user,
    origin: options.origin,
    limits: options.limits,
    input: { ...document, changeNote: `imported from connection "${row.name}"` },
  };
  if (!input.schemaId) return { schema: await createSchema(common), warnings };
  const current = await getSchema({ db, user, id: input.schemaId });
  const schema = await updateSchema({ ...common, id: current.id, expectedVersion: current.version });
  return { schema, warnings };
}

function onlyTables(catalog: IntrospectedCatalog, tables: string[] | undefined): IntrospectedCatalog {
  if (!tables) return catalog;
  const label = (table: IntrospectedCatalog['tables'][number]) =>
    table.schema === undefined ? table.name : `${table.schema}.${table.name}`;
  const known = new Set(catalog.tables.map(label));
  const unknown = tables.filter((name) => !known.has(name));
  if (unknown.length > 0) {
    throw new AppError('VALIDATION_ERROR', 'Some tables to import do not exist in that database.', {
      details: unknown.map((name) => ({
        path: 'tables',
        code: 'UNKNOWN_TABLE',
        message: `No table named "${name}".`,
      })),
    });
  }
  const wanted = new Set(tables);
  return { ...catalog, tables: catalog.tables.filter((table) => wanted.has(label(table))) };
}

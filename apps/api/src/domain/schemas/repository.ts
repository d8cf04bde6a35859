import type { Database, Queryable, SchemaRow } from '@schema-builder/db';
import { schemas, schemaVersions } from '@schema-builder/db';
import type { AnyColumn } from 'drizzle-orm';
import { and, eq, ilike, isNull, or, Placeholder, sql } from 'drizzle-orm';
import type { KeysetOrder } from '../pagination/keyset.ts';
import { afterCursor, cursorKeyOf, orderOf, rowsFor } from '../pagination/keyset.ts';
import type { PageInput } from '../pagination/page.ts';
import type { SchemaSort } from './types.ts';

/**
 * Data access for designs. Every function takes the owner and filters by it, so no caller can
 * reach another owner's rows by forgetting a WHERE clause.
 */

const live = (ownerId: string, id: string) =>
  and(eq(schemas.id, id), eq(schemas.ownerId, ownerId), isNull(schemas.deletedAt));

const tableCount = sql<number>`coalesce(jsonb_array_length(${schemas.definition}->'tables'), 0)`.mapWith(
  Number,
);

export const summaryColumns = {
  id: schemas.id,
  name: schemas.name,
  description: schemas.description,
  status: schemas.status,
  currentVersion: schemas.currentVersion,
  tableCount,
  createdAt: schemas.createdAt,
  updatedAt: schemas.updatedAt,
};

export type SchemaSummaryRow = Pick<
  SchemaRow,
  'id' | 'name' | 'description' | 'status' | 'currentVersion' | 'createdAt' | 'updatedAt'
> & { tableCount: number };

/** The prepared statements' condition: the live design `id` of the owner `ownerId` (placeholders). */
function liveSchemaOfOwner() {
  return and(
    eq(schemas.id, sql.placeholder('id')),
    eq(schemas.ownerId, sql.placeholder('ownerId')),
    isNull(schemas.deletedAt),
  );
}

/** Reading one design is the hot path: a prepared statement, built once per database. */
const findSchemaQueries = new WeakMap<Database, ReturnType<typeof prepareFindSchema>>();

function prepareFindSchema(db: Database) {
  return db.select().from(schemas).where(liveSchemaOfOwner()).limit(1).prepare('find_schema');
}

export async function findSchema(db: Database, ownerId: string, id: string): Promise<SchemaRow | undefined> {
  let query = findSchemaQueries.get(db);
  if (!query) {
    query = prepareFindSchema(db);
    findSchemaQueries.set(db, query);
  }
  const [row] = await query.execute({ ownerId, id });
  return row;
}

/**
 * The same read with the document as jsonb's text and the table count from the database: what
 * the REST adapter writes as is, so the hot path neither parses nor serialises the document.
 * Drizzle renders the statement once (its identifiers, the shared condition); postgres.js runs it
 * prepared and the row is read by position, without Drizzle's per-row mapping, which the profile
 * of `GET /schemas/{id}` showed as a cost of its own.
 */
const findStoredSchemaQueries = new WeakMap<Database, ReturnType<typeof prepareFindStoredSchema>>();

export interface StoredSchemaRow extends Omit<SchemaSummaryRow, 'createdAt' | 'updatedAt'> {
  /** ISO-8601 in UTC with milliseconds, as `Date#toISOString` writes it. */
  createdAt: string;
  updatedAt: string;
  /** The document as jsonb's text. */
  definition: string;
}

/**
 * A timestamp as `Date#toISOString` writes it, made by the database: both truncate to the
 * millisecond, and it spares the hot path parsing PostgreSQL's text into a Date and back.
 */
const isoTimestamp = (column: AnyColumn) =>
  sql<string>`to_char(${column} AT TIME ZONE 'UTC', ${'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'})`;

function prepareFindStoredSchema(db: Database) {
  const { sql: text, params } = db
    .select({
      id: schemas.id,
      name: schemas.name,
      description: schemas.description,
      status: schemas.status,
      currentVersion: schemas.currentVersion,
      tableCount,
      createdAt: isoTimestamp(schemas.createdAt),
      updatedAt: isoTimestamp(schemas.updatedAt),
      definition: sql`${schemas.definition}::text`,
    })
    .from(schemas)
    .where(liveSchemaOfOwner())
    .limit(1)
    .toSQL();
  return async (values: { id: string; ownerId: string }): Promise<StoredSchemaRow | undefined> => {
    const args = params.map((param) =>
      param instanceof Placeholder ? values[param.name as keyof typeof values] : param,
    );
    const [row] = (await db.$client
      .unsafe(text, args as string[], { prepare: true })
      .values()) as unknown[][];
    if (!row) return undefined;
    const [id, name, description, status, currentVersion, count, createdAt, updatedAt, definition] = row;
    return {
      id: String(id),
      name: String(name),
      description: String(description),
      status: String(status),
      currentVersion: Number(currentVersion),
      tableCount: Number(count),
      createdAt: String(createdAt),
      updatedAt: String(updatedAt),
      definition: String(definition),
    };
  };
}

export async function findStoredSchema(
  db: Database,
  ownerId: string,
  id: string,
): Promise<StoredSchemaRow | undefined> {
  let query = findStoredSchemaQueries.get(db);
  if (!query) {
    query = prepareFindStoredSchema(db);
    findStoredSchemaQueries.set(db, query);
  }
  return query({ ownerId, id });
}

/** Only the current version of a live design: answers If-None-Match without reading the document. */
const findVersionQueries = new WeakMap<Database, ReturnType<typeof prepareFindVersion>>();

function prepareFindVersion(db: Database) {
  return db
    .select({ currentVersion: schemas.currentVersion })
    .from(schemas)
    .where(liveSchemaOfOwner())
    .limit(1)
    .prepare('find_schema_version');
}

export async function findSchemaVersion(
  db: Database,
  ownerId: string,
  id: string,
): Promise<number | undefined> {
  let query = findVersionQueries.get(db);
  if (!query) {
    query = prepareFindVersion(db);
    findVersionQueries.set(db, query);
  }
  const [row] = await query.execute({ ownerId, id });
  return row?.currentVersion;
}

/** The live row locked for an update inside `tx`. */
export async function lockSchema(tx: Queryable, ownerId: string, id: string): Promise<SchemaRow | undefined> {
  const [row] = await tx.select().from(schemas).where(live(ownerId, id)).for('update');
  return row;
}

const keyset = (name: SchemaSort, column: AnyColumn, direction: 'asc' | 'desc'): KeysetOrder => ({
  name: `schemas:${name}`,
  columns: [column, schemas.id],
  direction,
});

/** Each sort is a keyset order: the id breaks ties, and the cursor remembers the sort. */
export const SCHEMA_ORDERS = {
  '-updatedAt': keyset('-updatedAt', schemas.updatedAt, 'desc'),
  updatedAt: keyset('updatedAt', schemas.updatedAt, 'asc'),
  '-createdAt': keyset('-createdAt', schemas.createdAt, 'desc'),
  createdAt: keyset('createdAt', schemas.createdAt, 'asc'),
  name: keyset('name', schemas.name, 'asc'),
  '-name': keyset('-name', schemas.name, 'desc'),
} satisfies Record<SchemaSort, KeysetOrder>;

export async function listSchemas(
  db: Database,
  options: PageInput & { ownerId: string; search?: string; sort: SchemaSort },
): Promise<Array<SchemaSummaryRow & { cursorKey: string[] }>> {
  const order = SCHEMA_ORDERS[options.sort];
  const pattern = options.search ? `%${escapeLike(options.search)}%` : undefined;
  return db
    .select({ ...summaryColumns, cursorKey: cursorKeyOf(order) })
    .from(schemas)
    .where(
      and(
        eq(schemas.ownerId, options.ownerId),
        isNull(schemas.deletedAt),
        pattern ? or(ilike(schemas.name, pattern), ilike(schemas.description, pattern)) : undefined,
        afterCursor(order, options.cursor),
      ),
    )
    .orderBy(...orderOf(order))
    .limit(rowsFor(options));
}

/** LIKE treats % _ and \ specially; a search for "50%" means the characters. */
function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}

export async function softDeleteSchema(
  db: Queryable,
  ownerId: string,
  id: string,
): Promise<Date | undefined> {
  const [row] = await db
    .update(schemas)
    .set({ deletedAt: sql`now()` })
    .where(live(ownerId, id))
    .returning({ deletedAt: schemas.deletedAt });
  return row?.deletedAt ?? undefined;
}

const versionSummaryColumns = {
  version: schemaVersions.version,
  createdAt: schemaVersions.createdAt,
  createdBy: schemaVersions.createdBy,
  changeNote: schemaVersions.changeNote,
};

/** Versions newest first; the number is unique within a design. */
export const VERSION_ORDER: KeysetOrder = {
  name: 'versions',
  columns: [schemaVersions.version],
  direction: 'desc',
};

/** A page of versions of a live design of this owner; undefined when there is no such design. */
export async function listVersions(db: Database, ownerId: string, id: string, page: PageInput) {
  const owned = await db.select({ id: schemas.id }).from(schemas).where(live(ownerId, id));
  if (owned.length === 0) return undefined;
  return db
    .select({ ...versionSummaryColumns, cursorKey: cursorKeyOf(VERSION_ORDER) })
    .from(schemaVersions)
    .where(and(eq(schemaVersions.schemaId, id), afterCursor(VERSION_ORDER, page.cursor)))
    .orderBy(...orderOf(VERSION_ORDER))
    .limit(rowsFor(page));
}

export async function findVersion(db: Database, ownerId: string, id: string, version: number) {
  const [row] = await db
    .select({ ...versionSummaryColumns, definition: schemaVersions.definition })
    .from(schemaVersions)
    .innerJoin(schemas, eq(schemas.id, schemaVersions.schemaId))
    .where(and(live(ownerId, id), eq(schemaVersions.version, version)));
  return row;
}

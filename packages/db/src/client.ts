import type { PgDatabase } from 'drizzle-orm/pg-core';
import type { PostgresJsQueryResultHKT } from 'drizzle-orm/postgres-js';
import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import * as schema from './schema/index.ts';

export interface DatabaseOptions {
  url: string;
  /** Pool size; postgres.js opens connections lazily up to this many. */
  max?: number;
  /** Called for server notices; the default drops them (they are not errors). */
  onnotice?: (notice: postgres.Notice) => void;
}

/** A pooled connection to the metadata database and the Drizzle instance over it. */
export function createDatabase({ url, max = 10, onnotice = () => {} }: DatabaseOptions) {
  const sql = postgres(url, { max, onnotice, connection: { application_name: 'schema-builder' } });
  const db = drizzle(sql, { schema });
  return { sql, db, close: () => sql.end({ timeout: 5 }) };
}

export type Database = ReturnType<typeof createDatabase>['db'];

/** The database or a transaction on it: what repository functions accept. */
export type Queryable = PgDatabase<PostgresJsQueryResultHKT, typeof schema>;

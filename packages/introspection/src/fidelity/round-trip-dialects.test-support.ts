import { generateDdl } from '@schema-builder/schema-model/ddl';
import type { DesignDocument } from '@schema-builder/schema-model/design';
import { normalizeDesign } from '@schema-builder/schema-model/design';
import type { IntrospectedCatalog } from '@schema-builder/schema-model/import';
import Database from 'better-sqlite3';
import { introspectMysql } from '../mysql/introspect.ts';
import { introspectSqlite } from '../sqlite/introspect.ts';
import { compareCatalogs } from './compare.test-support.ts';
import { createMariadbDatabase } from './load-mysql.test-support.ts';
import type { Score } from './score.test-support.ts';

/**
 * The second half of a MySQL round trip: the imported design's MySQL DDL loaded into a fresh
 * MariaDB database, introspected, and compared with the catalog it was imported from.
 */
export async function mysqlRoundTrip(
  url: string,
  before: IntrospectedCatalog,
  document: DesignDocument,
): Promise<Score> {
  const { sql } = generateDdl(normalizeDesign(document), { dialect: 'mysql' });
  const copy = await createMariadbDatabase(url);
  try {
    await copy.load(sql);
    const after = await introspectMysql(copy.connection, copy.name);
    return compareCatalogs(before, after, 'mysql');
  } finally {
    await copy.drop();
  }
}

/** The same for SQLite: the design's SQLite DDL in a fresh in-memory database. */
export function sqliteRoundTrip(before: IntrospectedCatalog, document: DesignDocument): Score {
  const { sql } = generateDdl(normalizeDesign(document), { dialect: 'sqlite' });
  const db = new Database(':memory:');
  try {
    db.exec(sql);
    return compareCatalogs(before, introspectSqlite(db), 'sqlite');
  } finally {
    db.close();
  }
}

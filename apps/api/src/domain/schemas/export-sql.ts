import type { Database } from '@schema-builder/db';
import type { SqlDialect } from '@schema-builder/schema-model/ddl';
import { generateDdl } from '@schema-builder/schema-model/ddl';
import type { DesignDocument } from '@schema-builder/schema-model/design';
import { normalizeDesign } from '@schema-builder/schema-model/design';
import type { User } from '../auth/principal.ts';
import { assertValidDesign } from './design-check.ts';
import { getSchema } from './read-schemas.ts';
import { getSchemaVersion } from './versions.ts';

export interface ExportSqlOptions {
  db: Database;
  user: User;
  id: string;
  dialect: SqlDialect;
  /** A stored version; default the current one. */
  version?: number | undefined;
}

/**
 * DDL for a stored design, with what the target engine made different (`warnings`). Re-validated:
 * rules may have tightened since it was saved.
 */
export async function exportSql({ db, user, id, dialect, version }: ExportSqlOptions) {
  const definition: DesignDocument =
    version === undefined
      ? (await getSchema({ db, user, id })).definition
      : (await getSchemaVersion({ db, user, id, version })).definition;
  assertValidDesign(definition);
  const ddl = generateDdl(normalizeDesign(definition), { dialect });
  return { dialect: ddl.dialect, sql: ddl.sql, statements: ddl.statements, warnings: ddl.warnings };
}

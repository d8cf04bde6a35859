/**
 * `@schema-builder/schema-model/ddl`: the script that creates a design, for each SQL dialect.
 * Safe in a browser. PostgreSQL-only names say so.
 */
export { DdlGenerationError } from './design-index.ts';
export {
  EXPORT_WARNING_CODES,
  type ExportWarning,
  type ExportWarningCode,
} from './export-warning.ts';
export {
  type GenerateDdlOptions,
  type GeneratedDdl,
  generateDdl,
  SQL_DIALECTS,
  type SqlDialect,
} from './generate.ts';
export { postgresLocalSettings, postgresPreamble } from './postgres/session-settings.ts';
export type { DdlStatement } from './statements.ts';

export { DdlGenerationError } from './design-index.ts';
export type { ExportWarning, ExportWarningCode } from './export-warning.ts';
export { EXPORT_WARNING_CODES } from './export-warning.ts';
export type { GenerateDdlOptions, GeneratedDdl, SqlDialect } from './generate.ts';
export { generateDdl, joinStatements, SQL_DIALECTS } from './generate.ts';
export { renderMysqlPlan, renderMysqlPlanWithChanges, renderMysqlStatement } from './mysql/render.ts';
export { renderMysqlDefault } from './mysql/render-default.ts';
export { renderMysqlType } from './mysql/render-type.ts';
export { MYSQL_PREAMBLE } from './mysql/session-settings.ts';
export type { DesignNames, TableNames } from './naming.ts';
export {
  assignNames,
  fitIdentifier,
  MAX_IDENTIFIER_BYTES,
  postgresObjectName,
  shortHash,
  truncateUtf8,
  uniqueIdentifier,
  utf8Length,
} from './naming.ts';
export { planCreate } from './plan-create.ts';
export { renderStatement } from './postgres/render.ts';
export { renderDefault } from './postgres/render-default.ts';
export { renderType } from './postgres/render-type.ts';
export {
  DEFAULT_POSTGRES_SCHEMA,
  postgresLocalSettings,
  postgresPreamble,
  postgresSessionSettings,
} from './postgres/session-settings.ts';
export type { CreateContext } from './render-context.ts';
export { createContext } from './render-context.ts';
export { renderSqlitePlan, renderSqlitePlanWithChanges, renderSqliteStatement } from './sqlite/render.ts';
export { renderSqliteDefault } from './sqlite/render-table.ts';
export { renderSqliteType } from './sqlite/render-type.ts';
export type * from './statements.ts';
export type * from './statements-alter.ts';

export { DdlGenerationError } from './design-index.ts';
export { generateDdl, joinStatements, SQL_DIALECTS } from './generate.ts';
export type { GeneratedDdl, GenerateDdlOptions, SqlDialect } from './generate.ts';
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
export type { DesignNames, TableNames } from './naming.ts';
export { planCreate } from './plan-create.ts';
export { renderStatement } from './postgres/render.ts';
export { renderDefault } from './postgres/render-default.ts';
export { renderType } from './postgres/render-type.ts';
export type * from './statements.ts';

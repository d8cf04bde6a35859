/**
 * `@schema-builder/schema-model/import`: a design from what a database says it has (an
 * introspected catalog of PostgreSQL, MySQL/MariaDB, SQLite or MongoDB), with a warning for
 * everything that did not carry over.
 */
export type {
  IntrospectedCatalog,
  IntrospectedCheck,
  IntrospectedColumn,
  IntrospectedEnum,
  IntrospectedForeignKey,
  IntrospectedIndex,
  IntrospectedIndexKey,
  IntrospectedKey,
  IntrospectedSchema,
  IntrospectedTable,
  IntrospectedView,
  UnsupportedKind,
  UnsupportedObject,
} from './catalog.ts';
export { checkClauseBody } from './check-text.ts';
export { type ParsedDefault, parseDefault } from './parse-default.ts';
export { type CatalogImport, type CatalogToDesignOptions, catalogToDesign } from './to-design.ts';
export { IMPORT_DIALECTS, type ImportDialect } from './type-mapping.ts';
export type { MongodbNativeType } from './types-mongodb.ts';
export { IMPORT_WARNING_CODES, type ImportWarning, type ImportWarningCode } from './warnings.ts';

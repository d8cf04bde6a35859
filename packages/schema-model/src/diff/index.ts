/**
 * `@schema-builder/schema-model/diff`: from one design version to the next on PostgreSQL (the
 * migration plan, its hazards and the data checks to run first), and whether a live database's
 * tables are a design's.
 */
export {
  type CatalogMismatch,
  type CatalogMismatchCode,
  type CatalogTable,
  type CatalogView,
  compareWithCatalog,
} from './compare-catalog.ts';
export { renderPostgresDataCheck } from './data-check.ts';
export { planPostgresMigration } from './diff.ts';
export {
  type DataCheck,
  HAZARD_CODES,
  type Hazard,
  type HazardCode,
  type MigrationPlan,
  MigrationPlanError,
  type MigrationStep,
  type RefusedChange,
} from './types.ts';

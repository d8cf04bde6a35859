export {
  type CheckDataOptions,
  checkMigrationData,
  type DataCheckRequest,
  type DataFinding,
  DEFAULT_CHECK_TIMEOUT_MS,
} from './data-checks.ts';
export {
  PROVISIONING_ERROR_CODES,
  ProvisioningError,
  type ProvisioningErrorCode,
  reasonOf,
} from './errors.ts';
export {
  type DatabaseInspection,
  type InspectedColumn,
  type InspectedTable,
  type InspectedView,
  inspectDatabase,
} from './inspect.ts';
export { type KeyFile, loadOrCreateKeyFile } from './key-file.ts';
export { whileJobRuns } from './locks.ts';
export {
  LOG_FORMATS,
  type LogFormat,
  logDestination,
  processLoggerOptions,
  resolveLogFormat,
} from './log-options.ts';
export {
  type LogSafeError,
  logSafeArguments,
  logSafeError,
  logSafeFields,
  logSafeMessage,
  withoutLiterals,
} from './log-safe-error.ts';
export { type DeploymentIdentity, MARKER_PREFIX, type Marker, parseMarker } from './markers.ts';
export {
  type DatabaseMigration,
  type MigrateOutcome,
  type MigrationStepSql,
  migrateDatabase,
} from './migrate.ts';
export {
  GENERATED_NAME,
  type GeneratedNames,
  generateNames,
  MAX_NAME_BYTES,
  type NameInput,
  slugify,
} from './names.ts';
export { type DatabaseRef, DEFAULT_CONNECTION_LIMIT, type ProvisionPlan } from './plan.ts';
export {
  type EnsurePoolOptions,
  type EnsurePoolResult,
  ensurePool,
  listPoolDatabases,
} from './pool.ts';
export {
  cleanupAfterFailure,
  dropProvisioned,
  type ProvisionOptions,
  type ProvisionStep,
  provision,
  provisionSteps,
} from './provision.ts';
export {
  findMarked,
  type MarkedDatabase,
  type MarkedObjects,
  type MarkedRole,
  type ReconcileOptions,
  type ReconcileResult,
  reconcile,
  removeDeployment,
} from './reconcile.ts';
export {
  generatePassword,
  parseScramVerifier,
  type ScramOptions,
  type ScramVerifier,
  scramSha256Verifier,
  scramVerifierMatches,
} from './scram.ts';
export {
  decodeKey,
  deriveKeyId,
  generateKey,
  SecretBox,
  SecretBoxError,
  type SecretBoxErrorCode,
  type SecretKey,
} from './secret-box.ts';
export {
  APPLICATION_NAME,
  type InDatabaseOptions,
  type OpenTargetOptions,
  openTarget,
  type TargetSession,
} from './session.ts';
export { type DatabaseOutcome, dropDatabase as dropDatabaseOnly } from './steps/database.ts';
export { rotatePassword } from './steps/role.ts';
export type { ApplyOutcome } from './steps/schema.ts';
export { parseTargetList } from './target-list.ts';
export { checkTargets, chooseTarget, databaseUrl, redactUrl, type TargetServer } from './targets.ts';
